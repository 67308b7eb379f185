"""Scans of data the library cannot store as it is: names that are not UTF-8, absurd
probe values, rows the database refuses, and thumbnails a crash left behind.

The rule under test: one bad file is one per-file error, every other file of its
write batch is stored, and the job's result says exactly what happened.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from stoat_ferret.db import Database
from stoat_ferret.ffmpeg import FFprobeBackend, VideoMetadata
from stoat_ferret.jobs import JobContext
from stoat_ferret.library.models import FileStamp, ProbedVideo
from stoat_ferret.library.names import UNDECODABLE_NAME
from stoat_ferret.library.scan import ORPHAN_MIN_AGE_S, BatchWriter, ScanConfig, ScanTally
from stoat_ferret.settings import Settings
from tests.library.conftest import copy_corpus, scan_and_wait
from tests.library.test_scan import all_videos, client_for
from tests.support.library import StoredVideos


def write_bytes_named(folder: Path, name: bytes, data: bytes) -> bytes:
    """Create a file whose name is raw bytes (the OS allows any but ``/`` and NUL)."""
    path = os.fsencode(folder) + b"/" + name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path


def present(path: str | bytes) -> bool:
    return os.path.lexists(path)


async def test_a_name_that_is_not_utf8_is_one_error_and_every_other_file_is_stored(
    library_client: httpx.AsyncClient, clip_templates: dict[str, Path], tmp_path: Path
) -> None:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 40)
    bad = write_bytes_named(root, b"bad\xff name.mp4", clip_templates["mp4"].read_bytes())

    job = await scan_and_wait(library_client, root)

    assert job["status"] == "complete", job
    result = job["result"]
    assert (result["scanned"], result["new"], result["updated"]) == (41, 40, 0)
    # Shown escaped: the API's JSON cannot carry the raw byte.
    assert result["errors"] == [{"path": f"{root}/bad\\xff name.mp4", "error": UNDECODABLE_NAME}]
    videos = await all_videos(library_client)
    assert len(videos) == 40
    assert all("bad" not in video["filename"] for video in videos)

    again = await scan_and_wait(library_client, root)
    assert again["status"] == "complete"
    assert (again["result"]["skipped"], again["result"]["new"]) == (40, 0)
    assert again["result"]["errors"] == result["errors"]
    assert present(bad)  # reported, never touched


def absurd_ffprobe(folder: Path) -> str:
    """The real ffprobe behind a script that reports a width of 10^20 for ``absurd*`` files."""
    script = folder / "absurd-ffprobe"
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, os, subprocess, sys\n"
        f"real = {shutil.which('ffprobe')!r}\n"
        "done = subprocess.run([real, *sys.argv[1:]], capture_output=True)\n"
        "sys.stderr.buffer.write(done.stderr)\n"
        "if done.returncode or not os.path.basename(sys.argv[-1]).startswith('absurd'):\n"
        "    sys.stdout.buffer.write(done.stdout)\n"
        "    sys.exit(done.returncode)\n"
        "document = json.loads(done.stdout)\n"
        "for stream in document['streams']:\n"
        "    if stream.get('codec_type') == 'video':\n"
        "        stream['width'] = 10**20\n"
        "print(json.dumps(document))\n"
    )
    script.chmod(0o755)
    return str(script)


async def test_an_absurd_probe_value_is_one_error_and_the_other_files_are_stored(
    settings: Settings, database: Database, clip_templates: dict[str, Path], tmp_path: Path
) -> None:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 6)
    shutil.copyfile(clip_templates["mp4"], root / "absurd.mp4")
    settings = settings.model_copy(
        update={"probe_backend": "ffprobe", "ffprobe_path": absurd_ffprobe(tmp_path)}
    )

    async with client_for(settings, database) as client:
        job = await scan_and_wait(client, root)
        videos = await all_videos(client)

    assert job["status"] == "complete", job
    assert (job["result"]["new"], job["result"]["scanned"]) == (6, 7)
    [error] = job["result"]["errors"]
    assert error["path"] == str(root / "absurd.mp4")
    assert error["error"] == "width 100000000000000000000 px is out of range (at most 65536)"
    assert sorted(v["filename"] for v in videos) == sorted(p.name for p in root.rglob("clip_*"))


def probed(folder: Path, name: str, clip: Path, **overrides: Any) -> ProbedVideo:
    values: dict[str, Any] = {
        "duration_s": 1.0, "duration_frames": 30, "frame_rate_numerator": 30,
        "frame_rate_denominator": 1, "width": 320, "height": 240, "video_codec": "h264",
        "audio_codec": None, "container": "mp4", "bit_rate": 1000, "audio_channels": None,
        "audio_sample_rate": None,
    }  # fmt: skip
    values.update(overrides)
    video_id = name.replace(".", "_")
    thumbnail = folder / f"{video_id}.jpg"
    thumbnail.write_bytes(b"jpeg")
    stat = clip.stat()
    return ProbedVideo(
        video_id,
        str(folder / name),
        FileStamp(stat.st_size, stat.st_mtime_ns),
        VideoMetadata(**values),
        str(thumbnail),
    )


async def test_a_batch_refused_for_one_row_is_stored_row_by_row(
    database: Database, clip_templates: dict[str, Path], tmp_path: Path
) -> None:
    repository = StoredVideos(database)
    events: list[str] = []

    async def no_progress(value: float, detail: dict[str, Any] | None) -> None:
        return None

    ctx = JobContext(
        job_id="job",
        job_type="scan",
        set_progress=no_progress,
        emit=lambda kind, payload: events.append(kind),
        cancel_event=asyncio.Event(),
    )
    tally = ScanTally()
    config = ScanConfig(backend=FFprobeBackend(), thumbnails_dir=tmp_path)
    writer = BatchWriter(database.unit_of_work, ctx, tally, config)
    clip = clip_templates["mp4"]
    good = [probed(tmp_path, f"good{n}.mp4", clip) for n in range(3)]
    # Built past the probe's bounds: a value SQLite's 64-bit INTEGER cannot hold.
    huge = probed(tmp_path, "huge.mp4", clip, bit_rate=2**63)
    for video in [good[0], huge, *good[1:]]:
        writer.add(video, is_new=True)

    await writer.flush()

    stored = set(await repository.known_stamps(str(tmp_path), recursive=False))
    assert stored == {video.path for video in good}
    assert (tally.new, events) == (3, ["video.added"] * 3)
    [error] = tally.errors
    assert error["path"] == huge.path
    assert error["error"].startswith("could not be stored in the library: ")
    assert "too large" in error["error"] and len(error["error"]) <= 300
    # Nothing names the refused file's thumbnail any more.
    assert not present(str(huge.thumbnail_path))
    assert all(present(str(video.thumbnail_path)) for video in good)


async def test_the_next_scan_removes_thumbnails_no_record_names(
    library_client: httpx.AsyncClient,
    library_settings: Settings,
    clip_templates: dict[str, Path],
    tmp_path: Path,
) -> None:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 4)
    assert (await scan_and_wait(library_client, root))["status"] == "complete"
    thumbnails = library_settings.thumbnails_dir
    kept = sorted(thumbnails.glob("*.jpg"))
    assert len(kept) == 4
    # What a crash between a thumbnail write and its record's batch leaves behind.
    long_ago = time.time() - ORPHAN_MIN_AGE_S - 60
    orphan = thumbnails / ("0" * 32 + ".jpg")
    stale_temp = thumbnails / f".{'1' * 32}.jpg.abc123.tmp"
    recent = thumbnails / ("2" * 32 + ".jpg")  # may be a running scan's, not yet stored
    for path in (orphan, stale_temp, recent):
        path.write_bytes(b"jpeg")
    for path in (orphan, stale_temp, *kept):
        os.utime(path, (long_ago, long_ago))

    job = await scan_and_wait(library_client, root)

    assert job["status"] == "complete" and job["result"]["skipped"] == 4
    assert not orphan.exists() and not stale_temp.exists()
    assert recent.exists()
    assert sorted(thumbnails.glob("*.jpg")) == sorted([*kept, recent])
