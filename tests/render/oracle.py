"""The render oracle: real sources from lavfi, real decodes of the output (STYLE §14).

Sources are solid colours that change at chosen instants (so the frame a render shows
tells which source instant it came from) with an optional sine tone (so the audio's RMS
tells where sound is). The output is decoded with ffmpeg to raw RGB frames and raw
32-bit float PCM and measured with numpy: frame counts, mean colours in regions, RMS in
windows, the dominant frequency.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np
import numpy.typing as npt

from stoat_ferret.render import SourceMedia

FPS = 30
WIDTH, HEIGHT = 320, 180
SAMPLE_RATE = 48_000
FFMPEG = ("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error")

RGB: dict[str, tuple[int, int, int]] = {
    "red": (255, 0, 0),
    "green": (0, 128, 0),
    "blue": (0, 0, 255),
    "yellow": (255, 255, 0),
    "white": (255, 255, 255),
    "magenta": (255, 0, 255),
    "black": (0, 0, 0),
}

# lavfi's "green" is 0x008000, the same as RGB above.
_LAVFI_NAME = {"green": "0x008000"}
_SINE_AMPLITUDE = 1 / 8  # lavfi's sine source

Frames = npt.NDArray[np.uint8]
Samples = npt.NDArray[np.float32]


def run(argv: Sequence[str], *, stdin: bytes | None = None, timeout_s: float = 60) -> bytes:
    """Run a command and return its stdout; a failure shows ffmpeg's stderr."""
    done = subprocess.run(list(argv), input=stdin, capture_output=True, timeout=timeout_s)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-3000:]
    return done.stdout


@dataclass(frozen=True)
class Source:
    """A generated source file and the facts the graph is given about it."""

    path: Path
    rate: Fraction
    has_audio: bool

    def media(self) -> SourceMedia:
        return SourceMedia(str(self.path), self.has_audio, frame_rate=self.rate)


def make_source(
    path: Path,
    segments: Sequence[tuple[str, float]],
    *,
    size: tuple[int, int] = (WIDTH, HEIGHT),
    rate: str = "30",
    tone_hz: float | None = None,
    sample_rate: int = SAMPLE_RATE,
    loud: bool = False,
    audio_codec: str = "aac",
) -> Source:
    """Solid colours, one after the other (``(colour, seconds)``), plus a mono tone.

    The tone is lavfi's ``sine`` at its 1/8 scale, or at half scale when ``loud``.
    """
    width, height = size
    parts = [
        f"color=c={_LAVFI_NAME.get(colour, colour)}:s={width}x{height}:r={rate}:d={seconds}[c{i}]"
        for i, (colour, seconds) in enumerate(segments)
    ]
    joined = "".join(f"[c{i}]" for i in range(len(segments)))
    picture = ";".join(parts) + f";{joined}concat=n={len(segments)}:v=1:a=0[v]"
    duration = sum(seconds for _, seconds in segments)
    argv = [*FFMPEG, "-y", "-filter_complex", picture]
    if tone_hz is not None:
        argv += ["-f", "lavfi", "-i", f"sine=f={tone_hz}:sample_rate={sample_rate}:d={duration}"]
        argv += ["-map", "[v]", "-map", "0:a", "-c:a", audio_codec, "-ac", "1"]
        if loud:
            argv += ["-af", "volume=4"]
    else:
        argv += ["-map", "[v]"]
    argv += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path)]
    run(argv)
    return Source(path, Fraction(rate), tone_hz is not None)


def make_tone(path: Path, *, tone_hz: float, seconds: float, amplitude: float = 0.5) -> Path:
    """An audio-only file (a music stand-in): a mono sine tone of peak ``amplitude``."""
    run(
        [
            *FFMPEG,
            "-y",
            *("-f", "lavfi", "-i", f"sine=f={tone_hz}:sample_rate={SAMPLE_RATE}:d={seconds}"),
            *("-af", f"volume={amplitude / _SINE_AMPLITUDE}", "-c:a", "pcm_s16le", str(path)),
        ]
    )
    return path


def _probe_video(
    source: str, entries: str, output_format: str, *extra: str, stdin: bytes | None = None
) -> bytes:
    """ffprobe's ``entries`` of the first video stream, printed as ``output_format``."""
    argv = ["ffprobe", "-v", "error", *extra, "-select_streams", "v:0"]
    argv += ["-show_entries", entries, "-of", output_format, source]
    return run(argv, stdin=stdin)


