"""``ffprobe_video`` against real files and real (or deliberately fake) binaries."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from stoat_ferret.errors import DependencyUnavailableError, FFprobeError
from stoat_ferret.ffmpeg import VideoMetadata, ffprobe_video
from stoat_ferret.ffmpeg.probe.ffprobe import ffprobe_argv
from tests.ffmpeg.conftest import CORPUS, process_exists, write_fake_binary
from tests.support.media import make_clip


@pytest.mark.parametrize("name", list(CORPUS))
async def test_probe_reports_what_was_generated(
    name: str, corpus_files: dict[str, Path], ffprobe_path: str
) -> None:
    clip = CORPUS[name]

    meta = await ffprobe_video(corpus_files[name], ffprobe_path=ffprobe_path)

    assert isinstance(meta, VideoMetadata)
    assert (meta.width, meta.height) == (clip.width, clip.height)
    assert meta.video_codec == clip.video_codec
    assert meta.audio_codec == clip.audio_codec
    assert meta.frame_rate == clip.frame_rate
    assert (meta.frame_rate_numerator, meta.frame_rate_denominator) == (
        clip.frame_rate.numerator,
        clip.frame_rate.denominator,
    )
    assert meta.duration_s == pytest.approx(clip.duration_s, abs=0.05)
    assert meta.duration_frames == round(meta.duration_s * meta.frame_rate)
    assert meta.container == clip.container
    assert meta.bit_rate is not None and meta.bit_rate > 0
    assert meta.audio_channels == clip.audio_channels
    assert meta.audio_sample_rate == clip.audio_sample_rate


async def test_ntsc_rate_is_the_exact_fraction(
    corpus_files: dict[str, Path], ffprobe_path: str
) -> None:
    meta = await ffprobe_video(corpus_files["ntsc_stereo_mov"], ffprobe_path=ffprobe_path)

    assert (meta.frame_rate_numerator, meta.frame_rate_denominator) == (30000, 1001)
    # 1.001 s at 30000/1001 fps is exactly 30 frames.
    assert meta.duration_frames == 30


async def test_pal_rate_is_25_over_1(corpus_files: dict[str, Path], ffprobe_path: str) -> None:
    meta = await ffprobe_video(corpus_files["h264_pal_mkv"], ffprobe_path=ffprobe_path)

    assert (meta.frame_rate_numerator, meta.frame_rate_denominator) == (25, 1)
    assert meta.duration_frames == 25


async def test_accepts_str_paths(corpus_files: dict[str, Path], ffprobe_path: str) -> None:
    meta = await ffprobe_video(str(corpus_files["h264_aac_mp4"]), ffprobe_path=ffprobe_path)

    assert meta.width == 320


async def test_odd_file_names_are_passed_literally(
    tmp_path: Path, ffprobe_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Relative names: "-12" would be read as an option and "12:30" as a protocol
    # named "-12" if the name were not passed as a file: URL.
    odd = make_clip(tmp_path / "-12:30 'quoted' $name.mp4", acodec=None)
    monkeypatch.chdir(tmp_path)

    meta = await ffprobe_video(odd.name, ffprobe_path=ffprobe_path)

    assert meta.width == 320


@pytest.mark.parametrize("case", ["zero_byte", "random_bytes", "text", "truncated"])
async def test_unreadable_files_raise_ffprobe_error_with_ffprobes_message(
    case: str, bad_files: dict[str, Path], ffprobe_path: str
) -> None:
    path = bad_files[case]

    with pytest.raises(FFprobeError) as caught:
        await ffprobe_video(path, ffprobe_path=ffprobe_path)

    error = caught.value
    assert error.path == str(path)
    assert str(path) in str(error)
    assert error.reason.strip()
    # ffprobe's own words, not a generic placeholder.
    assert "Invalid data found when processing input" in error.reason
    # The path is named once by the error, not repeated from ffprobe's stderr.
    assert str(path) not in error.reason
    assert "@ 0x" not in error.reason


async def test_audio_only_file_has_no_video_stream(
    bad_files: dict[str, Path], ffprobe_path: str
) -> None:
    with pytest.raises(FFprobeError, match="no video stream") as caught:
        await ffprobe_video(bad_files["audio_only"], ffprobe_path=ffprobe_path)

    assert caught.value.path == str(bad_files["audio_only"])


async def test_cover_art_is_not_a_video(cover_art_file: Path, ffprobe_path: str) -> None:
    with pytest.raises(FFprobeError, match="no video stream"):
        await ffprobe_video(cover_art_file, ffprobe_path=ffprobe_path)


async def test_missing_file(tmp_path: Path, ffprobe_path: str) -> None:
    missing = tmp_path / "gone.mp4"

    with pytest.raises(FFprobeError, match="No such file or directory") as caught:
        await ffprobe_video(missing, ffprobe_path=ffprobe_path)

    assert caught.value.path == str(missing)


async def test_missing_binary_is_a_dependency_error(
    tmp_path: Path, corpus_files: dict[str, Path]
) -> None:
    absent = tmp_path / "no-ffprobe-here"

    with pytest.raises(DependencyUnavailableError, match="ffprobe"):
        await ffprobe_video(corpus_files["h264_aac_mp4"], ffprobe_path=str(absent))


async def test_non_executable_binary_is_a_dependency_error(
    tmp_path: Path, corpus_files: dict[str, Path]
) -> None:
    not_executable = tmp_path / "ffprobe"
    not_executable.write_text("#!/bin/sh\n")
    not_executable.chmod(0o644)

    with pytest.raises(DependencyUnavailableError, match="STOAT_FFPROBE_PATH"):
        await ffprobe_video(corpus_files["h264_aac_mp4"], ffprobe_path=str(not_executable))


async def test_unparsable_output_is_an_ffprobe_error(
    tmp_path: Path, corpus_files: dict[str, Path]
) -> None:
    script, _ = write_fake_binary(tmp_path, "babbling-ffprobe", "echo 'this is not json'")

    with pytest.raises(FFprobeError, match="unparsable JSON"):
        await ffprobe_video(corpus_files["h264_aac_mp4"], ffprobe_path=str(script))


async def test_failure_without_stderr_still_has_a_reason(
    tmp_path: Path, corpus_files: dict[str, Path]
) -> None:
    script, _ = write_fake_binary(tmp_path, "silent-ffprobe", "exit 3")

    with pytest.raises(FFprobeError, match="exited with status 3"):
        await ffprobe_video(corpus_files["h264_aac_mp4"], ffprobe_path=str(script))


async def test_timeout_kills_and_reaps_ffprobe(
    hanging_binary: tuple[Path, Path], corpus_files: dict[str, Path]
) -> None:
    script, pid_file = hanging_binary
    path = corpus_files["h264_aac_mp4"]

    with pytest.raises(FFprobeError, match=r"timed out after 0\.3 s") as caught:
        await ffprobe_video(path, ffprobe_path=str(script), timeout_s=0.3)

    assert caught.value.path == str(path)
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


async def test_cancelling_the_caller_kills_and_reaps_ffprobe(
    hanging_binary: tuple[Path, Path], corpus_files: dict[str, Path]
) -> None:
    script, pid_file = hanging_binary
    task = asyncio.create_task(
        ffprobe_video(corpus_files["h264_aac_mp4"], ffprobe_path=str(script), timeout_s=60)
    )
    async with asyncio.timeout(10):
        while not pid_file.exists() or not pid_file.read_text().strip():
            await asyncio.sleep(0.02)
    pid = int(pid_file.read_text())
    assert process_exists(pid)

    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


async def test_many_probes_in_parallel(corpus_files: dict[str, Path], ffprobe_path: str) -> None:
    async with asyncio.TaskGroup() as group:
        tasks = [
            group.create_task(ffprobe_video(path, ffprobe_path=ffprobe_path))
            for path in corpus_files.values()
        ]

    assert [task.result().width for task in tasks] == [clip.width for clip in CORPUS.values()]


def test_argv_is_a_list_without_shell(tmp_path: Path) -> None:
    argv = ffprobe_argv(str(tmp_path / "a b.mp4"), ffprobe_path="/usr/bin/ffprobe")

    assert argv == [
        "/usr/bin/ffprobe",
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        f"file:{tmp_path / 'a b.mp4'}",
    ]
