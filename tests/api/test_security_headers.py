"""Security headers on every answer, the GUI's Content-Security-Policy, and CORS."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from stoat_ferret.api import create_app
from stoat_ferret.api.headers import GUI_CONTENT_SECURITY_POLICY
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.support.app_client import app_client

ORIGIN = "http://localhost:5173"
EVERY_ANSWER = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


async def client_for(
    settings: Settings, database: Database, tmp_path: Path, **changes: object
) -> AsyncIterator[httpx.AsyncClient]:
    gui = tmp_path / "dist"
    gui.mkdir(exist_ok=True)
    (gui / "index.html").write_text("<!doctype html><title>stoat-ferret</title>")
    app = create_app(
        settings.model_copy(update=changes), database=database, gui_dir=gui, configure_logs=False
    )

    @app.get("/test/boom")
    async def boom() -> None:
        raise RuntimeError("an unexpected failure")

    async with app_client(app, raise_app_exceptions=False) as client:
        yield client


@pytest.fixture
async def client(
    settings: Settings, database: Database, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    async for client in client_for(settings, database, tmp_path, max_body_bytes=64):
        yield client


def assert_hardened(response: httpx.Response) -> None:
    for name, value in EVERY_ANSWER.items():
        assert response.headers.get(name) == value, (response.request.url, name)


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/health/live", 200),
        ("GET", "/api/v1/jobs", 200),
        ("GET", "/gui/", 200),
        ("GET", "/", 307),
        ("GET", "/api/v1/nothing", 404),
        ("GET", "/gui/missing.js", 404),
        ("DELETE", "/api/v1/jobs", 405),
        ("GET", "/api/v1/jobs?limit=x", 422),
        ("POST", "/api/v1/videos/scan", 413),
        ("GET", "/test/boom", 500),
    ],
)
async def test_every_answer_carries_the_headers(
    client: httpx.AsyncClient, method: str, path: str, status: int
) -> None:
    response = await client.request(method, path, content=b" " * 65 if method == "POST" else None)
    assert response.status_code == status
    assert_hardened(response)


async def test_a_refused_token_carries_the_headers(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    async for client in client_for(settings, database, tmp_path, api_token=SecretStr("s3cret")):
        response = await client.get("/api/v1/jobs")
        assert response.status_code == 401
        assert_hardened(response)


async def test_only_the_gui_gets_the_content_security_policy(client: httpx.AsyncClient) -> None:
    for path in ("/gui/", "/gui/jobs", "/gui/missing.js"):
        policy = (await client.get(path)).headers["content-security-policy"]
        assert policy == GUI_CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in GUI_CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in GUI_CONTENT_SECURITY_POLICY
    # Swagger UI at /docs loads from a CDN with inline script: no policy there.
    assert "content-security-policy" not in (await client.get("/docs")).headers
    assert "content-security-policy" not in (await client.get("/api/v1/jobs")).headers


async def test_no_cors_headers_by_default(client: httpx.AsyncClient) -> None:
    simple = await client.get("/api/v1/jobs", headers={"Origin": ORIGIN})
    assert simple.status_code == 200
    assert "access-control-allow-origin" not in simple.headers
    preflight = await client.options(
        "/api/v1/jobs",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.json()["detail"]["code"] == "METHOD_NOT_ALLOWED"


async def test_a_configured_origin_passes_the_preflight_even_with_a_token(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    secured = {"cors_origins": [ORIGIN], "api_token": SecretStr("s3cret")}
    async for client in client_for(settings, database, tmp_path, **secured):
        # The browser's preflight carries no token; it must not be refused for that.
        preflight = await client.options(
            "/api/v1/videos/scan",
            headers={
                "Origin": ORIGIN,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == ORIGIN
        assert "POST" in preflight.headers["access-control-allow-methods"]
        assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
        assert_hardened(preflight)

        call = await client.get(
            "/api/v1/jobs", headers={"Origin": ORIGIN, "Authorization": "Bearer s3cret"}
        )
        assert call.status_code == 200
        assert call.headers["access-control-allow-origin"] == ORIGIN
        # A refusal is readable by the page too, so it can ask for the token.
        refused = await client.get("/api/v1/jobs", headers={"Origin": ORIGIN})
        assert refused.status_code == 401
        assert refused.headers["access-control-allow-origin"] == ORIGIN


async def test_another_origin_is_refused_in_the_error_shape(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    async for client in client_for(settings, database, tmp_path, cors_origins=[ORIGIN]):
        preflight = await client.options(
            "/api/v1/jobs",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
        assert preflight.status_code == 400
        assert preflight.json()["detail"]["code"] == "CORS_REJECTED"
        assert "access-control-allow-origin" not in preflight.headers
        simple = await client.get("/api/v1/jobs", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in simple.headers
