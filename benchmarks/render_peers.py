"""The render benchmark's baselines: one hand-written ffmpeg command, MoviePy 2, editly.

The hand-written command is what someone fluent in ffmpeg would type for the edit:
one ``filter_complex``, input seeking with ``-ss``/``-t``, the same encoder settings as
our render. It is the floor for a one-graph render: our job runs one such graph plus
the server, the progress pipe and the verification.

MoviePy and editly are installed for the benchmark only, never as project
dependencies: MoviePy in ``benchmarks/.peers`` (``uv venv`` + ``uv pip install``),
editly in ``benchmarks/.peers-node`` (``npm install``; its native modules ``canvas`` and
``gl`` are built from source here, which needs cairo, pango and GL headers, and ``gl``
needs an X display: editly runs under ``xvfb-run`` when there is none). A peer that
cannot be installed is reported as such, with the reason.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.render_edit import FONT, FPS, HEIGHT, SOURCES, TEXT, WIDTH, Edit

HERE = Path(__file__).resolve().parent
PEERS_VENV = HERE / ".peers"
PEERS_NODE = HERE / ".peers-node"
MOVIEPY_VERSION = "2.2.1"
EDITLY_VERSION = "0.14.2"
ENCODER = ["-c:v", "libx264", "-crf", "23", "-preset", "medium"]
ENCODER += ["-c:a", "aac", "-ar", "48000", "-ac", "2", "-movflags", "+faststart"]


@dataclass
class Run:
    """One timed render: wall seconds, the output, and why it failed if it did."""

    name: str
    wall_s: float | None
    output: Path
    error: str | None = None
    timed_out_after_s: float | None = None


def _fit(width: int = WIDTH, height: int = HEIGHT) -> str:
    return (
        f"scale={width}:{height}:force_original_aspect_ratio=decrease,"
        f"pad={width}:{height}:(ow-iw)/2:(oh-ih)/2,setsar=1"
    )


def hand_written_argv(folder: Path, edit: Edit, output: Path) -> list[str]:
    """The edit as one ffmpeg command, written by hand (not by our graph builder)."""
    a, b, c = (str(folder / spec.name) for spec in SOURCES)
    text = TEXT.replace(":", "\\:")
    graph = ";".join(
        [
            f"[0:v]fps={FPS},{_fit()},drawtext=fontfile={FONT}:text='{text}':fontsize=64:"
            "fontcolor=white:x=(w-text_w)/2:y=h*0.95-text_h,format=yuv420p[va]",
            f"[1:v]fps={FPS},{_fit()},format=yuv420p[vb]",
            f"[2:v]setpts=PTS/{edit.speed:g},fps={FPS},{_fit()},format=yuv420p[vc]",
            f"[va][vb]xfade=transition=fade:duration={edit.crossfade_s:g}:"
            f"offset={edit.b_start_s:g}[vab]",
            f"[vab][vc]concat=n=2:v=1:a=0,setpts=N/({FPS}*TB)[v]",
            "[0:a]aresample=48000[aa]",
            f"anullsrc=r=48000:cl=stereo,atrim=duration={edit.b_s:g}[ab]",
            f"[2:a]atempo={edit.speed:g},aresample=48000,atrim=duration={edit.c_s:g}[ac]",
            f"[aa][ab]acrossfade=d={edit.crossfade_s:g}[aab]",
            "[aab][ac]concat=n=2:v=0:a=1[a]",
        ]
    )
    argv = ["ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y"]
    argv += ["-ss", f"{edit.a[0]:g}", "-t", f"{edit.a_s:g}", "-i", a]
    argv += ["-ss", f"{edit.b[0]:g}", "-t", f"{edit.b_s:g}", "-i", b]
    argv += ["-ss", f"{edit.c[0]:g}", "-t", f"{edit.c[1] - edit.c[0]:g}", "-i", c]
    argv += ["-filter_complex", graph, "-map", "[v]", "-map", "[a]", *ENCODER, str(output)]
    return argv


def _timed(name: str, argv: list[str], output: Path, limit_s: float = 3600) -> Run:
    """Run ``argv`` in its own process group; past ``limit_s`` the whole group is killed.

    A peer spawns its own ffmpeg, so killing only the direct child would leave it running.
    """
    started = time.monotonic()
    try:
        # In the output's folder: MoviePy writes its temporary audio file to the cwd.
        process = subprocess.Popen(
            argv, cwd=output.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    except OSError as exc:
        return Run(name, None, output, str(exc)[-500:])
    try:
        printed, _ = process.communicate(timeout=limit_s)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return Run(name, None, output, f"did not finish within {limit_s:.0f} s", limit_s)
    wall = time.monotonic() - started
    if process.returncode != 0:
        return Run(name, None, output, printed.decode(errors="replace")[-800:])
    return Run(name, wall, output)


def run_hand_written(folder: Path, edit: Edit, output: Path) -> Run:
    return _timed("hand-written ffmpeg", hand_written_argv(folder, edit, output), output)


def _spec(folder: Path, edit: Edit, output: Path) -> dict[str, Any]:
    a, b, c = (str(folder / spec.name) for spec in SOURCES)
    return {
        "a": a, "b": b, "c": c, "a_window": list(edit.a), "b_window": list(edit.b),
        "c_window": list(edit.c), "crossfade_s": edit.crossfade_s, "speed": edit.speed,
        "text": TEXT, "font": FONT, "width": WIDTH, "height": HEIGHT, "fps": FPS,
        "output": str(output),
    }  # fmt: skip


def ensure_moviepy(log: Any) -> str | None:
    """MoviePy in the peers' virtualenv; returns why not when it cannot be had."""
    python = PEERS_VENV / "bin" / "python"
    probe = [str(python), "-c", "import moviepy"]
    if python.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return None
    uv = shutil.which("uv")
    if uv is None:
        return "uv not found (needed to make benchmarks/.peers)"
    log(f"installing MoviePy {MOVIEPY_VERSION} into {PEERS_VENV} (benchmark only)")
    for argv in (
        [uv, "venv", "-q", str(PEERS_VENV)],
        [uv, "pip", "install", "-q", "--python", str(python), f"moviepy=={MOVIEPY_VERSION}"],
    ):
        done = subprocess.run(argv, capture_output=True, text=True)
        if done.returncode != 0:
            return f"{' '.join(argv[:3])}: {done.stderr[-400:]}"
    return None


