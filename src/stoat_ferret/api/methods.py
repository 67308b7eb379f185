"""Which methods a path allows, and ``HEAD`` on every ``GET`` route.

Starlette answers a method a route does not have with 405 and an ``Allow`` header
naming only the methods of the *first* route whose path matched, so
``OPTIONS /api/v1/videos/{id}`` advertised ``GET`` and hid ``DELETE``. The error
handler asks ``allowed_methods`` instead, which looks at every route.

FastAPI's routes answer only the methods they declare, so ``HEAD`` on a ``GET``
route was a 405, although HTTP (RFC 9110 §9.3.2) asks for ``HEAD`` wherever ``GET``
works. ``HeadAsGetMiddleware`` runs such a request as the ``GET`` it stands for and
sends its status and headers without the body. It stays out of the OpenAPI schema,
which lists ``HEAD`` nowhere, as is usual (clients treat it as implied by ``GET``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["HeadAsGetMiddleware", "allowed_methods", "declared_methods"]

#: The methods a route here may declare; others (TRACE, CONNECT) are always 405.
ROUTABLE_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


def declared_methods(
    routes: Iterable[BaseRoute], scope: Scope, methods: Sequence[str] = ROUTABLE_METHODS
) -> set[str]:
    """Which of ``methods`` some route answers on the path of ``scope``.

    Asks each route whether it would fully match the path with that method, the
    same question Starlette's router asks; routes nested by ``include_router``
    answer for their own routes, so nothing here depends on how they are stored.
    """
    routes = list(routes)
    found: set[str] = set()
    for method in methods:
        # A fresh scope per question: matching may write into the scope it is given.
        probe = {
            "type": "http",
            "method": method,
            "path": scope["path"],
            "root_path": scope.get("root_path", ""),
        }
        if any(route.matches(dict(probe))[0] is Match.FULL for route in routes):
            found.add(method)
    return found


def allowed_methods(routes: Iterable[BaseRoute], scope: Scope) -> list[str]:
    """Every method the path of ``scope`` answers, ``HEAD`` wherever ``GET`` is, sorted.

    Empty when no route has this path (the answer is then 404, not 405).
    """
    methods = declared_methods(routes, scope)
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


class HeadAsGetMiddleware:
    """Serve ``HEAD`` on a path whose routes declare ``GET`` but not ``HEAD``.

    Routes that handle ``HEAD`` themselves (the GUI's, FastAPI's ``/docs``) keep it.
    The headers are those of the ``GET``, ``Content-Length`` included, as RFC 9110
    asks; the body is dropped here, so no transport has to know.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        methods = declared_methods(scope["app"].routes, scope, ("GET", "HEAD"))
        if "HEAD" in methods or "GET" not in methods:
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # A copy: the server keeps its own scope saying HEAD, which is how uvicorn
        # knows not to send a body either.
        await self.app({**scope, "method": "GET"}, receive, send_without_body)
