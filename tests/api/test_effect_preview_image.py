"""
``GET /effects/{type}/preview.jpg``: real ffmpeg on a scanned solid-red video.

The picture is decoded with Pillow and its mean colour proves the effect ran; the
wrapper-script tests prove that a timeout or a client that leaves kills ffmpeg.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from PIL import Image, ImageStat

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.ffmpeg.test_process_groups import process_running, read_pid, wait_until_stopped
from tests.support.app_client import app_client
from tests.support.fake_tools import assert_names_field, counting_ffmpeg, runs, stuck_ffmpeg
from tests.support.live_server import serve
from tests.support.media import run_ffmpeg

HOSTILE_TEXT = "a:b 'q' \\ %{pts} , ; [x] 100%\nnew line 🎬 שלום"


@pytest.fixture(scope="session")
def red_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two seconds of solid red at 25 fps, 320x240, with a tone."""
    path = tmp_path_factory.mktemp("red") / "red.mp4"
    run_ffmpeg(
        [
            *("-f", "lavfi", "-i", "color=c=red:size=320x240:rate=25:duration=2"),
            *("-f", "lavfi", "-i", "sine=frequency=440:duration=2"),
            *("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"),
            *("-shortest", str(path)),
        ]
    )
    return path


@pytest.fixture
def videos_root(tmp_path: Path, red_template: Path) -> Path:
    root = tmp_path / "videos"
    root.mkdir()
    shutil.copyfile(red_template, root / "red.mp4")
    return root


@pytest.fixture
async def video_id(settings: Settings, database: Database, videos_root: Path) -> str:
    """The red video, scanned into the database by an app of its own."""
    scanner = settings.model_copy(update={"allowed_scan_roots": [videos_root]})
    async with app_client(create_app(scanner, database=database, configure_logs=False)) as client:
        response = await client.post("/api/v1/videos/scan", json={"path": str(videos_root)})
        job = await client.get(f"/api/v1/jobs/{response.json()['job_id']}/wait")
        assert job.json()["status"] == "complete", job.text
        videos = (await client.get("/api/v1/videos")).json()["videos"]
    assert len(videos) == 1
    return str(videos[0]["id"])


@pytest.fixture
def preview_settings(settings: Settings, videos_root: Path) -> Settings:
    return settings.model_copy(update={"allowed_scan_roots": [videos_root]})


