"""``STOAT_MAX_BODY_BYTES``: no request body larger than the limit is read.

A declared ``Content-Length`` over the limit is refused before the app runs; a body
without one (chunked) is counted as it streams in and refused the moment it passes
the limit, so the server never holds more than the limit plus one chunk. Both answer
413 ``PAYLOAD_TOO_LARGE`` in the API's error shape and close the connection, so the
rest of an oversized upload is not read either.

Not FastAPI's ``max_body_size``: it lets a route that ignores its body run before it
answers 413 for a large ``Content-Length`` (a DELETE would delete), and its 413 is
plain text rather than the error shape.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stoat_ferret.api.asgi import declared_length
from stoat_ferret.api.errors import error_body


def _message(limit_bytes: int) -> str:
    return (
        f"the request body is larger than the limit of {limit_bytes} bytes (STOAT_MAX_BODY_BYTES)"
    )


class BodyTooLargeError(StarletteHTTPException):
    """Raised from ``receive`` once a streamed body passes the limit.

    An ``HTTPException`` on purpose: FastAPI re-raises those from its body parsing
    (anything else becomes a 400), so the app's handler turns it into the 413.
    """

    def __init__(self, limit_bytes: int) -> None:
        detail = error_body("PAYLOAD_TOO_LARGE", _message(limit_bytes))["detail"]
        super().__init__(413, detail=detail, headers={"Connection": "close"})


class BodyLimitMiddleware:
    """Pure ASGI, so the count sees every chunk before anything buffers it."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_body_bytes
        declared = declared_length(scope)
        if declared is not None and declared > limit:
            error = BodyTooLargeError(limit)
            refusal = JSONResponse({"detail": error.detail}, status_code=413, headers=error.headers)
            await refusal(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError(limit)
            return message

        # The error raised from counting_receive reaches the app's exception handler
        # (the next layer in), which answers the 413 in the error shape.
        await self.app(scope, counting_receive, send)
