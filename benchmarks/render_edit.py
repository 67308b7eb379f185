"""The fixed edit of the render benchmark: its sources, its project, and facts about it.

Sources (made with lavfi, cached under ``benchmarks/.corpus/render/``; moving test
patterns so the encoder has real work to do):

- ``a-720p30.mp4``: 1280x720 at 30 fps, 14 s, a 440 Hz tone;
- ``b-1080p25.mp4``: 1920x1080 at 25 fps, 12 s, no audio;
- ``c-480p2997.mp4``: 854x480 at 30000/1001 fps, 17 s, a 1000 Hz tone.

The edit (SPEC's project at 1920x1080, 30 fps): clip A 2-12 s with a text overlay, a
1 s crossfade into clip B 0-10 s, a hard cut to clip C 5-15 s at 2x speed: 24 s, 720
frames. ``--quick`` keeps the shape with 2 s clips (A 2-4 s, B 0-2 s, C 5-9 s at 2x):
5 s, 150 frames.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import httpx

from benchmarks.corpus import CACHE_DIR

FPS = 30
WIDTH, HEIGHT = 1920, 1080
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TEXT = "stoat-ferret: clip A"
TONE_A_HZ, TONE_C_HZ = 440.0, 1000.0
SOURCE_VERSION = 1


@dataclass(frozen=True)
class SourceSpec:
    name: str
    size: tuple[int, int]
    rate: str
    seconds: int
    tone_hz: float | None


SOURCES = (
    SourceSpec("a-720p30.mp4", (1280, 720), "30", 14, TONE_A_HZ),
    SourceSpec("b-1080p25.mp4", (1920, 1080), "25", 12, None),
    SourceSpec("c-480p2997.mp4", (854, 480), "30000/1001", 17, TONE_C_HZ),
)


@dataclass(frozen=True)
class Edit:
    """Clip windows in seconds of each source and the crossfade, for every renderer."""

    a: tuple[float, float]
    b: tuple[float, float]
    c: tuple[float, float]
    crossfade_s: float = 1.0
    speed: float = 2.0

    @property
    def a_s(self) -> float:
        return self.a[1] - self.a[0]

    @property
    def b_s(self) -> float:
        return self.b[1] - self.b[0]

    @property
    def c_s(self) -> float:
        """Clip C's length on the timeline (after the speed change)."""
        return (self.c[1] - self.c[0]) / self.speed

    @property
    def b_start_s(self) -> float:
        return self.a_s - self.crossfade_s

    @property
    def c_start_s(self) -> float:
        return self.b_start_s + self.b_s

    @property
    def duration_s(self) -> float:
        return self.c_start_s + self.c_s

    @property
    def frames(self) -> int:
        return round(self.duration_s * FPS)

    def source_at(self, t: float, folder: Path) -> tuple[Path, float]:
        """The source file and instant shown at timeline time ``t`` (A in the crossfade)."""
        a, b, c = (folder / spec.name for spec in SOURCES)
        if t < self.a_s:
            return a, self.a[0] + t
        if t < self.c_start_s:
            return b, self.b[0] + t - self.b_start_s
        return c, self.c[0] + (t - self.c_start_s) * self.speed


FULL = Edit(a=(2, 12), b=(0, 10), c=(5, 15))
QUICK = Edit(a=(2, 4), b=(0, 2), c=(5, 9))


def make_sources(log: object = print, cache_dir: Path = CACHE_DIR) -> Path:
    """The three sources (made once, then reused); returns their folder."""
    folder = cache_dir / f"render-v{SOURCE_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    for spec in SOURCES:
        path = folder / spec.name
        if path.is_file():
            continue
        width, height = spec.size
        argv = ["ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y"]
        argv += ["-f", "lavfi", "-i", f"testsrc2=s={width}x{height}:r={spec.rate}:d={spec.seconds}"]
        if spec.tone_hz is not None:
            sine = f"sine=f={spec.tone_hz}:sample_rate=48000:d={spec.seconds}"
            argv += ["-f", "lavfi", "-i", sine, "-c:a", "aac", "-ac", "2"]
        argv += ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "60"]
        part = path.with_suffix(".part.mp4")
        subprocess.run([*argv, str(part)], check=True, timeout=600)
        part.rename(path)
        if callable(log):
            log(f"made {path}")
    return folder


def _ok(response: httpx.Response) -> dict[str, object]:
    if response.is_error:
        raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text}")
    body: dict[str, object] = response.json()
    return body


def create_project(client: httpx.Client, videos: dict[str, str], edit: Edit) -> str:
    """The edit as a project, through the editor's routes (as an API user builds it)."""
    project = _ok(client.post("/api/v1/projects", json={"name": "Render benchmark"}))
    project_id = str(project["id"])
    names = [spec.name for spec in SOURCES]
    windows = [edit.a, edit.b, edit.c]
    clip_ids = []
    for name, (start, end) in zip(names, windows, strict=True):
        body = {
            "source_video_id": videos[name],
            "in_point": round(start * FPS),
            "out_point": round(end * FPS),
        }
        created = _ok(client.post(f"/api/v1/projects/{project_id}/clips", json=body))
        clip_ids.append(str(created["id"]))
    text = {"text": TEXT, "font_size": 64, "color": "white", "position": "bottom"}
    effects = [
        (clip_ids[0], {"effect_type": "text_overlay", "parameters": text}),
        (clip_ids[2], {"effect_type": "speed", "parameters": {"factor": edit.speed}}),
    ]
    for clip_id, effect in effects:
        _ok(client.post(f"/api/v1/projects/{project_id}/clips/{clip_id}/effects", json=effect))
    transition = {
        "from_clip_id": clip_ids[0],
        "to_clip_id": clip_ids[1],
        "duration": round(edit.crossfade_s * FPS),
    }
    _ok(client.post(f"/api/v1/projects/{project_id}/transitions", json=transition))
    return project_id
