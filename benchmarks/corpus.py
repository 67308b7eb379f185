"""The benchmark corpus: many real video files in nested folders, cached on disk.

Encoding 1,000 distinct files with ffmpeg takes far too long on a 2-core machine, so
the corpus is built in two steps:

1. a pool of distinct *templates* (40 by default) is encoded from ffmpeg's ``lavfi``
   sources, covering the mix: containers mp4/mkv/mov/webm, codecs
   h264/vp9/mpeg4/hevc (those whose encoder this ffmpeg has), picture sizes from
   160x120 to 1280x720 plus 1920x1080 for 10 % of them, 1 to 10 s, four frame rates,
   half of them with audio;
2. the corpus files are *copies* of the templates (template ``i % templates`` for
   file ``i``), so the mix of the corpus is the mix of the pool. Each copy is a
   distinct file with its own inode and path, which is all the scanner can see: it
   probes and thumbnails every copy from scratch. About 2 % of the files are bad
   (empty, random bytes, text, audio only, truncated).

What copies do not give: variety of content inside one template class (every copy of
a template decodes the same frames). The scan's cost depends on the container, codec,
size and duration, which the pool covers, not on the picture.

Both steps are cached under ``benchmarks/.corpus/`` (git-ignored), keyed by a hash of
their parameters; a ``manifest.json`` written last marks a finished build, so an
interrupted build is redone, never reused half-way.

Bit rates are capped (about 0.05 bit per pixel, at most 4 Mbit/s) to keep a 1,000-file
corpus around half a gigabyte; a scan reads headers and a few frames, so the bit rate
barely changes its cost.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tests.support.media import make_bad_files, run_ffmpeg

CACHE_DIR = Path(__file__).resolve().parent / ".corpus"
FORMAT_VERSION = 1
"""Bump when the way templates or copies are made changes, to invalidate caches."""

BAD_EVERY = 50
"""One file in 50 (2 %) is a bad file."""

SIZES: tuple[tuple[int, int], ...] = ((160, 120), (320, 240), (640, 360), (854, 480), (1280, 720))
FULL_HD = (1920, 1080)
RATES = ("30", "25", "30000/1001", "24")

# (container suffix, codec name as ffprobe prints it) pairs the muxers accept.
COMBINATIONS: tuple[tuple[str, str], ...] = (
    (".mp4", "h264"),
    (".mkv", "vp9"),
    (".mov", "h264"),
    (".webm", "vp9"),
    (".mkv", "h264"),
    (".mp4", "hevc"),
    (".mov", "mpeg4"),
    (".mkv", "hevc"),
    (".mp4", "mpeg4"),
    (".mov", "hevc"),
    (".mkv", "mpeg4"),
)

FULL_HD_COMBINATIONS: tuple[tuple[str, str], ...] = (
    (".mp4", "h264"),
    (".mkv", "hevc"),
    (".webm", "vp9"),
    (".mov", "mpeg4"),
)
"""The 1920x1080 templates take one codec each, so the costliest decodes are all covered."""

ENCODERS: dict[str, str] = {"h264": "libx264", "hevc": "libx265", "vp9": "libvpx-vp9",
                            "mpeg4": "mpeg4"}  # fmt: skip
ENCODER_ARGS: dict[str, tuple[str, ...]] = {
    "libx264": ("-preset", "ultrafast", "-pix_fmt", "yuv420p"),
    "libx265": ("-preset", "ultrafast", "-pix_fmt", "yuv420p", "-x265-params", "log-level=error"),
    "libvpx-vp9": ("-deadline", "realtime", "-cpu-used", "8"),
    "mpeg4": ("-pix_fmt", "yuv420p"),
}
AUDIO_CODECS = {".webm": "libopus"}
"""Audio encoder per suffix; AAC where not listed."""


@dataclass(frozen=True)
class Template:
    """One distinct encoded clip of the pool."""

    name: str
    suffix: str
    codec: str
    width: int
    height: int
    duration_s: int
    rate: str
    audio: bool


@dataclass(frozen=True)
class CorpusFile:
    """One file of the corpus: a copy of a template, or a bad file."""

    path: str
    template: str
    bad: bool


@dataclass(frozen=True)
class Corpus:
    """A built corpus: its folder, its files and its templates."""

    root: Path
    files: tuple[CorpusFile, ...]
    templates: tuple[Template, ...]
    size_bytes: int

    @property
    def good(self) -> list[CorpusFile]:
        return [f for f in self.files if not f.bad]

    def summary(self) -> dict[str, Any]:
        """Counts for the results file: how the corpus is mixed."""
        by_template = {t.name: t for t in self.templates}
        mix: dict[str, dict[str, int]] = {"container": {}, "codec": {}, "size": {}}
        for item in self.good:
            template = by_template[item.template]
            for key, value in (
                ("container", template.suffix),
                ("codec", template.codec),
                ("size", f"{template.width}x{template.height}"),
            ):
                mix[key][value] = mix[key].get(value, 0) + 1
        durations = [by_template[f.template].duration_s for f in self.good]
        return {
            "root": str(self.root),
            "files": len(self.files),
            "bad_files": sum(1 for f in self.files if f.bad),
            "templates": len(self.templates),
            "size_bytes": self.size_bytes,
            "duration_s_min": min(durations, default=0),
            "duration_s_max": max(durations, default=0),
            "mix": mix,
        }


def available_encoders() -> set[str]:
    """Names of the video encoders this ffmpeg was built with."""
    listing = subprocess.run(
        ["ffmpeg", "-hide_banner", "-encoders"], capture_output=True, text=True, check=True
    ).stdout
    return {line.split()[1] for line in listing.splitlines() if line.startswith(" V")}


def plan_templates(count: int, encoders: set[str], *, tiny: bool = False) -> list[Template]:
    """The template pool: ``count`` distinct clips cycling through the mix.

    Every tenth template is 1920x1080; the others cycle through the smaller sizes.
    Durations run through 1..10 s within every ten templates, in an order that does
    not follow the sizes, so sizes and lengths mix. ``tiny`` (for the smoke test)
    keeps the mix of containers and codecs but makes every clip 1 s and 160x120.
    """
    combinations = [(s, c) for s, c in COMBINATIONS if ENCODERS[c] in encoders]
    full_hd = [(s, c) for s, c in FULL_HD_COMBINATIONS if ENCODERS[c] in encoders]
    if not combinations:
        raise RuntimeError("ffmpeg has none of the encoders libx264, libx265, libvpx-vp9, mpeg4")
    templates = []
    for n in range(count):
        if n % 10 == 4:
            suffix, codec = full_hd[(n // 10) % len(full_hd)]
            width, height = FULL_HD
        else:
            suffix, codec = combinations[n % len(combinations)]
            width, height = SIZES[n % len(SIZES)]
        duration_s = 1 + (3 * n + n // 10) % 10
        rate = RATES[(n // 3) % len(RATES)]
        if tiny:
            width, height, duration_s = 160, 120, 1
        templates.append(
            Template(
                name=f"t{n:02d}_{codec}_{width}x{height}_{duration_s}s{suffix}",
                suffix=suffix,
                codec=codec,
                width=width,
                height=height,
                duration_s=duration_s,
                rate=rate,
                audio=n % 2 == 0,
            )
        )
    return templates


def _bit_rate(template: Template) -> int:
    fps = 30
    return min(4_000_000, max(100_000, int(template.width * template.height * fps * 0.05)))


def encode_template(template: Template, dest: Path) -> None:
    """Encode one template with ffmpeg (blocking; seconds for the big ones)."""
    encoder = ENCODERS[template.codec]
    size = f"{template.width}x{template.height}"
    args = [
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size={size}:rate={template.rate}:duration={template.duration_s}",
    ]
    if template.audio:
        args += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={template.duration_s}"]
    args += ["-map", "0:v", "-c:v", encoder, *ENCODER_ARGS[encoder]]
    args += ["-b:v", str(_bit_rate(template))]
    if template.codec == "hevc" and template.suffix in {".mp4", ".mov"}:
        args += ["-tag:v", "hvc1"]  # the tag Apple players expect for HEVC in MP4/MOV
    if template.audio:
        args += ["-map", "1:a", "-c:a", AUDIO_CODECS.get(template.suffix, "aac"), "-ac", "2"]
    args += ["-t", str(template.duration_s), str(dest)]
    run_ffmpeg(args, timeout_s=600)


def _key(payload: object) -> str:
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return None
    data: dict[str, Any] = json.loads(manifest.read_text())
    return data


def _write_manifest(folder: Path, data: dict[str, Any]) -> None:
    tmp = folder / "manifest.json.tmp"
    tmp.write_text(json.dumps(data, indent=1))
    tmp.replace(folder / "manifest.json")


def build_templates(
    count: int, *, tiny: bool = False, cache_dir: Path = CACHE_DIR, log: Any = print
) -> Path:
    """Encode the template pool (cached); returns its folder."""
    encoders = available_encoders()
    templates = plan_templates(count, encoders, tiny=tiny)
    folder = cache_dir / f"templates-{_key([FORMAT_VERSION, [asdict(t) for t in templates]])}"
    if _read_manifest(folder) is not None:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for n, template in enumerate(templates, 1):
        log(f"  encoding template {n}/{len(templates)}: {template.name}")
        encode_template(template, folder / template.name)
    make_bad_files(folder / "bad")
    _write_manifest(folder, {"templates": [asdict(t) for t in templates]})
    return folder


def _relative_folder(n: int) -> str:
    """Nested folders one to three levels deep, so the walk has real work to do."""
    parts = [f"shoot{n % 8:02d}"]
    if n % 3:
        parts.append(f"day{(n // 8) % 5}")
    if n % 5 == 0:
        parts.append(f"cam{(n // 40) % 2}")
    return "/".join(parts)


def build_corpus(
    files: int,
    *,
    templates: int = 40,
    tiny: bool = False,
    cache_dir: Path = CACHE_DIR,
    log: Any = print,
) -> Corpus:
    """Build (or reuse) a corpus of ``files`` files made from ``templates`` templates."""
    template_dir = build_templates(templates, tiny=tiny, cache_dir=cache_dir, log=log)
    manifest = _read_manifest(template_dir)
    assert manifest is not None
    pool = tuple(Template(**t) for t in manifest["templates"])
    bad_pool = sorted((template_dir / "bad").iterdir())
    root = cache_dir / f"corpus-{files}-{_key([FORMAT_VERSION, template_dir.name, files])}"
    cached = _read_manifest(root)
    if cached is None:
        if root.exists():
            shutil.rmtree(root)
        log(f"  copying {files} files into {root}")
        made = _copy_files(root, files, pool, template_dir, bad_pool)
        _write_manifest(root, {"files": [asdict(f) for f in made]})
        cached = _read_manifest(root)
        assert cached is not None
    listed = tuple(CorpusFile(**f) for f in cached["files"])
    size = sum(os.stat(f.path).st_size for f in listed)
    return Corpus(root=root / "files", files=listed, templates=pool, size_bytes=size)


def _copy_files(
    root: Path, files: int, pool: Sequence[Template], template_dir: Path, bad_pool: list[Path]
) -> list[CorpusFile]:
    made = []
    for n in range(files):
        folder = root / "files" / _relative_folder(n)
        folder.mkdir(parents=True, exist_ok=True)
        if n % BAD_EVERY == BAD_EVERY - 1:
            source = bad_pool[(n // BAD_EVERY) % len(bad_pool)]
            dest = folder / f"bad_{n:05d}_{source.name}"
            shutil.copyfile(source, dest)
            made.append(CorpusFile(str(dest), source.name, True))
            continue
        template = pool[n % len(pool)]
        dest = folder / f"clip_{n:05d}{template.suffix}"
        shutil.copyfile(template_dir / template.name, dest)
        made.append(CorpusFile(str(dest), template.name, False))
    return made


def sample(corpus: Corpus, count: int, seed: int) -> list[CorpusFile]:
    """A reproducible random sample of the corpus (bad files included, as in the corpus)."""
    files = list(corpus.files)
    return random.Random(seed).sample(files, min(count, len(files)))