@pytest.fixture
async def preview_client(
    preview_settings: Settings, database: Database, video_id: str
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(preview_settings, database=database, configure_logs=False)
    async with app_client(app) as client:
        yield client


async def preview(
    client: httpx.AsyncClient, video_id: str, effect: str, parameters: object, **query: object
) -> httpx.Response:
    params = {"video_id": video_id, "parameters": json.dumps(parameters), **query}
    return await client.get(f"/api/v1/effects/{effect}/preview.jpg", params=params)


def picture(response: httpx.Response) -> Image.Image:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/jpeg"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "JPEG"
    return image.convert("RGB")


def mean_rgb(image: Image.Image) -> tuple[float, float, float]:
    red, green, blue = ImageStat.Stat(image).mean
    return red, green, blue


async def test_an_effect_that_changes_nothing_shows_the_red_source_at_the_width(
    preview_client: httpx.AsyncClient, video_id: str
) -> None:
    image = picture(
        await preview(
            preview_client, video_id, "flip", {"direction": "horizontal"}, t=1.0, width=160
        )
    )

    assert image.size == (160, 120)
    red, green, blue = mean_rgb(image)
    assert red > 200 and green < 40 and blue < 40


async def test_odd_widths_keep_the_aspect_ratio_with_an_even_height(
    preview_client: httpx.AsyncClient, video_id: str
) -> None:
    image = picture(await preview(preview_client, video_id, "blur", {"sigma": 2}, width=101))

    assert image.size == (101, 76)


async def test_hue_turns_red_to_green(preview_client: httpx.AsyncClient, video_id: str) -> None:
    image = picture(await preview(preview_client, video_id, "hue", {"degrees": 120}, t=0.5))

    red, green, blue = mean_rgb(image)
    assert green > red + 80 and green > blue + 80, (red, green, blue)


async def test_colour_brightness_lifts_every_channel(
    preview_client: httpx.AsyncClient, video_id: str
) -> None:
    plain = mean_rgb(picture(await preview(preview_client, video_id, "color", {"contrast": 1.0})))
    bright = mean_rgb(
        picture(await preview(preview_client, video_id, "color", {"brightness": 0.4}))
    )

    assert bright[1] > plain[1] + 60 and bright[2] > plain[2] + 60, (plain, bright)


async def test_video_fade_in_is_black_at_zero_and_red_once_it_is_over(
    preview_client: httpx.AsyncClient, video_id: str
) -> None:
    fade_in = {"direction": "in", "duration": 15}
    start = mean_rgb(picture(await preview(preview_client, video_id, "video_fade", fade_in, t=0)))
    later = mean_rgb(picture(await preview(preview_client, video_id, "video_fade", fade_in, t=1.5)))

    assert max(start) < 10, start
    assert later[0] > 200, later


async def test_fade_out_darkens_the_last_frame_of_the_video(
    preview_client: httpx.AsyncClient, video_id: str
) -> None:
    fade_out = {"direction": "out", "duration": 25}
    # 1.99 s lies inside the last frame (it starts at 1.96 s): moved to that frame.
    end = mean_rgb(picture(await preview(preview_client, video_id, "video_fade", fade_out, t=1.99)))

    assert end[0] < 30, end


async def test_hostile_text_previews(preview_client: httpx.AsyncClient, video_id: str) -> None:
    plain = mean_rgb(
        picture(await preview(preview_client, video_id, "flip", {"direction": "vertical"}))
    )
    text = {
        "text": HOSTILE_TEXT,
        "font_size": 60,
        "color": "white",
        "box": True,
        "box_color": "black",
    }
    drawn = mean_rgb(picture(await preview(preview_client, video_id, "text_overlay", text)))

    assert drawn != pytest.approx(plain, abs=2), "the text was not drawn"


@pytest.mark.parametrize(
    ("effect", "parameters", "query", "field"),
    [
        ("hue", {"degrees": 1000}, {}, "parameters.degrees"),
        ("hue", {"h": 10}, {}, "parameters.h"),
        ("text_overlay", {"text": "x", "font_size": 2}, {}, "parameters.font_size"),
        ("no_such_effect", {}, {}, "effect_type"),
        ("volume", {"gain_db": 3}, {}, "effect_type"),
        ("hue", {"degrees": 10}, {"t": 2.0}, "t"),
        ("hue", {"degrees": 10}, {"t": 50}, "t"),
    ],
)
async def test_bad_effects_and_instants_are_422_naming_the_field(
    preview_client: httpx.AsyncClient,
    video_id: str,
    effect: str,
    parameters: object,
    query: dict[str, object],
    field: str,
) -> None:
    assert_names_field(await preview(preview_client, video_id, effect, parameters, **query), field)


@pytest.mark.parametrize("raw", ["{bad", "", "[1, 2", "nan]"])
async def test_malformed_parameters_json_is_422_naming_parameters(
    preview_client: httpx.AsyncClient, video_id: str, raw: str
) -> None:
    response = await preview_client.get(
        "/api/v1/effects/hue/preview.jpg", params={"video_id": video_id, "parameters": raw}
    )

    assert_names_field(response, "parameters")


async def test_parameters_that_are_not_an_object_are_422_naming_parameters(
    preview_client: httpx.AsyncClient, video_id: str
) -> None:
    assert_names_field(await preview(preview_client, video_id, "hue", [1, 2]), "parameters")


@pytest.mark.parametrize("width", [0, 15, 7681])
async def test_widths_outside_the_bounds_are_422(
    preview_client: httpx.AsyncClient, video_id: str, width: int
) -> None:
    response = await preview(preview_client, video_id, "hue", {"degrees": 1}, width=width)

    assert response.status_code == 422
    assert response.json()["detail"]["errors"][0]["loc"] == ["query", "width"]


async def test_an_unknown_video_is_404(preview_client: httpx.AsyncClient, video_id: str) -> None:
    response = await preview(preview_client, "0" * 32, "hue", {"degrees": 1})

    assert response.status_code == 404
    assert response.json()["detail"]["code"] == "NOT_FOUND"


async def test_a_deleted_file_is_409_source_missing(
    preview_client: httpx.AsyncClient, video_id: str, videos_root: Path
) -> None:
    (videos_root / "red.mp4").unlink()

    response = await preview(preview_client, video_id, "hue", {"degrees": 1})

    assert response.status_code == 409
    assert response.json()["detail"]["code"] == "SOURCE_MISSING"


async def test_a_video_outside_the_allowed_roots_is_403_before_anything_else(
    settings: Settings, database: Database, video_id: str, videos_root: Path, tmp_path: Path
) -> None:
    # The roots were narrowed since the scan; the file is also gone, and 403 still wins.
    (videos_root / "red.mp4").unlink()
    other = tmp_path / "elsewhere"
    other.mkdir()
    narrowed = settings.model_copy(update={"allowed_scan_roots": [other]})
    async with app_client(create_app(narrowed, database=database, configure_logs=False)) as client:
        response = await preview(client, video_id, "hue", {"degrees": 1})

    assert response.status_code == 403
    assert response.json()["detail"]["code"] == "PATH_NOT_ALLOWED"


async def test_repeated_previews_come_from_the_cache_until_the_file_changes(
    preview_settings: Settings,
    database: Database,
    video_id: str,
    videos_root: Path,
    tmp_path: Path,
) -> None:
    script, log = counting_ffmpeg(tmp_path)
    counted = preview_settings.model_copy(update={"ffmpeg_path": str(script)})
    async with app_client(create_app(counted, database=database, configure_logs=False)) as client:
        first = await preview(client, video_id, "hue", {"degrees": 90, "saturation": 1}, t=0.5)
        # The same parameters in another order and spacing are the same preview.
        again = await client.get(
            "/api/v1/effects/hue/preview.jpg",
            params={
                "video_id": video_id,
                "t": 0.5,
                "parameters": '{ "saturation": 1,  "degrees": 90 }',
            },
        )
        assert len(runs(log)) == 1
        assert again.content == first.content

        await preview(client, video_id, "hue", {"degrees": 91, "saturation": 1}, t=0.5)
        assert len(runs(log)) == 2

        path = videos_root / "red.mp4"
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        await preview(client, video_id, "hue", {"degrees": 90, "saturation": 1}, t=0.5)
        assert len(runs(log)) == 3


@pytest.fixture
def slow_ffmpeg(tmp_path: Path) -> tuple[Path, Path]:
    return stuck_ffmpeg(tmp_path)


def slow_app(settings: Settings, database: Database, script: Path, timeout_s: float) -> FastAPI:
    slow = settings.model_copy(update={"ffmpeg_path": str(script), "preview_timeout": timeout_s})
    return create_app(slow, database=database, configure_logs=False)


async def test_a_preview_past_its_timeout_is_503_and_ffmpeg_is_gone(
    preview_settings: Settings,
    database: Database,
    video_id: str,
    slow_ffmpeg: tuple[Path, Path],
) -> None:
    script, pid_file = slow_ffmpeg
    async with app_client(slow_app(preview_settings, database, script, 1.0)) as client:
        async with asyncio.timeout(10):
            response = await preview(client, video_id, "hue", {"degrees": 1})

    assert response.status_code == 503
    assert response.json()["detail"]["code"] == "PREVIEW_TIMEOUT"
    assert await wait_until_stopped(await read_pid(pid_file)), "ffmpeg's child still runs"


async def test_a_client_that_leaves_stops_the_preview(
    preview_settings: Settings,
    database: Database,
    video_id: str,
    slow_ffmpeg: tuple[Path, Path],
) -> None:
    script, pid_file = slow_ffmpeg
    app = slow_app(preview_settings, database, script, 120.0)
    async with app.router.lifespan_context(app), serve(app) as url:
        async with httpx.AsyncClient(base_url=url) as client:
            request = asyncio.create_task(preview(client, video_id, "hue", {"degrees": 1}))
            grandchild = await read_pid(pid_file)
            assert await asyncio.to_thread(process_running, grandchild)
            request.cancel()  # closes the connection, as a browser tab that goes away
            with pytest.raises(asyncio.CancelledError):
                await request

        # The timeout is 120 s: only the disconnect can stop it this soon.
        assert await wait_until_stopped(grandchild, limit_s=5.0), "ffmpeg's child still runs"
