"""The shared normalisation rules in ``stoat_ferret.ffmpeg.probe.metadata``."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from stoat_ferret.errors import FFprobeError
from stoat_ferret.ffmpeg.probe.ffprobe import metadata_from_ffprobe_json
from stoat_ferret.ffmpeg.probe.metadata import (
    RawProbe,
    VideoMetadata,
    build_metadata,
    frame_count,
    parse_rate,
)


def raw(**overrides: object) -> RawProbe:
    values: dict[str, object] = {
        "container": "mov,mp4,m4a,3gp,3g2,mj2",
        "format_duration_s": 2.0,
        "format_bit_rate": 1000,
        "video_codec": "h264",
        "width": 640,
        "height": 360,
        "avg_frame_rate": Fraction(25),
        "r_frame_rate": Fraction(50),
        "video_duration_s": 1.9,
    }
    values.update(overrides)
    return RawProbe(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30000/1001", Fraction(30000, 1001)),
        ("60000/2002", Fraction(30000, 1001)),
        ("25/1", Fraction(25)),
        ("25", Fraction(25)),
        ("0/0", None),
        ("0/1", None),
        ("25/0", None),
        ("N/A", None),
        ("", None),
        (None, None),
        ("-5/1", None),
    ],
)
def test_parse_rate(text: object, expected: Fraction | None) -> None:
    assert parse_rate(text) == expected


def test_avg_frame_rate_wins() -> None:
    meta = build_metadata("x.mp4", raw())

    assert (meta.frame_rate_numerator, meta.frame_rate_denominator) == (25, 1)
    assert meta.duration_frames == 50


def test_zero_avg_frame_rate_falls_back_to_r_frame_rate() -> None:
    meta = build_metadata("x.mp4", raw(avg_frame_rate=None, r_frame_rate=Fraction(24000, 1001)))

    assert meta.frame_rate == Fraction(24000, 1001)
    assert meta.duration_frames == round(2.0 * 24000 / 1001)


def test_no_frame_rate_at_all_is_an_error() -> None:
    with pytest.raises(FFprobeError, match="no frame rate"):
        build_metadata("x.mp4", raw(avg_frame_rate=None, r_frame_rate=None))


def test_duration_falls_back_to_the_video_stream() -> None:
    meta = build_metadata("x.mkv", raw(format_duration_s=None, video_duration_s=1.5))

    assert meta.duration_s == 1.5
    assert meta.duration_frames == round(1.5 * 25)


def test_no_duration_is_an_error_naming_the_file() -> None:
    with pytest.raises(FFprobeError, match="duration unknown") as caught:
        build_metadata("/v/x.mkv", raw(format_duration_s=None, video_duration_s=None))

    assert caught.value.path == "/v/x.mkv"


def test_no_video_stream() -> None:
    with pytest.raises(FFprobeError, match="no video stream"):
        build_metadata("a.m4a", raw(video_codec=None))


def test_durations_are_rounded_to_microseconds_like_ffprobe_prints_them() -> None:
    meta = build_metadata("x.mp4", raw(format_duration_s=1.0333333333333))

    assert meta.duration_s == 1.033333


def test_zero_bit_rate_means_unknown() -> None:
    assert build_metadata("x.mp4", raw(format_bit_rate=0)).bit_rate is None


def test_audio_fields_only_with_an_audio_stream() -> None:
    silent = build_metadata("x.mp4", raw(audio_channels=2, audio_sample_rate=48000))
    loud = build_metadata(
        "x.mp4", raw(audio_codec="aac", audio_channels=2, audio_sample_rate=48000)
    )

    assert (silent.audio_codec, silent.audio_channels, silent.audio_sample_rate) == (
        None,
        None,
        None,
    )
    assert (loud.audio_codec, loud.audio_channels, loud.audio_sample_rate) == ("aac", 2, 48000)


SOUND = {
    "container": "flac",
    "video_codec": None,
    "width": None,
    "height": None,
    "avg_frame_rate": None,
    "r_frame_rate": None,
    "video_duration_s": None,
    "audio_codec": "flac",
    "audio_channels": 2,
    "audio_sample_rate": 44_100,
}


def test_a_sound_file_has_no_picture_fields() -> None:
    meta = build_metadata("a.flac", raw(**SOUND), media_type="audio")

    assert meta.media_type == "audio"
    assert (meta.audio_codec, meta.audio_channels, meta.audio_sample_rate) == ("flac", 2, 44_100)
    assert (meta.duration_s, meta.container, meta.bit_rate) == (2.0, "flac", 1000)
    assert meta.duration_frames is None and meta.frame_rate is None
    assert (meta.width, meta.height, meta.video_codec) == (None, None, None)


def test_a_sound_files_video_stream_is_ignored() -> None:
    # An Ogg with a Theora stream, named .ogg: the extension made it a sound file.
    meta = build_metadata("a.ogg", raw(audio_codec="vorbis", audio_channels=1,
                                       audio_sample_rate=48_000), media_type="audio")  # fmt: skip

    assert (meta.media_type, meta.width, meta.video_codec, meta.duration_frames) == (
        "audio", None, None, None,
    )  # fmt: skip


def test_a_sound_files_duration_falls_back_to_the_audio_stream() -> None:
    sound = raw(**{**SOUND, "format_duration_s": None}, audio_duration_s=1.25)

    assert build_metadata("a.aac", sound, media_type="audio").duration_s == 1.25


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"audio_codec": None}, "no audio stream"),
        ({"audio_channels": 0}, "audio stream has no channel count"),
        ({"audio_sample_rate": None}, "audio stream has no sample rate"),
        ({"format_duration_s": None}, "duration unknown (neither the container nor the audio"),
    ],
)
def test_a_sound_file_without_what_it_needs_is_an_error(
    overrides: dict[str, object], reason: str
) -> None:
    with pytest.raises(FFprobeError) as caught:
        build_metadata("/music/a.wav", raw(**{**SOUND, **overrides}), media_type="audio")

    assert caught.value.path == "/music/a.wav"
    assert caught.value.reason.startswith(reason)


def test_a_sound_file_read_as_a_video_is_still_no_video() -> None:
    # A .mp4 that holds only sound stays an error (SPEC §9 "Library media").
    with pytest.raises(FFprobeError, match="no video stream"):
        build_metadata("song.mp4", raw(**SOUND))


def test_json_of_a_sound_file_uses_the_audio_streams_duration() -> None:
    stdout = json.dumps(
        {
            "format": {"format_name": "aac", "bit_rate": "72000"},
            "streams": [
                {"codec_type": "audio", "codec_name": "aac", "channels": 1,
                 "sample_rate": "48000", "duration": "1.024000"},
            ],
        }
    )  # fmt: skip

    meta = metadata_from_ffprobe_json("a.aac", stdout, media_type="audio")

    assert (meta.duration_s, meta.audio_sample_rate, meta.media_type) == (1.024, 48_000, "audio")


def test_frame_count_is_exact_for_ntsc() -> None:
    assert frame_count(1.001, Fraction(30000, 1001)) == 30
    assert frame_count(10.01, Fraction(30000, 1001)) == 300


def test_metadata_is_frozen() -> None:
    meta = build_metadata("x.mp4", raw())

    with pytest.raises(AttributeError):
        meta.width = 1  # type: ignore[misc]
    assert isinstance(meta, VideoMetadata)


def ffprobe_document(streams: list[dict[str, object]], **fmt: object) -> str:
    return json.dumps({"streams": streams, "format": {"format_name": "avi", **fmt}})


def test_json_with_0_over_0_average_rate_uses_r_frame_rate() -> None:
    # Some AVI and raw streams report avg_frame_rate "0/0"; it must not divide by zero.
    document = ffprobe_document(
        [
            {
                "codec_type": "video",
                "codec_name": "mpeg4",
                "width": 320,
                "height": 240,
                "avg_frame_rate": "0/0",
                "r_frame_rate": "30000/1001",
                "duration": "N/A",
                "disposition": {"attached_pic": 0},
            }
        ],
        duration="2.002000",
        bit_rate="N/A",
    )

    meta = metadata_from_ffprobe_json("x.avi", document)

    assert meta.frame_rate == Fraction(30000, 1001)
    assert meta.duration_frames == 60
    assert meta.bit_rate is None


def test_json_cover_art_stream_is_skipped_for_a_real_video_after_it() -> None:
    document = ffprobe_document(
        [
            {
                "codec_type": "video",
                "codec_name": "mjpeg",
                "width": 600,
                "height": 600,
                "avg_frame_rate": "0/0",
                "r_frame_rate": "90000/1",
                "disposition": {"attached_pic": 1},
            },
            {
                "codec_type": "video",
                "codec_name": "h264",
                "width": 1920,
                "height": 1080,
                "avg_frame_rate": "25/1",
                "r_frame_rate": "25/1",
                "disposition": {"attached_pic": 0},
            },
        ],
        duration="4.000000",
    )

    meta = metadata_from_ffprobe_json("x.mkv", document)

    assert (meta.video_codec, meta.width, meta.height) == ("h264", 1920, 1080)


@pytest.mark.parametrize("stdout", [b"", b"{", b"[]", b"\xff\xfe garbage"])
def test_json_garbage_is_an_ffprobe_error(stdout: bytes) -> None:
    with pytest.raises(FFprobeError) as caught:
        metadata_from_ffprobe_json("x.mp4", stdout)

    assert caught.value.reason
    assert caught.value.path == "x.mp4"
