"""Session-wide real media for the ffmpeg tests, generated once with the real ffmpeg.

``CORPUS`` describes every clip together with the values a correct probe must
return, so the probe tests and the backend parity suite share one source of truth.
Files live under pytest's ``tmp_path_factory`` and are generated on first use.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from stoat_ferret.ffmpeg import FFprobeBackend, PyAVBackend
from tests.support.media import (
    ffmpeg_encoders,
    make_audio_only,
    make_audio_with_cover,
    make_bad_files,
    make_clip,
)

MP4_FORMAT = "mov,mp4,m4a,3gp,3g2,mj2"
MATROSKA_FORMAT = "matroska,webm"

BFRAME_ARGS = (
    "-bf", "3", "-g", "10", "-sc_threshold", "0",
    "-x264-params", "b-adapt=0:open-gop=1",
)  # fmt: skip
"""x264 options after the preset (``ultrafast`` alone writes no B-frames)."""


@dataclass(frozen=True)
class CorpusClip:
    """One generated clip and what probing it must report."""

    filename: str
    width: int
    height: int
    video_codec: str
    audio_codec: str | None
    frame_rate: Fraction
    duration_s: float
    container: str
    make_kwargs: dict[str, Any] = field(default_factory=dict)
    audio_channels: int | None = None
    audio_sample_rate: int | None = None


CORPUS: dict[str, CorpusClip] = {
    "h264_aac_mp4": CorpusClip(
        "h264_aac.mp4", 320, 240, "h264", "aac", Fraction(30), 1.0, MP4_FORMAT,
        audio_channels=1, audio_sample_rate=48_000,
    ),
    "video_only_mp4": CorpusClip(
        "video_only.mp4", 320, 240, "h264", None, Fraction(30), 1.0, MP4_FORMAT,
        {"acodec": None},
    ),
    "vp9_opus_webm": CorpusClip(
        "vp9_opus.webm", 320, 240, "vp9", "opus", Fraction(30), 1.0, MATROSKA_FORMAT,
        audio_channels=1, audio_sample_rate=48_000,
    ),
    "h264_pal_mkv": CorpusClip(
        "pal.mkv", 320, 240, "h264", None, Fraction(25), 1.0, MATROSKA_FORMAT,
        {"rate": "25", "acodec": None},
    ),
    "ntsc_stereo_mov": CorpusClip(
        "ntsc_stereo.mov", 320, 240, "h264", "aac", Fraction(30000, 1001), 1.0, MP4_FORMAT,
        {"rate": "30000/1001", "audio_channels": 2, "sample_rate": 44_100},
        audio_channels=2, audio_sample_rate=44_100,
    ),
    "hevc_mp4": CorpusClip(
        "hevc.mp4", 320, 240, "hevc", "aac", Fraction(30), 1.0, MP4_FORMAT,
        {"vcodec": "libx265"}, audio_channels=1, audio_sample_rate=48_000,
    ),
    "mpeg4_avi": CorpusClip(
        "mpeg4.avi", 320, 240, "mpeg4", "mp3", Fraction(30), 1.0, "avi",
        audio_channels=1, audio_sample_rate=48_000,
    ),
    "h264_mpegts": CorpusClip(
        "h264.ts", 320, 240, "h264", "aac", Fraction(30), 1.0, "mpegts",
        audio_channels=1, audio_sample_rate=48_000,
    ),
    "mpeg2_mpg": CorpusClip(
        "mpeg2.mpg", 320, 240, "mpeg2video", "mp2", Fraction(30), 1.0, "mpeg",
        audio_channels=1, audio_sample_rate=48_000,
    ),
    "cif_ntsc_mp4": CorpusClip(
        "cif_ntsc.mp4", 352, 288, "h264", None, Fraction(30000, 1001), 1.0, MP4_FORMAT,
        {"size": (352, 288), "rate": "30000/1001", "acodec": None},
    ),
    "portrait_mp4": CorpusClip(
        "portrait.mp4", 180, 320, "h264", None, Fraction(24), 1.0, MP4_FORMAT,
        {"size": (180, 320), "rate": "24", "acodec": None},
    ),
    "half_second_mp4": CorpusClip(
        "half_second.mp4", 320, 240, "h264", "aac", Fraction(30), 0.5, MP4_FORMAT,
        {"duration_s": 0.5}, audio_channels=1, audio_sample_rate=48_000,
    ),
    "twenty_seconds_mp4": CorpusClip(
        "twenty_seconds.mp4", 320, 240, "h264", None, Fraction(30), 20.0, MP4_FORMAT,
        {"duration_s": 20.0, "acodec": None},
    ),
    # Long enough for the 5 s cap to apply (10 % of 60 s would be 6 s); small and
    # slow so it is quick to generate.
    "sixty_seconds_mp4": CorpusClip(
        "sixty_seconds.mp4", 160, 120, "h264", None, Fraction(10), 60.0, MP4_FORMAT,
        {"duration_s": 60.0, "size": (160, 120), "rate": "10", "acodec": None},
    ),
    # B-frames (decode order differs from display order; MP4 stores composition
    # offsets) in open GOPs of 10 frames with no scene cuts: keyframes at 0, 0.333,
    # 0.667 s ... The thumbnail time, 10 % of 4 s = 0.4 s, is a B-frame of the second
    # GOP, so the seek must land on the keyframe before it and decode forward.
    "h264_bframes_mp4": CorpusClip(
        "bframes.mp4", 320, 240, "h264", "aac", Fraction(30), 4.0, MP4_FORMAT,
        {"duration_s": 4.0, "extra_args": BFRAME_ARGS},
        audio_channels=1, audio_sample_rate=48_000,
    ),
    # The same encoding, 3 s long: the thumbnail time, 0.3 s, is a "leading" B-frame,
    # shown just before the keyframe at 0.333 s but decoded after it (open GOP).
    "h264_bframes_leading_b_mp4": CorpusClip(
        "bframes_leading_b.mp4", 320, 240, "h264", None, Fraction(30), 3.0, MP4_FORMAT,
        {"duration_s": 3.0, "acodec": None, "extra_args": BFRAME_ARGS},
    ),
}  # fmt: skip
"""Name -> clip; the names are the parametrize ids of the probe and parity tests."""


@dataclass(frozen=True)
class AudioClip:
    """One generated sound file (a 1 s ``sine``) and what probing it must report."""

    filename: str
    encoder: str
    audio_codec: str
    container: str
    audio_channels: int
    audio_sample_rate: int


AUDIO_CORPUS: dict[str, AudioClip] = {
    "mp3": AudioClip("tone.mp3", "libmp3lame", "mp3", "mp3", 2, 44_100),
    "m4a": AudioClip("tone.m4a", "aac", "aac", MP4_FORMAT, 1, 48_000),
    "aac": AudioClip("tone.aac", "aac", "aac", "aac", 1, 48_000),
    "wav": AudioClip("tone.wav", "pcm_s16le", "pcm_s16le", "wav", 2, 44_100),
    "flac": AudioClip("tone.flac", "flac", "flac", "flac", 1, 48_000),
    "ogg": AudioClip("tone.ogg", "libvorbis", "vorbis", "ogg", 2, 48_000),
    "opus": AudioClip("tone.opus", "libopus", "opus", "ogg", 1, 48_000),
}
"""One clip per audio extension the scan indexes (SPEC §9 "Library media")."""

ENCODERS = ffmpeg_encoders()
"""What the local ffmpeg can encode, asked once at collection."""


def audio_params() -> list[Any]:
    """``AUDIO_CORPUS`` names as parameters; one whose encoder is missing says so in its id."""
    return [
        pytest.param(name, id=name if clip.encoder in ENCODERS else f"{name}-no-{clip.encoder}")
        for name, clip in AUDIO_CORPUS.items()
    ]


@pytest.fixture(scope="session")
def audio_files(media_root: Path) -> dict[str, Path]:
    """Generate every ``AUDIO_CORPUS`` file the local ffmpeg can encode."""
    return {
        name: make_audio_only(
            media_root / "audio" / clip.filename,
            acodec=clip.encoder,
            sample_rate=clip.audio_sample_rate,
            audio_channels=clip.audio_channels,
        )
        for name, clip in AUDIO_CORPUS.items()
        if clip.encoder in ENCODERS
    }


@pytest.fixture(scope="session")
def media_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for all generated media of the session."""
    return tmp_path_factory.mktemp("ffmpeg-media")


