"""``extract_thumbnail`` with the real ffmpeg, and the timestamp and size rules."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import av
import pytest
from PIL import Image, ImageChops, ImageStat

from stoat_ferret.errors import DependencyUnavailableError, ThumbnailError
from stoat_ferret.ffmpeg import extract_thumbnail, scaled_size, thumbnail_at_s
from stoat_ferret.ffmpeg.thumbnail.files import write_atomic
from tests.ffmpeg.conftest import CORPUS, process_exists


def open_jpeg(path: Path) -> Image.Image:
    image = Image.open(path)
    image.load()  # decodes the whole file: a truncated JPEG fails here
    assert image.format == "JPEG"
    return image


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    """Average absolute difference per channel value (0 = identical, 255 = inverse)."""
    stat = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB")))
    return sum(stat.mean) / len(stat.mean)


def names_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def frames_near(
    path: Path, times_s: list[float], size: tuple[int, int]
) -> dict[float, Image.Image]:
    """Reference frames of ``path`` at exactly the given times, scaled to ``size``."""
    wanted = {round(t, 4) for t in times_s}
    found: dict[float, Image.Image] = {}
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            key = round(frame.time, 4)
            if key in wanted:
                found[key] = frame.to_image(width=size[0], height=size[1])
            if len(found) == len(wanted):
                break
    return found


@pytest.mark.parametrize(
    ("duration_s", "expected_s"),
    [
        (1.0, 0.1),
        (0.5, 0.05),
        (20.0, 2.0),
        (50.0, 5.0),
        (60.0, 5.0),
        (3600.0, 5.0),
        (0.0, 0.0),
        (-1.0, 0.0),
        (float("nan"), 0.0),
        (float("inf"), 0.0),
    ],
)
def test_thumbnail_at_s(duration_s: float, expected_s: float) -> None:
    assert thumbnail_at_s(duration_s) == pytest.approx(expected_s)


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((320, 240), (320, 240)),
        ((1920, 1080), (320, 180)),
        ((352, 288), (320, 262)),  # 261.8 -> even 262, like ffmpeg scale=320:-2
        ((180, 320), (320, 568)),
        ((640, 480), (320, 240)),
        ((4000, 10), (320, 2)),  # never below 2 px
    ],
)
def test_scaled_size_keeps_aspect_with_even_height(
    size: tuple[int, int], expected: tuple[int, int]
) -> None:
    assert scaled_size(*size) == expected


def test_scaled_size_rejects_empty_pictures() -> None:
    with pytest.raises(ValueError, match="positive"):
        scaled_size(0, 240)


@pytest.mark.parametrize(
    "name",
    [
        "h264_aac_mp4",
        "half_second_mp4",
        "twenty_seconds_mp4",
        "sixty_seconds_mp4",
        "cif_ntsc_mp4",
        "portrait_mp4",
    ],
)
async def test_thumbnail_is_a_320_wide_jpeg(
    name: str, corpus_files: dict[str, Path], ffmpeg_path: str, tmp_path: Path
) -> None:
    clip = CORPUS[name]
    dest = tmp_path / "thumbs" / f"{name}.jpg"

    await extract_thumbnail(
        corpus_files[name], dest, duration_s=clip.duration_s, ffmpeg_path=ffmpeg_path
    )

    image = open_jpeg(dest)
    assert image.size == scaled_size(clip.width, clip.height)
    assert image.width == 320
    assert image.height % 2 == 0
    # Only the final file is left: no temporary files next to it.
    assert names_in(dest.parent) == [dest.name]


def assert_shows_frame(
    path: Path, thumbnail: Path, *, candidates: list[float], expected: float
) -> None:
    """The thumbnail looks most like the source frame at ``expected`` among ``candidates``.

    testsrc2 changes every frame, so the closest frame is the one that was taken.
    """
    thumb = open_jpeg(thumbnail)
    references = frames_near(path, candidates, thumb.size)
    distances = {t: mean_difference(thumb, ref) for t, ref in references.items()}
    assert min(distances, key=lambda t: distances[t]) == expected, distances


async def test_twenty_second_clip_uses_the_frame_at_2_s(
    corpus_files: dict[str, Path], ffmpeg_path: str, tmp_path: Path
) -> None:
    # 10 % of 20 s is 2 s, still under the 5 s cap.
    path = corpus_files["twenty_seconds_mp4"]
    assert thumbnail_at_s(20.0) == 2.0
    dest = tmp_path / "t.jpg"

    await extract_thumbnail(path, dest, duration_s=20.0, ffmpeg_path=ffmpeg_path)

    # testsrc2 changes every frame: the thumbnail must look like the 2 s frame and
    # not like its neighbours.
    assert_shows_frame(path, dest, candidates=[1.9667, 2.0, 2.0333, 5.0], expected=2.0)


async def test_long_clip_uses_the_frame_at_the_5_s_cap(
    corpus_files: dict[str, Path], ffmpeg_path: str, tmp_path: Path
) -> None:
    path = corpus_files["sixty_seconds_mp4"]
    at_s = thumbnail_at_s(60.0)
    assert at_s == 5.0
    dest = tmp_path / "t.jpg"

    await extract_thumbnail(path, dest, duration_s=60.0, ffmpeg_path=ffmpeg_path)

    # Not the neighbours at 10 fps, and not 6 s (10 % without the cap).
    assert open_jpeg(dest).size == (320, 240)
    assert_shows_frame(path, dest, candidates=[4.9, 5.0, 5.1, 6.0], expected=5.0)


async def test_one_second_clip_uses_the_frame_at_a_tenth(
    corpus_files: dict[str, Path], ffmpeg_path: str, tmp_path: Path
) -> None:
    path = corpus_files["h264_aac_mp4"]
    dest = tmp_path / "t.jpg"

    await extract_thumbnail(path, dest, duration_s=1.0, ffmpeg_path=ffmpeg_path)

    assert_shows_frame(path, dest, candidates=[0.0, 0.0667, 0.1, 0.1333], expected=0.1)


async def test_seeking_past_the_end_falls_back_to_the_first_frame(
    corpus_files: dict[str, Path], ffmpeg_path: str, tmp_path: Path
) -> None:
    # A container that claims 100 s for a 0.5 s clip: the seek to 5 s finds nothing.
    path = corpus_files["half_second_mp4"]
    dest = tmp_path / "t.jpg"

    await extract_thumbnail(path, dest, duration_s=100.0, ffmpeg_path=ffmpeg_path)

    thumb = open_jpeg(dest)
    first = frames_near(path, [0.0], thumb.size)[0.0]
    assert mean_difference(thumb, first) < 5


async def test_existing_thumbnail_is_replaced(
    corpus_files: dict[str, Path], ffmpeg_path: str, tmp_path: Path
) -> None:
    dest = tmp_path / "t.jpg"
    dest.write_bytes(b"old")

    await extract_thumbnail(
        corpus_files["h264_aac_mp4"], dest, duration_s=1.0, ffmpeg_path=ffmpeg_path
    )

    assert open_jpeg(dest).width == 320
    assert oct(dest.stat().st_mode & 0o777) == oct(0o644)


@pytest.mark.parametrize("case", ["zero_byte", "random_bytes", "text", "audio_only", "truncated"])
async def test_bad_files_raise_thumbnail_error(
    case: str, bad_files: dict[str, Path], ffmpeg_path: str, tmp_path: Path
) -> None:
    path = bad_files[case]
    dest = tmp_path / "t.jpg"

    with pytest.raises(ThumbnailError) as caught:
        await extract_thumbnail(path, dest, duration_s=1.0, ffmpeg_path=ffmpeg_path)

    assert caught.value.path == str(path)
    assert caught.value.reason.strip()
    assert not dest.exists()
    assert names_in(tmp_path) == []


async def test_cover_art_only_file_gets_no_thumbnail(
    cover_art_file: Path, ffmpeg_path: str, tmp_path: Path
) -> None:
    with pytest.raises(ThumbnailError, match="matches no streams"):
        await extract_thumbnail(
            cover_art_file, tmp_path / "t.jpg", duration_s=1.0, ffmpeg_path=ffmpeg_path
        )


async def test_missing_ffmpeg_is_a_dependency_error(
    corpus_files: dict[str, Path], tmp_path: Path
) -> None:
    with pytest.raises(DependencyUnavailableError, match="STOAT_FFMPEG_PATH"):
        await extract_thumbnail(
            corpus_files["h264_aac_mp4"],
            tmp_path / "t.jpg",
            duration_s=1.0,
            ffmpeg_path=str(tmp_path / "no-ffmpeg"),
        )


async def test_timeout_kills_and_reaps_ffmpeg(
    hanging_binary: tuple[Path, Path], corpus_files: dict[str, Path], tmp_path: Path
) -> None:
    script, pid_file = hanging_binary
    dest = tmp_path / "out" / "t.jpg"

    with pytest.raises(ThumbnailError, match=r"timed out after 0\.3 s"):
        await extract_thumbnail(
            corpus_files["h264_aac_mp4"],
            dest,
            duration_s=1.0,
            ffmpeg_path=str(script),
            timeout_s=0.3,
        )

    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)
    assert not dest.exists()


async def test_cancelling_kills_and_reaps_ffmpeg(
    hanging_binary: tuple[Path, Path], corpus_files: dict[str, Path], tmp_path: Path
) -> None:
    script, pid_file = hanging_binary
    task = asyncio.create_task(
        extract_thumbnail(
            corpus_files["h264_aac_mp4"],
            tmp_path / "t.jpg",
            duration_s=1.0,
            ffmpeg_path=str(script),
            timeout_s=60,
        )
    )
    async with asyncio.timeout(10):
        while not pid_file.exists() or not pid_file.read_text().strip():
            await asyncio.sleep(0.02)
    pid = int(pid_file.read_text())
    assert process_exists(pid)

    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    assert not process_exists(pid)


def test_write_atomic_creates_folders_and_leaves_no_temp_files(tmp_path: Path) -> None:
    dest = tmp_path / "a" / "b" / "t.jpg"

    write_atomic(dest, b"\xff\xd8data")
    write_atomic(dest, b"\xff\xd8newer")

    assert dest.read_bytes() == b"\xff\xd8newer"
    assert names_in(dest.parent) == ["t.jpg"]