def moviepy_version() -> str | None:
    argv = [str(PEERS_VENV / "bin" / "python"), "-c",
            "import importlib.metadata as m; print(m.version('moviepy'))"]  # fmt: skip
    done = subprocess.run(argv, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def run_moviepy(folder: Path, edit: Edit, output: Path, limit_s: float = 3600) -> Run:
    spec_path = output.with_suffix(".json")
    spec_path.write_text(json.dumps(_spec(folder, edit, output)))
    script = HERE / "peers" / "moviepy_edit.py"
    argv = [str(PEERS_VENV / "bin" / "python"), str(script), str(spec_path)]
    return _timed(f"MoviePy {moviepy_version()}", argv, output, limit_s)


def ensure_editly(log: Any) -> str | None:
    """editly in its own npm folder; returns why not when it cannot be installed."""
    if (PEERS_NODE / "node_modules" / "editly" / "cli.js").exists():
        return None
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        return "node and npm are not installed"
    PEERS_NODE.mkdir(parents=True, exist_ok=True)
    package = PEERS_NODE / "package.json"
    if not package.exists():
        package.write_text('{"name": "render-bench-peers", "private": true}\n')
    log(f"installing editly {EDITLY_VERSION} into {PEERS_NODE} (benchmark only)")
    argv = [npm, "install", "--no-audit", "--no-fund", f"editly@{EDITLY_VERSION}"]
    done = subprocess.run(argv, cwd=PEERS_NODE, capture_output=True, text=True)
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if "rror" in line]
        return "npm install editly failed: " + " / ".join(errors[:6])[-600:]
    return None


def editly_spec(folder: Path, edit: Edit, output: Path) -> dict[str, Any]:
    """The edit in editly's JSON: a crossfade after A, a hard cut after B, C sped up.

    editly speeds a video layer up when the clip's ``duration`` is shorter than its
    ``cutTo - cutFrom``.
    """
    a, b, c = (str(folder / spec.name) for spec in SOURCES)
    title = {"type": "title", "text": TEXT, "fontPath": FONT, "position": "bottom"}
    video = {"type": "video", "resizeMode": "contain"}
    return {
        "outPath": str(output),
        "width": WIDTH,
        "height": HEIGHT,
        "fps": FPS,
        "keepSourceAudio": True,
        "allowRemoteRequests": False,
        "defaults": {"transition": None},
        "customOutputArgs": ENCODER,
        "clips": [
            {
                "duration": edit.a_s,
                "transition": {"name": "fade", "duration": edit.crossfade_s},
                "layers": [{**video, "path": a, "cutFrom": edit.a[0], "cutTo": edit.a[1]}, title],
            },
            {
                "duration": edit.b_s,
                "layers": [{**video, "path": b, "cutFrom": edit.b[0], "cutTo": edit.b[1]}],
            },
            {
                "duration": edit.c_s,
                "layers": [{**video, "path": c, "cutFrom": edit.c[0], "cutTo": edit.c[1]}],
            },
        ],
    }


def editly_version() -> str | None:
    package = PEERS_NODE / "node_modules" / "editly" / "package.json"
    if not package.exists():
        return None
    return str(json.loads(package.read_text())["version"])


def run_editly(folder: Path, edit: Edit, output: Path, limit_s: float = 3600) -> Run:
    spec_path = output.with_suffix(".json5")
    spec_path.write_text(json.dumps(editly_spec(folder, edit, output), indent=1))
    editly = PEERS_NODE / "node_modules" / "editly" / "cli.js"
    argv = ["node", str(editly), str(spec_path)]
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
        # headless-gl (editly's transitions) needs an X display; Xvfb is one without a screen.
        argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", *argv]
    return _timed(f"editly {editly_version()}", argv, output, limit_s)