@pytest.fixture(scope="session")
def corpus_files(media_root: Path) -> dict[str, Path]:
    """Generate every ``CORPUS`` clip once and return name -> path."""
    paths = {}
    for name, clip in CORPUS.items():
        kwargs = {"duration_s": clip.duration_s, **clip.make_kwargs}
        paths[name] = make_clip(media_root / "corpus" / clip.filename, **kwargs)
    return paths


@pytest.fixture(scope="session")
def bad_files(media_root: Path) -> dict[str, Path]:
    """Files no probe can accept (see ``make_bad_files``)."""
    return make_bad_files(media_root / "bad")


@pytest.fixture(scope="session")
def cover_art_file(media_root: Path) -> Path:
    """An AAC file whose only picture is ``attached_pic`` cover art."""
    return make_audio_with_cover(media_root / "cover_art.mp4")


@pytest.fixture(scope="session")
def ffprobe_path() -> str:
    found = shutil.which("ffprobe")
    assert found, "ffprobe is required for these tests"
    return found


@pytest.fixture(scope="session")
def ffmpeg_path() -> str:
    found = shutil.which("ffmpeg")
    assert found, "ffmpeg is required for these tests"
    return found


@pytest.fixture(scope="session")
def ffprobe_backend(ffprobe_path: str, ffmpeg_path: str) -> FFprobeBackend:
    return FFprobeBackend(ffprobe_path=ffprobe_path, ffmpeg_path=ffmpeg_path)