def decode_frames(path: Path | str, *, stdin: bytes | None = None) -> Frames:
    """Every frame of a video (or a JPEG on ``stdin``) as an ``(n, h, w, 3)`` RGB array."""
    source = "pipe:0" if stdin is not None else str(path)
    probe = _probe_video(source, "stream=width,height", "csv=p=0", stdin=stdin)
    width, height = (int(part) for part in probe.decode().strip().split(",")[:2])
    raw = run(
        [*FFMPEG, "-i", source, "-map", "0:v:0", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
        stdin=stdin,
    )
    frames = np.frombuffer(raw, dtype=np.uint8)
    return frames.reshape(-1, height, width, 3)


def decode_audio(path: Path) -> Samples:
    """The first audio stream as ``(samples, 2)`` float32 at the project's rate."""
    raw = run(
        [
            *FFMPEG,
            "-i",
            str(path),
            "-map",
            "0:a:0",
            *("-f", "f32le", "-ac", "2", "-ar", str(SAMPLE_RATE), "pipe:1"),
        ]
    )
    return np.frombuffer(raw, dtype=np.float32).reshape(-1, 2)


def stream_facts(path: Path) -> dict[str, str]:
    """ffprobe's counted facts of the video stream (``nb_read_frames``, size, rate)."""
    out = _probe_video(
        str(path),
        "stream=width,height,r_frame_rate,nb_read_frames",
        "default=noprint_wrappers=1",
        "-count_frames",
    )
    return dict(line.split("=", 1) for line in out.decode().split())


def frame_times(path: Path) -> list[float]:
    """The video packets' presentation times, in display order."""
    out = _probe_video(str(path), "packet=pts_time", "csv=p=0")
    return sorted(float(line) for line in out.decode().split())


def mean_colour(
    frame: Frames, box: tuple[float, float, float, float] = (0.4, 0.4, 0.6, 0.6)
) -> tuple[float, float, float]:
    """The mean RGB inside ``box`` (left, top, right, bottom as fractions of the frame)."""
    height, width = frame.shape[:2]
    left, top, right, bottom = box
    region = frame[int(top * height) : int(bottom * height), int(left * width) : int(right * width)]
    red, green, blue = region.reshape(-1, 3).mean(axis=0)
    return float(red), float(green), float(blue)


def colour_distance(actual: Sequence[float], expected: Sequence[float]) -> float:
    return float(max(abs(a - e) for a, e in zip(actual, expected, strict=True)))


def assert_colour(
    frame: Frames,
    expected: str | Sequence[float],
    *,
    box: tuple[float, float, float, float] = (0.4, 0.4, 0.6, 0.6),
    tolerance: float = 16,
    what: str = "",
) -> None:
    """The mean colour in ``box`` is ``expected`` (a name or RGB) within ``tolerance``."""
    target = RGB[expected] if isinstance(expected, str) else tuple(expected)
    actual = mean_colour(frame, box)
    assert colour_distance(actual, target) <= tolerance, (what, actual, target)


def rms(samples: Samples, start_s: float, end_s: float) -> float:
    window = samples[int(start_s * SAMPLE_RATE) : int(end_s * SAMPLE_RATE)]
    assert len(window), (start_s, end_s, len(samples))
    return float(np.sqrt(np.mean(np.square(window, dtype=np.float64))))


def dominant_hz(samples: Samples, start_s: float, end_s: float) -> float:
    """The frequency of a sine in the window, from its zero crossings per second."""
    window = samples[int(start_s * SAMPLE_RATE) : int(end_s * SAMPLE_RATE), 0]
    signs = np.signbit(window)
    crossings = int(np.count_nonzero(signs[1:] != signs[:-1]))
    return crossings / 2 / (len(window) / SAMPLE_RATE)


def tone_switch_s(samples: Samples, start_s: float, high_hz: float, low_hz: float) -> float:
    """When, after ``start_s``, a tone of ``high_hz`` gives way to one of ``low_hz``.

    Slides a 4 ms window in 1 ms steps and returns the middle of the first window whose
    zero-crossing count is nearer the low tone's than the high one's (about a
    millisecond of precision).
    """
    width = int(0.004 * SAMPLE_RATE)
    threshold = (high_hz + low_hz) * 0.004  # the mean of both tones' crossings per window
    first = int(start_s * SAMPLE_RATE)
    for begin in range(first, len(samples) - width, SAMPLE_RATE // 1000):
        signs = np.signbit(samples[begin : begin + width, 0])
        if np.count_nonzero(signs[1:] != signs[:-1]) < threshold:
            return (begin + width / 2) / SAMPLE_RATE
    raise AssertionError(f"no switch from {high_hz} Hz to {low_hz} Hz after {start_s} s")


def amplitude_at(samples: Samples, start_s: float, end_s: float, hz: float) -> float:
    """The spectrum's magnitude at ``hz`` in the window (to hear one tone in a mix)."""
    window = samples[int(start_s * SAMPLE_RATE) : int(end_s * SAMPLE_RATE), 0].astype(np.float64)
    spectrum = np.abs(np.fft.rfft(window * np.hanning(len(window))))
    frequencies = np.fft.rfftfreq(len(window), 1 / SAMPLE_RATE)
    near = np.abs(frequencies - hz) <= 5
    return float(spectrum[near].max() / len(window))


def band_rms(
    samples: Samples, start_s: float, end_s: float, low_hz: float, high_hz: float
) -> float:
    """The RMS of the window's content between ``low_hz`` and ``high_hz`` (Parseval).

    Measures one tone's level in a mix (the music under the voice) as an RMS, from the
    spectrum of the first channel with everything outside the band left out.
    """
    window = samples[int(start_s * SAMPLE_RATE) : int(end_s * SAMPLE_RATE), 0].astype(np.float64)
    spectrum = np.fft.rfft(window)
    frequencies = np.fft.rfftfreq(len(window), 1 / SAMPLE_RATE)
    band = (frequencies >= low_hz) & (frequencies <= high_hz)
    kept = np.fft.irfft(np.where(band, spectrum, 0), n=len(window))
    return float(np.sqrt(np.mean(np.square(kept))))
