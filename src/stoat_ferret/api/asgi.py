"""Small readings of an ASGI scope shared by the pure-ASGI middlewares."""

from __future__ import annotations

from starlette.types import Scope


def route_path(scope: Scope) -> str:
    """The path the router matches: ``path`` without the ``root_path`` it starts with.

    Behind a proxy (``--root-path /stoat``) the ASGI ``path`` carries the prefix while
    the routes do not; a check of the raw path would leave ``/stoat/api/...`` open.
    """
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    if root and path.startswith(root) and path[len(root) :].startswith("/"):
        return path[len(root) :]
    return path


def declared_length(scope: Scope) -> int | None:
    """The request's ``Content-Length``, or None (absent: chunked or no body)."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None  # the HTTP server refuses a malformed one first
    return None


def announces_body(scope: Scope) -> bool:
    """True when the request says a body follows (``Content-Length`` > 0 or chunked)."""
    chunked = any(name == b"transfer-encoding" for name, _ in scope.get("headers", ()))
    return chunked or bool(declared_length(scope))
