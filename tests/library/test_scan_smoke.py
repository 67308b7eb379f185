"""A first end-to-end scan through the API on real media."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.library.conftest import scan_and_wait


async def test_scan_small_corpus(library_client: httpx.AsyncClient, small_corpus: Path) -> None:
    job = await scan_and_wait(library_client, small_corpus)
    assert job["status"] == "complete", job
    result = job["result"]
    assert isinstance(result, dict)
    assert result["new"] == 8
    assert result["scanned"] == 13
    assert len(result["errors"]) == 5
    page = (await library_client.get("/api/v1/videos", params={"limit": 100})).json()
    assert page["total"] == 8
