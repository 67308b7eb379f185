"""A small HTTP client for CLI commands that talk to a running server."""

from __future__ import annotations

import os
from typing import Any

import httpx
import typer
from rich.console import Console

from stoat_ferret.cli import exit_codes

DEFAULT_URL = "http://127.0.0.1:8765"

err_console = Console(stderr=True)


def request(method: str, url: str, path: str, **kwargs: Any) -> Any:
    """Call the API; on failure print the server's error message and exit with its code."""
    headers: dict[bytes, bytes] = {}
    token = os.environ.get("STOAT_API_TOKEN")
    if token:
        # As UTF-8 bytes: httpx encodes a str header as ASCII and would fail on "ü".
        headers[b"Authorization"] = b"Bearer " + token.encode("utf-8")
    try:
        response = httpx.request(
            method, url.rstrip("/") + path, headers=headers, timeout=30, **kwargs
        )
    except httpx.HTTPError as exc:
        # Not markup: a URL or an error text with "[/x]" in it would crash rich.
        err_console.print(f"cannot reach the server at {url}: {exc}", style="red", markup=False)
        err_console.print("start it with `stoat-ferret serve` or pass --url")
        raise typer.Exit(exit_codes.UNAVAILABLE) from exc
    if response.is_error:
        try:
            detail = response.json()["detail"]
            message = f"{detail['code']}: {detail['message']}"
        except (ValueError, KeyError, TypeError):
            message = response.text or response.reason_phrase
        # The server's message names user paths and text verbatim: never markup.
        err_console.print(
            f"error {response.status_code} {message}", style="red", markup=False, soft_wrap=True
        )
        raise typer.Exit(exit_codes.for_http_status(response.status_code))
    return response.json()
