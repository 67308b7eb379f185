"""What the render benchmark checks in every output: frames, lengths, and the 2x clip's pitch.

The same checks run on our output and on each peer's, so the table says not only how
fast each was but whether it made the edit: 720 frames exactly, audio as long as the
picture, and clip C's tone at its source pitch (a speed change without a
pitch-preserving tempo plays it an octave high).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.render_edit import FPS, TONE_C_HZ, Edit

SAMPLE_RATE = 48_000
Samples = np.ndarray[Any, np.dtype[np.float32]]


def _probe(path: Path) -> dict[str, Any]:
    argv = ["ffprobe", "-v", "error", "-count_packets", "-show_entries"]
    argv += ["stream=codec_type,nb_read_packets,width,height,r_frame_rate,duration", "-of", "json"]
    out = subprocess.run([*argv, str(path)], capture_output=True, check=True, timeout=300).stdout
    data: dict[str, Any] = json.loads(out)
    return data


def _audio(path: Path) -> Samples:
    argv = ["ffmpeg", "-v", "error", "-nostdin", "-i", str(path), "-map", "0:a:0"]
    argv += ["-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "f32le", "pipe:1"]
    raw = subprocess.run(argv, capture_output=True, check=True, timeout=300).stdout
    return np.frombuffer(raw, dtype=np.float32)


def dominant_hz(samples: Samples, start_s: float, end_s: float) -> float:
    """The strongest frequency in the window (a Hann-windowed FFT's peak)."""
    window = samples[int(start_s * SAMPLE_RATE) : int(end_s * SAMPLE_RATE)].astype(np.float64)
    if len(window) < SAMPLE_RATE // 10:
        return 0.0
    spectrum = np.abs(np.fft.rfft(window * np.hanning(len(window))))
    frequencies = np.fft.rfftfreq(len(window), 1 / SAMPLE_RATE)
    return float(frequencies[int(np.argmax(spectrum[1:])) + 1])


def check_output(path: Path, edit: Edit) -> dict[str, Any]:
    """Frame count, video and audio lengths and clip C's pitch of one rendered file."""
    if not path.is_file():
        return {"ok": False, "problem": "no output file"}
    streams = _probe(path)["streams"]
    video = next(s for s in streams if s["codec_type"] == "video")
    audio_stream = next((s for s in streams if s["codec_type"] == "audio"), None)
    frames = int(video["nb_read_packets"])
    facts: dict[str, Any] = {
        "frames": frames,
        "expected_frames": edit.frames,
        "size": f"{video['width']}x{video['height']}",
        "rate": video["r_frame_rate"],
        "video_s": round(frames / FPS, 4),
    }
    if audio_stream is None:
        return {**facts, "ok": False, "problem": "no audio stream"}
    samples = _audio(path)
    facts["audio_s"] = round(len(samples) / SAMPLE_RATE, 4)
    facts["audio_minus_video_s"] = round(facts["audio_s"] - facts["video_s"], 4)
    margin = 0.2
    facts["clip_c_hz"] = round(
        dominant_hz(samples, edit.c_start_s + margin, edit.duration_s - margin), 1
    )
    facts["clip_c_source_hz"] = TONE_C_HZ
    facts["pitch_ratio"] = round(facts["clip_c_hz"] / TONE_C_HZ, 3)
    problems = []
    if frames != edit.frames:
        problems.append(f"{frames} frames, not {edit.frames}")
    if abs(facts["audio_minus_video_s"]) > 1 / FPS:
        problems.append(f"audio {facts['audio_minus_video_s']:+.3f} s against the picture")
    if abs(facts["pitch_ratio"] - 1) > 0.02:
        problems.append(f"clip C at {facts['clip_c_hz']:.0f} Hz, source {TONE_C_HZ:.0f} Hz")
    facts["ok"] = not problems
    facts["problem"] = "; ".join(problems) or None
    return facts
