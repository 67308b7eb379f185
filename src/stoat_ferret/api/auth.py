"""The API token: who may call ``/api`` and ``/ws``, decided from the headers alone.

FastAPI reads a request's body before it runs the route's dependencies, so a token
check done only as a dependency lets anyone make the server read (and hold) a body.
``TokenAuthMiddleware`` runs in front of routing instead: it sees the headers and the
query string, and refuses a request without the token before one byte of its body
is read. ``require_token`` (in ``deps.py``) applies the same rule again at the route,
so a route is never open because the two disagreed on a path.

Tokens are compared as bytes in constant time: ``secrets.compare_digest`` raises on a
``str`` that is not ASCII, which turned a wrong token into a 500.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import parse_qsl

from pydantic import SecretStr
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from stoat_ferret.api.asgi import announces_body, route_path
from stoat_ferret.api.errors import error_body

#: Paths (and everything below them) that need the token when one is configured.
PROTECTED_PREFIXES = ("/api", "/ws")

#: What a refused request is told; the same for a missing and a wrong token.
UNAUTHORIZED_DETAIL: dict[str, Any] = error_body("UNAUTHORIZED", "missing or wrong bearer token")[
    "detail"
]
CHALLENGE_HEADERS = {"WWW-Authenticate": "Bearer"}

#: Close code and reason of a refused WebSocket (the handshake shows it as HTTP 403).
WS_UNAUTHORIZED = 4401
WS_UNAUTHORIZED_REASON = "missing or wrong token"


def is_protected(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in PROTECTED_PREFIXES)


def presented_token(scope: Scope) -> bytes | None:
    """The token a request presents: ``Authorization: Bearer``, else ``?token=``.

    The header is used as raw bytes (whatever its encoding), the query value as the
    UTF-8 bytes it percent-decodes to; a non-Bearer ``Authorization`` header (Basic,
    say) does not hide a ``?token=``.
    """
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, credentials = bytes(value).partition(b" ")
            if scheme.lower() == b"bearer" and credentials.strip():
                return credentials.strip()
            break
    query = bytes(scope.get("query_string", b"")).decode("latin-1")
    for key, found in parse_qsl(query, keep_blank_values=True):
        if key == "token":
            return found.encode("utf-8")
    return None


def token_matches(expected: SecretStr | None, presented: bytes | None) -> bool:
    """True when no token is configured, or ``presented`` is exactly it (constant time)."""
    if expected is None:
        return True
    wanted = expected.get_secret_value().encode("utf-8")
    return presented is not None and secrets.compare_digest(presented, wanted)


class TokenAuthMiddleware:
    """Refuse ``/api`` and ``/ws`` without the token, before routing and before the body.

    Pure ASGI (no ``BaseHTTPMiddleware``): nothing is buffered and a refused request's
    body is never pulled from the socket. When a body was announced, the 401 also
    closes the connection, so the server does not go on reading what nobody may send.
    """

    def __init__(self, app: ASGIApp, token: SecretStr | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.token is None
            or scope["type"] not in ("http", "websocket")
            or not is_protected(route_path(scope))
            or token_matches(self.token, presented_token(scope))
        ):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            # Closing before accepting refuses the handshake itself.
            close = {"type": "websocket.close", "code": WS_UNAUTHORIZED}
            await send({**close, "reason": WS_UNAUTHORIZED_REASON})
            return
        headers = dict(CHALLENGE_HEADERS)
        if announces_body(scope):
            headers["Connection"] = "close"
        response = JSONResponse({"detail": UNAUTHORIZED_DETAIL}, status_code=401, headers=headers)
        await response(scope, receive, send)
