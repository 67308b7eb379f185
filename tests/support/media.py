"""Generate real media files for tests with ffmpeg's ``lavfi`` sources.

Every helper here is synchronous and shells out to the real ``ffmpeg`` binary: tests
in this project never mock ffmpeg, they build small real files instead. The files are
tiny (320x240, a second or so, ``-preset ultrafast``) so a whole corpus is generated in
a couple of seconds; cache them in a session-scoped fixture under
``tmp_path_factory`` rather than regenerating them per test.

Typical use::

    from tests.support.media import make_clip, make_bad_files

    clip = make_clip(tmp / "a.mp4")                              # h264 + aac, 1 s, 30 fps
    ntsc = make_clip(tmp / "b.mov", rate="30000/1001", acodec=None)
    webm = make_clip(tmp / "c.webm")                             # vp9 + opus (by suffix)
    bad = make_bad_files(tmp / "bad")                            # {"zero_byte": Path, ...}

The container is chosen by ffmpeg from the file suffix (a few suffixes that ffmpeg
does not map on its own, such as ``.mts`` or ``.m4v``, are given an explicit ``-f``),
and the codecs default to a combination that container accepts (see
:data:`CONTAINER_DEFAULTS`), so ``make_clip(folder / f"x{ext}")`` works for every
extension the library scan looks for.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "AUTO",
    "CONTAINER_DEFAULTS",
    "ContainerDefaults",
    "MediaGenerationError",
    "ffmpeg_binary",
    "ffmpeg_encoders",
    "make_audio_only",
    "make_audio_with_cover",
    "make_bad_files",
    "make_clip",
    "make_corpus",
    "run_ffmpeg",
]

AUTO = "auto"
"""Codec argument meaning "the default codec for this container" (see ``CONTAINER_DEFAULTS``)."""


class MediaGenerationError(RuntimeError):
    """ffmpeg failed to generate a test file; the message carries ffmpeg's stderr."""


@dataclass(frozen=True)
class ContainerDefaults:
    """How to write one file suffix: muxer override and codecs the muxer accepts.

    Attributes:
        muxer: value for ``-f`` when ffmpeg cannot infer it from the suffix, else None.
        vcodec: default video encoder.
        acodec: default audio encoder.
        video_args: extra encoder arguments that keep generation fast for ``vcodec``.
    """

    muxer: str | None
    vcodec: str
    acodec: str
    video_args: tuple[str, ...] = ()


_X264_FAST = ("-preset", "ultrafast", "-pix_fmt", "yuv420p")
_VP9_FAST = ("-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k")

CONTAINER_DEFAULTS: dict[str, ContainerDefaults] = {
    ".mp4": ContainerDefaults(None, "libx264", "aac", _X264_FAST),
    ".m4v": ContainerDefaults("mp4", "libx264", "aac", _X264_FAST),
    ".mov": ContainerDefaults(None, "libx264", "aac", _X264_FAST),
    ".mkv": ContainerDefaults(None, "libx264", "aac", _X264_FAST),
    ".webm": ContainerDefaults(None, "libvpx-vp9", "libopus", _VP9_FAST),
    ".avi": ContainerDefaults(None, "mpeg4", "libmp3lame"),
    ".ts": ContainerDefaults(None, "libx264", "aac", _X264_FAST),
    ".mts": ContainerDefaults("mpegts", "libx264", "aac", _X264_FAST),
    ".m2ts": ContainerDefaults("mpegts", "libx264", "aac", _X264_FAST),
    ".mpg": ContainerDefaults(None, "mpeg2video", "mp2"),
    ".mpeg": ContainerDefaults(None, "mpeg2video", "mp2"),
    ".wmv": ContainerDefaults("asf", "wmv2", "wmav2"),
    ".flv": ContainerDefaults(None, "libx264", "aac", _X264_FAST),
    ".3gp": ContainerDefaults(None, "libx264", "aac", _X264_FAST),
}
"""Default muxer and codecs per suffix (lower case), covering every scanned extension."""

_ENCODER_ARGS: dict[str, tuple[str, ...]] = {
    "libx264": _X264_FAST,
    "libx265": ("-preset", "ultrafast", "-pix_fmt", "yuv420p", "-x265-params", "log-level=error"),
    "libvpx-vp9": _VP9_FAST,
    "libvpx": ("-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k"),
}
"""Speed settings applied whenever an encoder is chosen explicitly, whatever the suffix."""