@pytest.fixture(scope="session")
def pyav_backend() -> PyAVBackend:
    return PyAVBackend()


def write_fake_binary(folder: Path, name: str, body: str) -> tuple[Path, Path]:
    """Write an executable shell script standing in for ffprobe/ffmpeg.

    The script first records its pid in ``<name>.pid`` so a test can check later
    that the process is really gone (killed *and* reaped: a zombie still answers
    ``os.kill(pid, 0)``).

    Returns:
        ``(script, pid_file)``.
    """
    pid_file = folder / f"{name}.pid"
    script = folder / name
    script.write_text(f'#!/bin/sh\necho $$ > "{pid_file}"\n{body}\n')
    script.chmod(0o755)
    return script, pid_file


@pytest.fixture
def hanging_binary(tmp_path: Path) -> tuple[Path, Path]:
    """A fake binary that never finishes: ``exec sleep 1000`` keeps its pid."""
    return write_fake_binary(tmp_path, "hanging-ffprobe", "exec sleep 1000")


def process_exists(pid: int) -> bool:
    """True while ``pid`` exists, zombies included."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def fifo_video(tmp_path: Path) -> Iterator[Path]:
    """A FIFO named ``.mp4``: opening it blocks until a writer appears.

    It stands in for a file on a stalled network mount. Teardown opens and closes
    the write end so any reader still blocked (an abandoned PyAV thread) gets EOF
    and finishes.
    """
    path = tmp_path / "stalled.mp4"
    os.mkfifo(path)
    yield path
    release_fifo(path)


def release_fifo(path: Path) -> None:
    """Give blocked readers of the FIFO an EOF (no-op when nobody is reading)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return
    os.close(fd)
