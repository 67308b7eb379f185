"""``STOAT_API_TOKEN``: any wrong token is 401 (never 500), checked before the body is read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import quote

import httpx
import pytest
import websockets
from fastapi import FastAPI
from pydantic import SecretStr
from websockets.exceptions import InvalidStatus

from stoat_ferret.settings import Settings
from tests.api.test_ws import ws_url

#: Not ASCII on purpose: the server must compare bytes, whatever the token contains.
TOKEN = "s3cret-Grüße-✓"
TOKEN_BYTES = TOKEN.encode("utf-8")

#: Wrong tokens a client may send: ASCII, Latin-1, UTF-8 and bytes that are not UTF-8.
WRONG = [b"nope", "Grüße".encode("latin-1"), "✓✓✓".encode(), b"\xff\xfe-x", TOKEN_BYTES[:-1]]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"api_token": SecretStr(TOKEN)})


class CountingBody:
    """A streamed request body that records how much of it the server pulled."""

    def __init__(self, total_bytes: int, chunk_bytes: int = 64 * 1024) -> None:
        self.total_bytes = total_bytes
        self.chunk = b" " * chunk_bytes  # one chunk reused: the test builds no big body
        self.pulled = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.pulled < self.total_bytes:
            self.pulled += len(self.chunk)
            yield self.chunk


@pytest.mark.parametrize("wrong", WRONG, ids=repr)
async def test_a_wrong_token_in_the_header_is_401(client: httpx.AsyncClient, wrong: bytes) -> None:
    response = await client.get("/api/v1/jobs", headers={"Authorization": b"Bearer " + wrong})
    assert response.status_code == 401
    assert response.json()["detail"]["code"] == "UNAUTHORIZED"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("wrong", WRONG, ids=repr)
async def test_a_wrong_token_in_the_query_is_401(client: httpx.AsyncClient, wrong: bytes) -> None:
    response = await client.get(f"/api/v1/jobs?token={quote(wrong)}")
    assert response.status_code == 401
    assert response.json()["detail"]["code"] == "UNAUTHORIZED"


async def test_the_right_token_of_any_characters_gets_in(client: httpx.AsyncClient) -> None:
    header = await client.get("/api/v1/jobs", headers={"Authorization": b"Bearer " + TOKEN_BYTES})
    assert header.status_code == 200
    query = await client.get(f"/api/v1/jobs?token={quote(TOKEN)}")
    assert query.status_code == 200
    assert (await client.get("/api/v1/jobs")).status_code == 401
    empty = await client.get("/api/v1/jobs?token=")
    assert empty.status_code == 401


async def test_an_unauthenticated_upload_is_refused_before_its_body_is_read(
    client: httpx.AsyncClient,
) -> None:
    body = CountingBody(100 * 1024 * 1024)
    response = await client.post(
        "/api/v1/videos/scan", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 401
    assert body.pulled == 0
    # Nobody may send that body, so the connection is not kept open to read it.
    assert response.headers["connection"] == "close"


async def test_a_prefix_from_a_proxy_does_not_open_the_api(app: FastAPI) -> None:
    # Behind `--root-path /stoat` the ASGI path is /stoat/api/...; the router strips the
    # prefix, and so must the token check, or it would let the request through.
    transport = httpx.ASGITransport(app=app, root_path="/stoat")
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        body = CountingBody(10 * 1024 * 1024)
        response = await client.post(
            "/stoat/api/v1/videos/scan", content=body, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 401
        assert body.pulled == 0
        bearer = {"Authorization": b"Bearer " + TOKEN_BYTES}
        assert (await client.get("/stoat/api/v1/jobs", headers=bearer)).status_code == 200


async def test_public_routes_stay_open(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health/live")).status_code == 200
    assert (await client.get("/metrics")).status_code == 200
    assert (await client.get("/openapi.json")).status_code == 200


@pytest.mark.parametrize("wrong", WRONG, ids=repr)
async def test_a_wrong_token_on_the_event_stream_is_refused(live_url: str, wrong: bytes) -> None:
    with pytest.raises(InvalidStatus) as by_query:
        async with websockets.connect(ws_url(live_url, f"?token={quote(wrong)}")):
            pass
    assert by_query.value.response.status_code == 403  # close code 4401 before accept
    with pytest.raises(InvalidStatus) as by_header:
        header = {"Authorization": (b"Bearer " + wrong).decode("latin-1")}  # these raw bytes
        async with websockets.connect(ws_url(live_url), additional_headers=header):
            pass
    assert by_header.value.response.status_code == 403


async def test_the_right_token_opens_the_event_stream(live_url: str) -> None:
    async with websockets.connect(ws_url(live_url, f"?token={quote(TOKEN)}")) as ws:
        assert ws.protocol.state.name == "OPEN"
    header = (b"Bearer " + TOKEN_BYTES).decode("latin-1")
    async with websockets.connect(ws_url(live_url), additional_headers={"Authorization": header}):
        pass