def ffmpeg_binary() -> str:
    """Return the ffmpeg executable to use (``$STOAT_FFMPEG_PATH`` or the one on PATH).

    Raises:
        MediaGenerationError: ffmpeg cannot be found; the test suite requires it.
    """
    configured = os.environ.get("STOAT_FFMPEG_PATH")
    found = configured or shutil.which("ffmpeg")
    if not found:
        raise MediaGenerationError("ffmpeg is required to generate test media but is not on PATH")
    return found


def run_ffmpeg(args: Sequence[str], *, timeout_s: float = 120.0) -> None:
    """Run ``ffmpeg -hide_banner -nostdin -v error -y <args>`` and fail loudly.

    Args:
        args: everything after the global options (inputs, codecs, output path).
        timeout_s: hard limit so a broken encoder cannot hang the test session.

    Raises:
        MediaGenerationError: ffmpeg exited non-zero; carries the command and stderr.
    """
    argv = [ffmpeg_binary(), "-hide_banner", "-nostdin", "-v", "error", "-y", *args]
    completed = subprocess.run(argv, capture_output=True, text=True, timeout=timeout_s, check=False)
    if completed.returncode != 0:
        raise MediaGenerationError(
            f"ffmpeg failed ({completed.returncode}): {' '.join(argv)}\n{completed.stderr.strip()}"
        )


def _defaults_for(dest: Path) -> ContainerDefaults:
    suffix = dest.suffix.lower()
    try:
        return CONTAINER_DEFAULTS[suffix]
    except KeyError:
        known = ", ".join(sorted(CONTAINER_DEFAULTS))
        raise ValueError(f"no container defaults for suffix {suffix!r}; known: {known}") from None


def make_clip(
    dest: str | os.PathLike[str],
    *,
    duration_s: float = 1.0,
    size: tuple[int, int] = (320, 240),
    rate: str = "30",
    vcodec: str = AUTO,
    acodec: str | None = AUTO,
    sample_rate: int = 48_000,
    audio_channels: int = 1,
    extra_args: Sequence[str] = (),
) -> Path:
    """Write a ``testsrc2`` video (plus an optional ``sine`` tone) to ``dest``.

    Args:
        dest: output file; its suffix picks the container (see ``CONTAINER_DEFAULTS``).
            Parent folders are created.
        duration_s: clip length in seconds.
        size: ``(width, height)`` in pixels.
        rate: frame rate as ffmpeg accepts it, e.g. ``"25"`` or ``"30000/1001"`` (NTSC).
        vcodec: video encoder, or ``"auto"`` for the container's default.
        acodec: audio encoder, ``"auto"`` for the container's default, or ``None`` for
            a video-only file.
        sample_rate: audio sample rate in Hz.
        audio_channels: 1 for mono, 2 for stereo.
        extra_args: more output options, inserted just before the output path.

    Returns:
        ``dest`` as a ``Path``.

    Raises:
        MediaGenerationError: ffmpeg refused the combination (its stderr is included).
    """
    path = Path(dest)
    path.parent.mkdir(parents=True, exist_ok=True)
    defaults = _defaults_for(path)
    width, height = size

    video_codec = defaults.vcodec if vcodec == AUTO else vcodec
    video_args = defaults.video_args if vcodec == AUTO else _ENCODER_ARGS.get(vcodec, ())
    args: list[str] = [
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size={width}x{height}:rate={rate}:duration={duration_s}",
    ]
    if acodec is not None:
        args += [
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:sample_rate={sample_rate}:duration={duration_s}",
        ]
        audio_codec = defaults.acodec if acodec == AUTO else acodec
        audio_args = ["-c:a", audio_codec, "-ac", str(audio_channels)]
        if audio_codec == "wmav2":
            # The wmav2 encoder only accepts a few rates; pick one it takes.
            audio_args += ["-ar", "44100"]
    else:
        audio_args = ["-an"]
    args += ["-map", "0:v"]
    if acodec is not None:
        args += ["-map", "1:a"]
    args += ["-c:v", video_codec, *video_args, *audio_args, "-t", str(duration_s)]
    if defaults.muxer is not None:
        args += ["-f", defaults.muxer]
    args += [*extra_args, str(path)]
    run_ffmpeg(args)
    return path


def make_audio_only(
    dest: str | os.PathLike[str],
    *,
    duration_s: float = 1.0,
    acodec: str = "aac",
    sample_rate: int = 48_000,
    audio_channels: int = 1,
) -> Path:
    """Write an audio-only file: a 440 Hz ``sine`` tone, nothing else.

    Named with a video extension it is a file a probe must reject as "no video";
    with an audio extension (``.mp3``, ``.flac``...) it is a library sound file.

    Args:
        dest: output file; the suffix picks the container (``.aac`` is ADTS,
            ``.m4a`` MP4, ``.opus`` and ``.ogg`` Ogg).
        duration_s: length in seconds.
        acodec: audio encoder (``aac``, ``libmp3lame``, ``pcm_s16le``, ``flac``,
            ``libvorbis``, ``libopus``...).
        sample_rate: in Hz.
        audio_channels: 1 for mono, 2 for stereo (the tone on both).

    Returns:
        ``dest`` as a ``Path``.
    """
    path = Path(dest)
    path.parent.mkdir(parents=True, exist_ok=True)
    run_ffmpeg(
        [
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:sample_rate={sample_rate}:duration={duration_s}",
            "-c:a",
            acodec,
            "-ac",
            str(audio_channels),
            str(path),
        ]
    )
    return path


