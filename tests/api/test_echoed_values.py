"""Error messages name the offending value, but never repeat more than ~200 characters."""

from __future__ import annotations

import httpx
import pytest

from stoat_ferret.errors import ECHO_LIMIT, capped

LONG = "/" + "a" * 100_000


def test_capped_keeps_short_values_and_cuts_long_ones() -> None:
    assert capped("/srv/videos") == "'/srv/videos'"
    cut = capped("x" * 5000)
    assert cut == repr("x" * ECHO_LIMIT) + "… (5000 characters)"
    assert capped("é" * ECHO_LIMIT) == repr("é" * ECHO_LIMIT)


@pytest.mark.parametrize(
    ("method", "path", "body", "code"),
    [
        ("POST", "/api/v1/videos/scan", {"path": LONG}, "INVALID_PATH"),
        ("POST", "/api/v1/videos/scan", {"path": "relative" + LONG}, "INVALID_PATH"),
        ("GET", "/api/v1/jobs/" + "j" * 20_000, None, "NOT_FOUND"),
        ("GET", "/api/v1/videos/" + "v" * 20_000, None, "NOT_FOUND"),
        ("GET", "/api/v1/" + "n" * 20_000, None, "NOT_FOUND"),
        ("GET", "/gui/" + "g" * 20_000 + ".js", None, "NOT_FOUND"),
    ],
)
async def test_a_huge_value_is_named_but_not_echoed_whole(
    client: httpx.AsyncClient, method: str, path: str, body: object, code: str
) -> None:
    response = await client.request(method, path, json=body)
    detail = response.json()["detail"]
    assert detail["code"] == code
    assert "characters)" in detail["message"]  # says how long the value was
    assert len(detail["message"]) < ECHO_LIMIT + 200
