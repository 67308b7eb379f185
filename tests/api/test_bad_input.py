"""Bad query values are a 422 in the error shape naming the parameter, never a 500."""

from __future__ import annotations

import httpx
import pytest

from stoat_ferret.api.error_models import error_model
from stoat_ferret.api.routers.videos import MAX_OFFSET

ABOVE_SQLITE = str(2**63)
"""One past SQLite's largest integer: binding it raised OverflowError (a 500)."""


def assert_rejected(response: httpx.Response, parameter: str) -> None:
    assert response.status_code == 422, response.text
    body = error_model("VALIDATION_ERROR").model_validate(response.json())
    assert body.detail.code == "VALIDATION_ERROR"
    assert body.detail.message.startswith(f"query.{parameter}: ")
    assert [error["loc"] for error in body.detail.errors] == [["query", parameter]]


@pytest.mark.parametrize(
    ("path", "params"),
    [("/api/v1/videos", {}), ("/api/v1/videos/search", {"q": "clip"})],
)
@pytest.mark.parametrize("offset", [ABOVE_SQLITE, str(MAX_OFFSET + 1), "9" * 40])
async def test_offset_above_the_bound_is_a_422(
    client: httpx.AsyncClient, path: str, params: dict[str, str], offset: str
) -> None:
    assert_rejected(await client.get(path, params={**params, "offset": offset}), "offset")


@pytest.mark.parametrize(
    ("path", "params"),
    [("/api/v1/videos", {}), ("/api/v1/videos/search", {"q": "clip"})],
)
async def test_the_largest_offset_is_an_empty_page(
    client: httpx.AsyncClient, path: str, params: dict[str, str]
) -> None:
    response = await client.get(path, params={**params, "offset": MAX_OFFSET})
    assert response.status_code == 200, response.text
    assert response.json()["videos"] == []
    assert response.json()["offset"] == MAX_OFFSET


@pytest.mark.parametrize(
    "q",
    [
        "abc\x00def",  # a NUL in a word long enough for the full-text index: was a 500
        "ab\x00",
        "\x00",
        "clip\x01",
        "tab\tseparated",
        "trailing newline\n",
        "del\x7f",
        "a\u0085b",  # C1 controls too
        " ",
        "\u00a0\u3000",  # Unicode spaces only: no word either
    ],
)
async def test_search_without_a_word_or_with_a_control_character_is_a_422(
    client: httpx.AsyncClient, q: str
) -> None:
    response = await client.get("/api/v1/videos/search", params={"q": q})
    assert_rejected(response, "q")
    assert "control characters" in response.json()["detail"]["message"]


@pytest.mark.parametrize("q", ["clip", "é", "ü mp4", "\u00a0clip", "%_\\", '"quoted"'])
async def test_search_accepts_any_printable_words(client: httpx.AsyncClient, q: str) -> None:
    response = await client.get("/api/v1/videos/search", params={"q": q})
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 0