def ffmpeg_encoders() -> frozenset[str]:
    """Names of the encoders the local ffmpeg has (``ffmpeg -encoders``)."""
    completed = subprocess.run(
        [ffmpeg_binary(), "-hide_banner", "-encoders"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    names = set()
    for line in completed.stdout.splitlines():
        parts = line.split()
        # Rows look like " A....D flac   FLAC (Free Lossless Audio Codec)".
        if len(parts) >= 2 and len(parts[0]) == 6 and parts[0][0] in "VAS":
            names.add(parts[1])
    return frozenset(names)


def make_audio_with_cover(dest: str | os.PathLike[str], *, duration_s: float = 1.0) -> Path:
    """Write an audio file whose only "video" stream is cover art (``attached_pic``).

    Music files often carry an embedded picture that ffprobe lists as a video stream;
    the library must not mistake them for videos, so this is the fixture for that.

    Args:
        dest: output file, normally ``.mp4`` or ``.m4a``.
        duration_s: length of the audio in seconds.

    Returns:
        ``dest`` as a ``Path``.
    """
    path = Path(dest)
    path.parent.mkdir(parents=True, exist_ok=True)
    run_ffmpeg(
        [
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:sample_rate=48000:duration={duration_s}",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=64x64:rate=1:duration=1",
            "-map",
            "0:a",
            "-map",
            "1:v",
            "-frames:v",
            "1",
            "-c:a",
            "aac",
            "-c:v",
            "mjpeg",
            "-disposition:v:0",
            "attached_pic",
            "-f",
            "mp4",
            str(path),
        ]
    )
    return path


def make_bad_files(folder: str | os.PathLike[str]) -> dict[str, Path]:
    """Create files that look like videos by name but that no probe can accept.

    Args:
        folder: created if missing.

    Returns:
        A mapping from a short case name to the file:

        - ``zero_byte``: an empty ``.mp4``;
        - ``random_bytes``: 64 KiB of (seeded, so reproducible) noise named ``.mkv``;
        - ``text``: a plain text file named ``.avi``;
        - ``audio_only``: a valid AAC ``.mp4`` without any video stream;
        - ``truncated``: the first 2 KiB of a real ``.mp4`` (its index is missing).
    """
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    zero = root / "zero_byte.mp4"
    zero.write_bytes(b"")
    noise = root / "random_bytes.mkv"
    noise.write_bytes(random.Random(20240601).randbytes(64 * 1024))
    text = root / "text.avi"
    text.write_text("This is not a video file.\nJust some text with an .avi name.\n")
    audio = make_audio_only(root / "audio_only.mp4")
    # The default mp4 muxer writes the index (moov) at the end, so a prefix of the file
    # has media data but no index: a realistic "copy was interrupted" file.
    whole = make_clip(root / ".whole_for_truncation.mp4", acodec=None)
    truncated = root / "truncated.mp4"
    truncated.write_bytes(whole.read_bytes()[:2048])
    whole.unlink()
    return {
        "zero_byte": zero,
        "random_bytes": noise,
        "text": text,
        "audio_only": audio,
        "truncated": truncated,
    }


def make_corpus(
    folder: str | os.PathLike[str], count: int, *, duration_s: float = 1.0
) -> list[Path]:
    """Write ``count`` small h264 ``.mp4`` clips, for throughput tests and benchmarks.

    Clips alternate between a few frame rates and sizes so they are not all identical.

    Args:
        folder: created if missing.
        count: number of clips.
        duration_s: length of each clip.

    Returns:
        The clip paths, in creation order.
    """
    root = Path(folder)
    rates = ("25", "30", "30000/1001", "24")
    sizes = ((320, 240), (160, 120), (256, 144))
    clips = []
    for i in range(count):
        clips.append(
            make_clip(
                root / f"clip_{i:03d}.mp4",
                duration_s=duration_s,
                rate=rates[i % len(rates)],
                size=sizes[i % len(sizes)],
                acodec="aac" if i % 2 == 0 else None,
            )
        )
    return clips
