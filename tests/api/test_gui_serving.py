"""The server hosts the GUI build at /gui/ (SPA fallback, cache headers, missing build)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from stoat_ferret.api import create_app
from stoat_ferret.api.gui import BUILD_COMMAND, default_gui_dir
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.support.app_client import app_client

INDEX = "<!doctype html><title>stoat-ferret</title><div id=root></div>"
ASSET = "console.log('hashed asset');"


@pytest.fixture
def gui_dir(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX)
    (dist / "assets" / "index-abc123.js").write_text(ASSET)
    (dist / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    # Outside the build: must never be reachable through /gui/.
    (tmp_path / "secret.txt").write_text("not for the browser")
    return dist


@pytest.fixture
async def client(
    settings: Settings, database: Database, gui_dir: Path
) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, database=database, gui_dir=gui_dir, configure_logs=False)
    async with app_client(app) as client:
        yield client


async def test_index_is_served_at_gui_slash_and_revalidated(client: httpx.AsyncClient) -> None:
    response = await client.get("/gui/")
    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"

    etag = response.headers["etag"]
    again = await client.get("/gui/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


async def test_hashed_assets_are_cached_for_a_year(client: httpx.AsyncClient) -> None:
    response = await client.get("/gui/assets/index-abc123.js")
    assert response.status_code == 200
    assert response.text == ASSET
    assert "javascript" in response.headers["content-type"]
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


async def test_unhashed_root_files_are_revalidated(client: httpx.AsyncClient) -> None:
    response = await client.get("/gui/favicon.svg")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("route", ["/gui/jobs", "/gui/dashboard", "/gui/jobs/", "/gui/a/b/c"])
async def test_client_routes_fall_back_to_index(client: httpx.AsyncClient, route: str) -> None:
    response = await client.get(route)
    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("route", ["/gui/missing.js", "/gui/assets/index-gone.css"])
async def test_missing_file_with_extension_is_a_json_404(
    client: httpx.AsyncClient, route: str
) -> None:
    response = await client.get(route)
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert detail["code"] == "NOT_FOUND"
    assert route.removeprefix("/gui/") in detail["message"]


@pytest.mark.parametrize("route", ["/gui/..%2Fsecret.txt", "/gui/assets/..%2F..%2Fsecret.txt"])
async def test_files_outside_the_build_are_unreachable(
    client: httpx.AsyncClient, route: str
) -> None:
    response = await client.get(route)
    assert response.status_code == 404
    assert "not for the browser" not in response.text


async def test_gui_without_slash_redirects(client: httpx.AsyncClient) -> None:
    response = await client.get("/gui")
    assert response.status_code in {307, 308}
    assert response.headers["location"] == "/gui/"


async def test_root_redirects_to_the_gui(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code in {307, 308}
    assert response.headers["location"] == "/gui/"
    followed = await client.get("/", follow_redirects=True)
    assert followed.text == INDEX


async def test_head_is_answered(client: httpx.AsyncClient) -> None:
    response = await client.head("/gui/assets/index-abc123.js")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == str(len(ASSET))


async def test_gui_routes_are_not_in_the_openapi_schema(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert not [path for path in paths if path.startswith("/gui")]


async def test_missing_build_answers_503_with_the_build_command(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    app = create_app(
        settings, database=database, gui_dir=tmp_path / "no-build", configure_logs=False
    )
    async with app_client(app) as client:
        for route in ("/gui/", "/gui/jobs"):
            response = await client.get(route)
            assert response.status_code == 503
            assert response.headers["content-type"].startswith("text/html")
            assert BUILD_COMMAND in response.text.replace("&amp;", "&")
            assert "./scripts/serve" in response.text
        # The API does not depend on the GUI.
        assert (await client.get("/health/live")).status_code == 200


def test_default_gui_dir_is_the_repository_build() -> None:
    assert default_gui_dir() == Path(__file__).resolve().parents[2] / "gui" / "dist"


async def test_query_token_is_accepted_where_headers_cannot_be_sent(
    settings: Settings, database: Database, gui_dir: Path
) -> None:
    secured = settings.model_copy(update={"api_token": SecretStr("s3cret")})
    app = create_app(secured, database=database, gui_dir=gui_dir, configure_logs=False)
    async with app_client(app) as client:
        # An <img> thumbnail: no header possible, the token rides in the URL.
        thumbnail = f"/api/v1/videos/{'f' * 32}/thumbnail"  # a well-formed id, no video
        assert (await client.get(thumbnail)).status_code == 401
        assert (await client.get(thumbnail, params={"token": "wrong"})).status_code == 401
        found = await client.get(thumbnail, params={"token": "s3cret"})
        assert found.status_code == 404  # past the auth check: the video does not exist

        assert (await client.get("/api/v1/videos", params={"token": "s3cret"})).status_code == 200
        wrong = await client.get("/api/v1/videos", params={"token": "nope"})
        assert wrong.status_code == 401
        assert wrong.json()["detail"]["code"] == "UNAUTHORIZED"

        # The header still works, and a header wins over the query parameter.
        bearer = {"Authorization": "Bearer s3cret"}
        assert (await client.get("/api/v1/videos", headers=bearer)).status_code == 200
        wrong_header = {"Authorization": "Bearer nope"}
        both = await client.get("/api/v1/videos", headers=wrong_header, params={"token": "s3cret"})
        assert both.status_code == 401

        # The GUI itself is public: the page has to load to ask for the token.
        assert (await client.get("/gui/")).status_code == 200
