"""Serve the built GUI (``gui/dist``) at ``/gui/``, with a fallback for client routes.

The GUI is a single-page app: ``/gui/jobs`` is a route of the app, not a file, so any
path without a file extension answers ``index.html`` and the router in the browser
takes over. Files under ``assets/`` have content hashes in their names and are cached
for a year; ``index.html`` is revalidated every time so a rebuild shows up at once.
"""

from __future__ import annotations

import asyncio
import html
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

import stoat_ferret
from stoat_ferret.errors import capped

BUILD_COMMAND = "npm --prefix gui ci && npm --prefix gui run build"
INDEX_CACHE_CONTROL = "no-cache"
ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable"


def default_gui_dir() -> Path:
    """``<repo>/gui/dist``: where ``npm --prefix gui run build`` writes the GUI."""
    return Path(stoat_ferret.__file__).resolve().parents[2] / "gui" / "dist"


@dataclass(frozen=True)
class _Found:
    path: Path
    stat: os.stat_result


def _find_file(root: Path, relative: str) -> _Found | None:
    """The regular file at ``root/relative``, or None; never a file outside ``root``."""
    try:
        base = root.resolve()
        candidate = (base / relative).resolve()
        if not candidate.is_relative_to(base):
            return None
        stat = candidate.stat()
    except (OSError, ValueError):
        # ValueError: a NUL byte in the path; OSError: missing, unreadable, too long.
        return None
    if not candidate.is_file():
        return None
    return _Found(candidate, stat)


def _not_built_page(gui_dir: Path) -> HTMLResponse:
    where = html.escape(str(gui_dir / "index.html"))
    body = f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>stoat-ferret: GUI not built</title></head>
<body>
<h1>The GUI is not built</h1>
<p>The server found no <code>{where}</code>. Build it from the repository root with</p>
<pre>{html.escape(BUILD_COMMAND)}</pre>
<p>or start the server with <code>./scripts/serve</code>, which builds it first.</p>
<p>The API works without the GUI: see <a href="/docs">/docs</a>.</p>
</body>
</html>
"""
    return HTMLResponse(body, status_code=503, headers={"Cache-Control": "no-store"})


def _file_response(request: Request, found: _Found, cache_control: str) -> Response:
    response = FileResponse(
        found.path, stat_result=found.stat, headers={"Cache-Control": cache_control}
    )
    # FileResponse sets an ETag but never answers 304 itself; index.html is revalidated
    # on every page load, so answer "unchanged" without resending it.
    etag = response.headers["etag"]
    presented = request.headers.get("if-none-match", "").split(",")
    if any(tag.strip().removeprefix("W/") in (etag, "*") for tag in presented):
        return Response(status_code=304, headers={"ETag": etag, "Cache-Control": cache_control})
    return response


def build_gui_router(gui_dir: Path) -> APIRouter:
    """Routes for ``/gui`` and everything under it (kept out of the OpenAPI schema)."""
    router = APIRouter(include_in_schema=False)

    @router.api_route("/gui", methods=["GET", "HEAD"])
    async def gui_without_slash(request: Request) -> RedirectResponse:
        query = request.url.query
        return RedirectResponse("/gui/" + (f"?{query}" if query else ""))

    @router.api_route("/gui/{file_path:path}", methods=["GET", "HEAD"])
    async def gui_file(request: Request, file_path: str) -> Response:
        # resolve() and stat() touch the disk: keep them off the event loop.
        found = await asyncio.to_thread(_find_file, gui_dir, file_path) if file_path else None
        if found is not None:
            # Only Vite's output under assets/ carries a content hash in its name.
            hashed = PurePosixPath(file_path).parts[:1] == ("assets",)
            return _file_response(
                request, found, ASSET_CACHE_CONTROL if hashed else INDEX_CACHE_CONTROL
            )
        if PurePosixPath(file_path).suffix:
            raise StarletteHTTPException(404, f"no file {capped(file_path)} in the GUI build")
        index = await asyncio.to_thread(_find_file, gui_dir, "index.html")
        if index is None:
            return _not_built_page(gui_dir)
        return _file_response(request, index, INDEX_CACHE_CONTROL)

    return router


def mount_gui(app: FastAPI, gui_dir: Path) -> None:
    """Serve the GUI build in ``gui_dir`` at ``/gui/``; a 503 page explains a missing build."""
    app.include_router(build_gui_router(gui_dir))
