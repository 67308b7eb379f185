"""Out-of-range probe values become a per-file ``FFprobeError`` naming the field.

A width of 10^20 used to reach the database, where it does not fit a 64-bit INTEGER
and failed the whole write batch. Both backends build ``VideoMetadata`` through
``build_metadata``, so the bounds hold for each; the real-file test proves it.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from stoat_ferret.errors import FFprobeError
from stoat_ferret.ffmpeg import FFprobeBackend, PyAVBackend
from stoat_ferret.ffmpeg.probe.ffprobe import metadata_from_ffprobe_json
from stoat_ferret.ffmpeg.probe.metadata import (
    MAX_AUDIO_CHANNELS,
    MAX_BIT_RATE,
    MAX_DIMENSION_PX,
    MAX_DURATION_S,
    MAX_FRAME_RATE,
    MAX_SAMPLE_RATE_HZ,
    build_metadata,
)
from tests.ffmpeg.test_metadata import raw
from tests.support.media import run_ffmpeg

AUDIO = {"audio_codec": "aac", "audio_channels": 2, "audio_sample_rate": 48_000}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"width": 10**20}, "width"),
        ({"height": MAX_DIMENSION_PX + 1}, "height"),
        ({"avg_frame_rate": MAX_FRAME_RATE + 1}, "frame rate"),
        ({"avg_frame_rate": Fraction(1, 2**31)}, "frame rate"),
        ({"format_duration_s": MAX_DURATION_S * 2}, "duration"),
        ({"format_bit_rate": MAX_BIT_RATE + 1}, "bit rate"),
        ({**AUDIO, "audio_channels": MAX_AUDIO_CHANNELS + 1}, "audio channel count"),
        ({**AUDIO, "audio_sample_rate": 10**19}, "audio sample rate"),
    ],
)
def test_a_value_out_of_range_is_an_error_naming_the_field(
    overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(FFprobeError) as caught:
        build_metadata("/videos/absurd.mp4", raw(**overrides))

    assert caught.value.path == "/videos/absurd.mp4"
    assert caught.value.reason.startswith(f"{field} ")
    assert "out of range" in caught.value.reason


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"format_duration_s": MAX_DURATION_S * 2}, "duration"),
        ({"format_bit_rate": MAX_BIT_RATE + 1}, "bit rate"),
        ({"audio_channels": MAX_AUDIO_CHANNELS + 1}, "audio channel count"),
        ({"audio_sample_rate": 10**19}, "audio sample rate"),
    ],
)
def test_a_sound_files_value_out_of_range_is_an_error_naming_the_field(
    overrides: dict[str, object], field: str
) -> None:
    sound = raw(video_codec=None, width=None, height=None, **{**AUDIO, **overrides})

    with pytest.raises(FFprobeError) as caught:
        build_metadata("/music/absurd.flac", sound, media_type="audio")

    assert caught.value.reason.startswith(f"{field} ")
    assert "out of range" in caught.value.reason


def test_the_largest_values_in_range_are_kept() -> None:
    meta = build_metadata(
        "x.mp4",
        raw(
            width=MAX_DIMENSION_PX,
            height=MAX_DIMENSION_PX,
            avg_frame_rate=MAX_FRAME_RATE,
            format_duration_s=MAX_DURATION_S,
            format_bit_rate=MAX_BIT_RATE,
            audio_codec="pcm_s16le",
            audio_channels=MAX_AUDIO_CHANNELS,
            audio_sample_rate=MAX_SAMPLE_RATE_HZ,
        ),
    )

    assert (meta.width, meta.height, meta.bit_rate) == (65_536, 65_536, MAX_BIT_RATE)
    assert meta.frame_rate == MAX_FRAME_RATE and meta.duration_s == MAX_DURATION_S
    # Every integer fits SQLite's 64-bit INTEGER.
    assert meta.duration_frames < 2**63


def test_ffprobe_json_with_an_absurd_width_is_an_error_not_a_huge_int() -> None:
    document = {
        "format": {"format_name": "mov", "duration": "1.0"},
        "streams": [
            {"codec_type": "video", "codec_name": "h264", "width": 10**20, "height": 240,
             "avg_frame_rate": "30/1"},
        ],
    }  # fmt: skip

    with pytest.raises(FFprobeError, match=r"width 100000000000000000000 px is out of range"):
        metadata_from_ffprobe_json("x.mp4", json.dumps(document))


def test_a_huge_value_is_shown_capped_in_the_message() -> None:
    with pytest.raises(FFprobeError) as caught:
        build_metadata("x.mp4", raw(width=10**400))

    assert len(caught.value.reason) < 100


def test_an_integer_too_long_for_python_to_parse_is_unparsable_json() -> None:
    stdout = '{"streams": [{"codec_type": "video", "width": ' + "9" * 5000 + "}]}"

    with pytest.raises(FFprobeError, match="unparsable JSON"):
        metadata_from_ffprobe_json("x.mp4", stdout)


@pytest.fixture(scope="module")
def year_long_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real two-frame Matroska file whose second frame is 463 days after the first."""
    path = tmp_path_factory.mktemp("bounds") / "463_days.mkv"
    run_ffmpeg(
        ["-f", "lavfi", "-i", "testsrc=size=64x64:rate=1", "-frames:v", "2",
         "-vf", "setpts=N*40000000/TB", "-fps_mode", "passthrough",
         "-c:v", "libx264", "-preset", "ultrafast", str(path)]
    )  # fmt: skip
    return path


@pytest.mark.parametrize("backend_name", ["ffprobe", "pyav"])
async def test_both_backends_reject_a_real_file_with_an_absurd_duration(
    backend_name: str,
    year_long_clip: Path,
    ffprobe_backend: FFprobeBackend,
    pyav_backend: PyAVBackend,
) -> None:
    backend = ffprobe_backend if backend_name == "ffprobe" else pyav_backend

    with pytest.raises(FFprobeError) as caught:
        await backend.probe(str(year_long_clip), timeout_s=30)

    assert caught.value.reason.startswith("duration 4e+07 s is out of range")
