"""``STOAT_MAX_BODY_BYTES``: an oversized body is refused with 413 and never held in memory."""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from stoat_ferret.api import create_app
from stoat_ferret.jobs import AsyncioJobQueue
from stoat_ferret.settings import Settings
from tests.api.test_auth import CountingBody
from tests.support.app_client import app_client
from tests.support.processes import free_port, server_argv, server_process

LIMIT = 1_048_576  # the default
HUNDRED_MB = 100 * 1024 * 1024
JSON = {"Content-Type": "application/json"}


def assert_too_large(response: httpx.Response) -> None:
    assert response.status_code == 413
    detail = response.json()["detail"]
    assert detail["code"] == "PAYLOAD_TOO_LARGE"
    assert str(LIMIT) in detail["message"] and "STOAT_MAX_BODY_BYTES" in detail["message"]
    assert response.headers["connection"] == "close"


async def test_a_streamed_body_over_the_limit_is_cut_off_at_the_limit(
    client: httpx.AsyncClient,
) -> None:
    body = CountingBody(HUNDRED_MB)
    started = time.monotonic()
    response = await client.post("/api/v1/videos/scan", content=body, headers=JSON)
    assert_too_large(response)
    # Reading stopped one chunk past the limit: the other 99 MB were never pulled.
    assert body.pulled <= LIMIT + len(body.chunk)
    assert time.monotonic() - started < 10


async def test_a_declared_length_over_the_limit_is_refused_before_the_app_runs(
    client: httpx.AsyncClient, queue: AsyncioJobQueue
) -> None:
    body = CountingBody(LIMIT + 1, chunk_bytes=LIMIT + 1)
    headers = {**JSON, "Content-Length": str(LIMIT + 1)}
    response = await client.post("/api/v1/videos/scan", content=body, headers=headers)
    assert_too_large(response)
    assert body.pulled == 0
    # A route that ignores its body does not run either: the job is not cancelled.
    job_id = await queue.submit("steps", {"total": 500, "step_s": 0.01})
    cancel = await client.post(f"/api/v1/jobs/{job_id}/cancel", content=body, headers=headers)
    assert_too_large(cancel)
    assert not (await queue.get_result(job_id)).cancel_requested
    await queue.cancel(job_id)


async def test_a_body_at_the_limit_is_read(client: httpx.AsyncClient) -> None:
    padding = " " * (LIMIT - len('{"path": ""}'))
    body = '{"path": ""}' + padding
    assert len(body) == LIMIT
    response = await client.post("/api/v1/videos/scan", content=body, headers=JSON)
    assert response.status_code == 400  # read and judged: the path is empty
    assert response.json()["detail"]["code"] == "INVALID_PATH"


@pytest.mark.parametrize("limit", [16, 4096])
async def test_the_limit_is_a_setting(settings: Settings, limit: int) -> None:
    app = create_app(settings.model_copy(update={"max_body_bytes": limit}), configure_logs=False)
    async with app_client(app) as client:
        small = await client.post("/api/v1/videos/scan", json={"path": ""})
        big = await client.post("/api/v1/videos/scan", content=b" " * (limit + 1))
    assert small.status_code == 400
    assert big.status_code == 413
    assert str(limit) in big.json()["detail"]["message"]


# -- on a real socket, against a real server process ----------------------------------


def peak_rss_kib(pid: int) -> int:
    """The process's high-water mark of resident memory (``VmHWM``), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc")


def upload(url: str, total_bytes: int, *, chunked: bool) -> tuple[bytes, int]:
    """POST ``total_bytes`` to the scan route, sending until the server answers.

    Returns the raw answer and how many body bytes were sent before it came. The
    server closes the connection after its 413; the bytes of the answer arrive first.
    """
    parts = urlsplit(url)
    with socket.create_connection((parts.hostname, parts.port)) as sock:
        framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {total_bytes}"
        sock.sendall(
            f"POST /api/v1/videos/scan HTTP/1.1\r\nHost: test\r\n"
            f"Content-Type: application/json\r\n{framing}\r\n\r\n".encode()
        )
        chunk = b" " * 65536
        frame = b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk
        sent = 0
        sock.setblocking(False)
        while sent < total_bytes:
            readable, writable, _ = select.select([sock], [sock], [], 10)
            if readable:
                break
            try:
                sent += sock.send(frame) if writable else 0
            except (BrokenPipeError, ConnectionResetError):
                break
        sock.settimeout(10)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.endswith(b"}}"):
            data = sock.recv(65536)
            if not data:
                break
            answer += data
    return answer, sent


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    port = free_port()
    with server_process(server_argv(tmp_path_factory.mktemp("data"), port), port) as (url, proc):
        yield url, proc.pid


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_a_hundred_megabyte_upload_does_not_grow_the_server(
    server: tuple[str, int], chunked: bool
) -> None:
    url, pid = server
    before = peak_rss_kib(pid)
    answer, sent = upload(url, HUNDRED_MB, chunked=chunked)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert b'"code":"PAYLOAD_TOO_LARGE"' in answer
    # The server stopped reading: far less than the body went out before the answer
    # (what did go out is the limit plus what the two kernels' socket buffers hold).
    assert sent < HUNDRED_MB / 4
    # Before the fix the whole body was held: +300 MB for a 100 MB upload.
    assert peak_rss_kib(pid) - before < 20 * 1024
