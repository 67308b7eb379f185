"""The request guards in front of routing, installed in the order they must run.

From the outside in: security headers (so every answer carries them, the guards'
own refusals included), CORS (a browser's preflight carries no token and must be
answered before the token check), the token check, then the body limit. Each is a
pure ASGI middleware, so nothing is buffered and a refused body is never read.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse, Response

from stoat_ferret.api.auth import TokenAuthMiddleware
from stoat_ferret.api.body_limit import BodyLimitMiddleware
from stoat_ferret.api.errors import error_body
from stoat_ferret.api.headers import SecurityHeadersMiddleware
from stoat_ferret.settings import Settings

CORS_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
CORS_HEADERS = ("Authorization", "Content-Type")


class ShapedCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, with a refused preflight in the API's error shape, not plain text."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        reason = bytes(response.body).decode()  # "Disallowed CORS origin, method"
        kept = {
            name: value
            for name, value in response.headers.items()
            if name not in ("content-length", "content-type")
        }
        body = error_body("CORS_REJECTED", f"{reason}; allowed origins are STOAT_CORS_ORIGINS")
        return JSONResponse(body, status_code=400, headers=kept)


def install_guards(app: FastAPI, settings: Settings) -> None:
    """Add the guards to ``app``; ``add_middleware`` wraps, so the innermost comes first."""
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(TokenAuthMiddleware, token=settings.api_token)
    if settings.cors_origins:
        # No credentials: the token travels in a header the page sets, never a cookie.
        app.add_middleware(
            ShapedCORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=CORS_METHODS,
            allow_headers=CORS_HEADERS,
        )
    app.add_middleware(SecurityHeadersMiddleware)
