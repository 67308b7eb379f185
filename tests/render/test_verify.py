"""Output verification on real files made with lavfi, and on a real render."""

from __future__ import annotations

import os
import time
from fractions import Fraction
from pathlib import Path

import pytest

from stoat_ferret.errors import DependencyUnavailableError, FFprobeError
from stoat_ferret.render.verify import ExpectedOutput, OutputFacts, compare, verify_output
from tests.render.conftest import Rendered
from tests.render.oracle import stream_facts
from tests.support.media import make_clip

EXPECTED = ExpectedOutput(frames=60, duration_s=2.0, width=320, height=180, frame_rate=Fraction(30))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """2 s at 320x180 and 30 fps with sound, and each one way off it."""
    folder = tmp_path_factory.mktemp("verify")
    made = {
        "good": make_clip(folder / "good.mp4", duration_s=2, size=(320, 180)),
        # Silent: AAC's 1024-sample packets would make the sound 0.7 ms longer still.
        "one_more": make_clip(
            folder / "one_more.mp4", duration_s=61 / 30, size=(320, 180), acodec=None
        ),
        "two_more": make_clip(folder / "two_more.mp4", duration_s=62 / 30, size=(320, 180)),
        "wide": make_clip(folder / "wide.mp4", duration_s=2, size=(480, 270)),
        "pal": make_clip(folder / "pal.mp4", duration_s=2, size=(320, 180), rate="25"),
        "silent": make_clip(folder / "silent.mp4", duration_s=2, size=(320, 180), acodec=None),
        "mkv": make_clip(folder / "good.mkv", duration_s=2, size=(320, 180)),
        # The render's own encoder settings: preset medium has B-frames (reordered).
        "bframes": make_clip(
            folder / "bframes.mp4",
            duration_s=3,
            rate="30000/1001",
            vcodec="libx264",
            extra_args=("-preset", "medium", "-pix_fmt", "yuv420p", "-movflags", "+faststart"),
        ),
    }
    whole = made["good"].read_bytes()
    # Without +faststart the index (moov) is at the end: half the file cannot be read.
    made["cut"] = folder / "cut.mp4"
    made["cut"].write_bytes(whole[: len(whole) // 2])
    # With +faststart the index survives the cut, the pictures after it do not.
    fast = make_clip(
        folder / "fast.mp4", duration_s=2, size=(320, 180), extra_args=("-movflags", "+faststart")
    )
    made["fast_cut"] = folder / "fast_cut.mp4"
    made["fast_cut"].write_bytes(fast.read_bytes()[: fast.stat().st_size // 3])
    made["garbage"] = folder / "garbage.mp4"
    made["garbage"].write_bytes(os.urandom(4096))
    return made


async def test_a_matching_file_is_ok(files: dict[str, Path]) -> None:
    verification = await verify_output(files["good"], EXPECTED)
    assert verification.ok, verification.message
    assert verification.result() == {
        "expected_frames": 60,
        "frames": 60,
        "duration_delta_s": 0.0,
        "ok": True,
    }
    assert verification.message == "output matches: 60 frames, 2.000 s, 320x180 at 30/1 fps"


async def test_matroska_with_its_millisecond_durations_is_ok(files: dict[str, Path]) -> None:
    verification = await verify_output(files["mkv"], EXPECTED)
    assert verification.ok, verification.message
    assert verification.facts.frames == 60


@pytest.mark.parametrize(
    ("name", "expected", "frames", "delta_s"),
    [
        ("one_more", ExpectedOutput(60, 2.0, 320, 180, Fraction(30), has_audio=False), 61, 1 / 30),
        ("good", ExpectedOutput(61, 61 / 30, 320, 180, Fraction(30)), 60, -1 / 30),
    ],
)
async def test_one_frame_off_is_within_tolerance(
    files: dict[str, Path], name: str, expected: ExpectedOutput, frames: int, delta_s: float
) -> None:
    verification = await verify_output(files[name], expected)
    assert verification.ok, verification.message
    assert verification.result()["frames"] == frames
    assert verification.duration_delta_s == pytest.approx(delta_s, abs=1e-5)


async def test_two_frames_more_is_named(files: dict[str, Path]) -> None:
    verification = await verify_output(files["two_more"], EXPECTED)
    assert not verification.ok
    assert verification.result()["frames"] == 62
    assert verification.problems == (
        "frames: expected 60, got 62",
        "duration: expected 2.000 s, got 2.067 s",
    )
    assert "frames: expected 60, got 62" in verification.message


@pytest.mark.parametrize(
    ("name", "expected", "problem"),
    [
        ("wide", EXPECTED, "size: expected 320x180, got 480x270"),
        ("silent", EXPECTED, "no audio stream"),
        # 2 s at 25 fps is 50 frames: expect those so the rate is the one difference.
        (
            "pal",
            ExpectedOutput(50, 2.0, 320, 180, Fraction(30)),
            "frame rate: expected 30/1, got 25/1",
        ),
        (
            "good",
            ExpectedOutput(60, 2.0, 320, 180, Fraction(30), has_audio=False),
            "unexpected audio stream",
        ),
    ],
)
async def test_each_difference_is_named_alone(
    files: dict[str, Path], name: str, expected: ExpectedOutput, problem: str
) -> None:
    verification = await verify_output(files[name], expected)
    assert verification.problems == (problem,)
    assert not verification.result()["ok"]
    assert verification.message == f"output does not match the timeline: {problem}"


async def test_a_file_cut_after_its_index_is_short_of_frames(files: dict[str, Path]) -> None:
    verification = await verify_output(files["fast_cut"], EXPECTED)
    assert not verification.ok
    assert verification.facts.frames < 60
    assert verification.problems == (f"frames: expected 60, got {verification.facts.frames}",)
    assert "partial file" in verification.message  # ffprobe's own word for it


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("cut", "moov atom not found"),
        ("garbage", "Invalid data found when processing input"),
        ("absent", "No such file or directory"),
    ],
)
async def test_an_unreadable_output_is_a_clear_error(
    files: dict[str, Path], name: str, reason: str
) -> None:
    path = files.get(name, files["good"].with_name("absent.mp4"))
    with pytest.raises(FFprobeError) as caught:
        await verify_output(path, EXPECTED)
    assert caught.value.path == str(path)
    assert reason in str(caught.value)
    assert str(caught.value).startswith(f"{path}: cannot verify the output: ")


async def test_a_hanging_ffprobe_is_killed_at_the_timeout(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    script = tmp_path / "ffprobe"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 60\n")
    script.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(FFprobeError, match=r"verifying the output timed out after 0\.5 s"):
        await verify_output(tmp_path / "out.mp4", EXPECTED, ffprobe_path=str(script), timeout_s=0.5)
    assert time.monotonic() - started < 10
    with pytest.raises(ProcessLookupError):  # killed and reaped, not a zombie
        os.kill(int(pid_file.read_text()), 0)


async def test_a_missing_ffprobe_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(DependencyUnavailableError, match="STOAT_FFPROBE_PATH"):
        await verify_output(tmp_path / "out.mp4", EXPECTED, ffprobe_path=str(tmp_path / "nope"))


@pytest.mark.parametrize(("name", "frames"), [("bframes", 90), ("good", 60)])
async def test_packets_count_the_decoded_frames(
    files: dict[str, Path], name: str, frames: int
) -> None:
    """The claim ``-count_packets`` rests on, on the render's own encoder settings."""
    verification = await verify_output(files[name], EXPECTED)
    decoded = int(stream_facts(files[name])["nb_read_frames"])
    assert verification.facts.frames == decoded == frames


async def test_a_real_render_verifies_against_its_command(three_clips: Rendered) -> None:
    """A project with a crossfade and three kinds of source, rendered by the graph."""
    settings = three_clips.document.settings
    expected = ExpectedOutput(
        frames=three_clips.command.expected_frames,
        duration_s=three_clips.command.expected_duration_s,
        width=settings.output_width,
        height=settings.output_height,
        frame_rate=Fraction(settings.output_fps),
    )
    verification = await verify_output(three_clips.path, expected)
    assert verification.ok, verification.message
    assert verification.facts.frames == len(three_clips.frames) == 149
    assert int(stream_facts(three_clips.path)["nb_read_frames"]) == verification.facts.frames


def test_compare_names_a_file_without_pictures_or_duration() -> None:
    facts = OutputFacts(
        frames=0,
        duration_s=None,
        width=None,
        height=None,
        frame_rate=None,
        has_audio=True,
        has_video=False,
    )
    verification = compare(EXPECTED, facts)
    assert verification.problems == ("no video stream", "duration: ffprobe cannot tell")
    assert verification.result() == {
        "expected_frames": 60,
        "frames": 0,
        "duration_delta_s": None,
        "ok": False,
    }
