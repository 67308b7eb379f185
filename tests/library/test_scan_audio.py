"""Sound files in the library (SPEC §9 "Library media"), end to end over HTTP.

One folder holds videos, a sound file of every audio extension the scan indexes
(a ``sine`` tone, so the waveform is visible) and a ``.mp4`` that holds only sound.
Each probe backend scans it through the real app: the sound files become ``audio``
records without picture fields, their thumbnails are waveforms, the list and the
search filter by ``media_type``, and the ``.mp4`` stays a per-file error.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image, ImageStat

from stoat_ferret.db import Database
from stoat_ferret.library.scan import AUDIO_EXTENSIONS, media_type_of
from stoat_ferret.settings import Settings
from tests.ffmpeg.conftest import AUDIO_CORPUS, ENCODERS
from tests.library.conftest import scan_and_wait
from tests.library.test_videos_routes import running_client
from tests.support.media import make_audio_only

VIDEOS = "/api/v1/videos"
PICTURE_FIELDS = (
    "width",
    "height",
    "video_codec",
    "frame_rate_numerator",
    "frame_rate_denominator",
    "duration_frames",
)


@pytest.fixture(scope="module")
def sound_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A 1 s tone per audio extension (all seven: a missing encoder fails loudly)."""
    missing = sorted(c.encoder for c in AUDIO_CORPUS.values() if c.encoder not in ENCODERS)
    assert not missing, f"the local ffmpeg cannot encode {missing}"
    folder = tmp_path_factory.mktemp("sounds")
    return {
        name: make_audio_only(
            folder / clip.filename,
            acodec=clip.encoder,
            sample_rate=clip.audio_sample_rate,
            audio_channels=clip.audio_channels,
        )
        for name, clip in AUDIO_CORPUS.items()
    }


@pytest.fixture
def mixed_folder(
    tmp_path: Path, clip_templates: dict[str, Path], sound_templates: dict[str, Path]
) -> Path:
    root = tmp_path / "media"
    (root / "music").mkdir(parents=True)
    shutil.copyfile(clip_templates["mp4"], root / "holiday.mp4")
    shutil.copyfile(clip_templates["webm"], root / "music" / "concert.webm")
    for name, template in sound_templates.items():
        # Upper case on one: extensions count in any case, as for videos.
        suffix = template.suffix.upper() if name == "flac" else template.suffix
        shutil.copyfile(template, root / "music" / f"tone_{name}{suffix}")
    make_audio_only(root / "song_only.mp4")
    return root


@pytest.fixture(params=["ffprobe", "pyav"])
async def client(
    request: pytest.FixtureRequest, library_settings: Settings, database: Database
) -> AsyncIterator[httpx.AsyncClient]:
    settings = library_settings.model_copy(update={"probe_backend": request.param})
    async with running_client(settings, database) as running:
        yield running


def test_every_audio_extension_is_indexed_as_audio() -> None:
    assert {".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".opus"} == AUDIO_EXTENSIONS
    assert [media_type_of(n) for n in ("a.MP3", "b.Opus", "c.mp4", "d.txt")] == [
        "audio",
        "audio",
        "video",
        None,
    ]


async def by_filename(client: httpx.AsyncClient, **params: Any) -> dict[str, dict[str, Any]]:
    response = await client.get(VIDEOS, params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    return {video["filename"]: video for video in response.json()["videos"]}


async def test_scan_indexes_sound_files_as_audio_records(
    client: httpx.AsyncClient, mixed_folder: Path
) -> None:
    job = await scan_and_wait(client, mixed_folder)

    result = job["result"]
    assert isinstance(result, dict)
    assert job["status"] == "complete", job
    assert (result["scanned"], result["new"]) == (10, 9)
    # A video extension without a video stream stays an error, as before.
    assert result["errors"] == [
        {"path": str(mixed_folder / "song_only.mp4"), "error": "no video stream"}
    ]
    records = await by_filename(client)
    assert {r["media_type"] for n, r in records.items() if n.endswith((".mp4", ".webm"))} == {
        "video"
    }
    for name, clip in AUDIO_CORPUS.items():
        record = next(r for n, r in records.items() if n.startswith(f"tone_{name}."))
        assert record["media_type"] == "audio"
        assert all(record[field] is None for field in PICTURE_FIELDS), record
        assert (record["audio_codec"], record["container"]) == (clip.audio_codec, clip.container)
        assert (record["audio_channels"], record["audio_sample_rate"]) == (
            clip.audio_channels,
            clip.audio_sample_rate,
        )
        assert record["duration_seconds"] == pytest.approx(1.0, abs=0.05)
    video = records["holiday.mp4"]
    assert (video["width"], video["duration_frames"], video["video_codec"]) == (320, 30, "h264")


async def test_sound_files_get_a_waveform_thumbnail(
    client: httpx.AsyncClient, mixed_folder: Path
) -> None:
    await scan_and_wait(client, mixed_folder)

    sounds = await by_filename(client, media_type="audio")
    assert len(sounds) == len(AUDIO_CORPUS)
    for record in sounds.values():
        response = await client.get(record["thumbnail_url"])
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/jpeg"
        assert "x-placeholder" not in response.headers, record["filename"]
        image = Image.open(io.BytesIO(response.content))
        image.load()
        assert (image.format, image.size) == ("JPEG", (320, 120))
        # A tone fills a band across the picture; a blank one has no variance.
        assert ImageStat.Stat(image.convert("L")).var[0] > 500, record["filename"]


async def test_list_and_search_filter_by_media_type(
    client: httpx.AsyncClient, mixed_folder: Path
) -> None:
    await scan_and_wait(client, mixed_folder)

    audio = await client.get(VIDEOS, params={"media_type": "audio", "limit": 100})
    video = await client.get(VIDEOS, params={"media_type": "video", "limit": 100})
    every = await client.get(VIDEOS, params={"limit": 100})
    assert audio.json()["total"] == len(AUDIO_CORPUS) == len(audio.json()["videos"])
    assert {v["media_type"] for v in audio.json()["videos"]} == {"audio"}
    assert [v["filename"] for v in video.json()["videos"]] == ["concert.webm", "holiday.mp4"]
    assert every.json()["total"] == len(AUDIO_CORPUS) + 2
    # Search: a word (FTS) and a short term (LIKE), each narrowed to one type.
    for words in ("music", "music to"):
        found = await client.get(
            f"{VIDEOS}/search", params={"q": words, "media_type": "audio", "limit": 100}
        )
        assert found.status_code == 200
        assert found.json()["total"] == len(AUDIO_CORPUS)
        assert {v["media_type"] for v in found.json()["videos"]} == {"audio"}
    concert = await client.get(f"{VIDEOS}/search", params={"q": "music", "media_type": "video"})
    assert [v["filename"] for v in concert.json()["videos"]] == ["concert.webm"]
    assert concert.json()["total"] == 1
    # An empty page still counts with the filter (the second statement).
    past = await client.get(VIDEOS, params={"media_type": "video", "offset": 50})
    assert (past.json()["videos"], past.json()["total"]) == ([], 2)


@pytest.mark.parametrize("route", [VIDEOS, f"{VIDEOS}/search?q=tone"])
@pytest.mark.parametrize("value", ["sound", "VIDEO", "", "audio,video"])
async def test_an_unknown_media_type_is_a_422_naming_it(
    client: httpx.AsyncClient, route: str, value: str
) -> None:
    response = await client.get(route, params={"media_type": value})

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["code"] == "VALIDATION_ERROR"
    assert "media_type" in detail["message"]
