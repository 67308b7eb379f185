"""Security headers on every answer, and a Content-Security-Policy for the GUI.

- ``X-Content-Type-Options: nosniff``: a browser never runs a JSON answer or an
  uploaded-looking file as script or HTML because it "looks like" one.
- ``Referrer-Policy: no-referrer``: the GUI puts the token in ``?token=`` for
  thumbnails; no URL of ours is ever sent to another site as a referrer. Nothing in
  the product needs the header, so the strictest value costs nothing.
- ``X-Frame-Options: DENY`` (and ``frame-ancestors 'none'`` in the GUI's policy): no
  other page can frame the GUI to trick a click on "Delete".
- The GUI's policy allows only what its Vite build loads: scripts, styles, images,
  media and fetch/WebSocket from this origin, plus ``data:`` images (the favicon).
  ``/docs`` (Swagger UI from a CDN, with inline script) gets no policy.

Headers a route sets itself are left as they are.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stoat_ferret.api.asgi import route_path

#: On every HTTP answer, errors included (the 500 handler adds them too).
SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

GUI_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Pure ASGI: adds the headers to the response start, never buffers a body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = dict(SECURITY_HEADERS)
        path = route_path(scope)
        if path == "/gui" or path.startswith("/gui/"):
            extra["Content-Security-Policy"] = GUI_CONTENT_SECURITY_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
