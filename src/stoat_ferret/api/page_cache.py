"""The list and search pages answered from memory until the library changes.

Most of what a page request cost was not the page (already cached, encoded, per
reader thread: ``library/pages.py``) but the way there: FastAPI matching the route,
validating six query parameters and resolving the dependencies, then a hop to a
reader thread and back (0.73 ms of CPU against 0.29 ms for ``/health/live``,
docs/performance.md). ``PageCacheMiddleware`` sits just inside the guards (token,
body limit) and in front of the router: a ``GET`` of ``/api/v1/videos`` or
``/api/v1/videos/search`` whose raw query string the route has answered with a 200
since the library last changed gets those very bytes again (status, headers, body),
without routing, validation or a thread hop.

Why this gives the same answers:

- The key is the path and the query string exactly as sent. The route's answer
  depends on nothing else (auth is decided outside, from the headers, before this
  runs; the body of a ``GET`` is never read), so the same key validates the same way
  and reads the same page. Only a 200 is kept: a bad parameter goes to the route
  every time and gets its 422 from there.
- The version is the library's change counter (``LibraryPages.version``: triggers
  on ``videos`` in every writing transaction, whichever process commits it), read
  *before* the route runs. A page stored under version ``v`` was read at or after
  that moment, so while the counter still reads ``v`` nothing it shows has changed.
  When the counter cannot be read (no counter on PostgreSQL, a busy database) the
  request simply goes to the route. On SQLite the counter itself is read only when
  something was committed since its last read (``VideoPages.version``, the WAL
  index's header compared in memory, ``db/commit_stamp.py``): a SQLite call per
  request on the loop was its worst stall under 200 clients during a scan.
- Equal requests arriving while the first is still being answered wait for it
  instead of each doing the work (after a change, 200 clients would otherwise all
  miss at once); if it fails, each goes to the route itself. A request that reads a
  newer version than the one being answered does not wait: it reads the page again.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stoat_ferret.api.asgi import announces_body, route_path
from stoat_ferret.library.domain import LibraryDomain
from stoat_ferret.library.pages import LibraryPages

#: The routes whose 200 answers are kept (``api/routers/videos.py``).
CACHED_PATHS = frozenset({"/api/v1/videos", "/api/v1/videos/search"})

#: Answers kept at most (least recently used dropped first); a page is a few tens of kB.
CACHED_ANSWERS = 256

Key = tuple[str, bytes]


@dataclass(frozen=True)
class Answer:
    """A 200 as the route sent it: status line headers, the body, and the matched route."""

    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    route: Any

    async def send(self, scope: Scope, send: Send) -> None:
        # The route as routing would have set it: the metrics label the request by it.
        scope["route"] = self.route
        # A fresh list: outer middlewares add their headers to the message in place.
        await send({"type": "http.response.start", "status": 200, "headers": list(self.headers)})
        await send({"type": "http.response.body", "body": self.body})


@dataclass
class _Entry:
    version: int
    answer: Answer | None = None
    #: True while the first request for this key and version is being answered.
    pending: bool = False
    #: One future per request waiting for that answer. Its own, not a shared one
    #: behind ``asyncio.shield``: a waiter that goes away cancels only its future,
    #: and the answer wakes each waiter in the next turn of the loop (a shield
    #: takes two, which under 200 clients is tens of ms, docs/performance.md).
    waiters: list[asyncio.Future[Answer | None]] = field(default_factory=list)

    def wait(self) -> asyncio.Future[Answer | None]:
        waiter: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self.waiters.append(waiter)
        return waiter


@dataclass
class PageCache:
    """The answers kept, and how often they were used (read by tests and benchmarks)."""

    capacity: int = CACHED_ANSWERS
    hits: int = 0
    misses: int = 0
    _entries: OrderedDict[Key, _Entry] = field(default_factory=OrderedDict)

    def entry(self, key: Key, version: int) -> _Entry | None:
        found = self._entries.get(key)
        if found is None or found.version != version:
            return None
        self._entries.move_to_end(key)
        return found

    def begin(self, key: Key, version: int) -> _Entry:
        """Mark ``key`` as being answered at ``version``; later equal requests wait for it."""
        made = _Entry(version, pending=True)
        self._entries[key] = made
        self._entries.move_to_end(key)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)
        return made

    def end(self, key: Key, made: _Entry, answer: Answer | None) -> None:
        """Keep ``answer`` (or forget the key when there is none) and wake the waiters."""
        made.pending = False
        made.answer = answer
        for waiter in made.waiters:
            if not waiter.done():
                waiter.set_result(answer)
        made.waiters.clear()
        if answer is None and self._entries.get(key) is made:
            del self._entries[key]


def _pages(scope: Scope) -> LibraryPages | None:
    """The library's pages, or None before the lifespan or in an app without the library."""
    services = getattr(scope["app"].state, "services", None)
    if services is None:
        return None
    try:
        pages: LibraryPages = services.domains.get(LibraryDomain).pages
    except LookupError:
        return None
    return pages


class PageCacheMiddleware:
    """Pure ASGI, innermost of the middlewares: see the module docstring."""

    def __init__(self, app: ASGIApp, cache: PageCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or route_path(scope) not in CACHED_PATHS
            or announces_body(scope)
        ):
            await self.app(scope, receive, send)
            return
        pages = _pages(scope)
        version = None if pages is None else await pages.version()
        if version is None:
            await self.app(scope, receive, send)
            return
        key: Key = (route_path(scope), bytes(scope.get("query_string", b"")))
        found = self.cache.entry(key, version)
        if found is not None:
            answer = found.answer
            if answer is None and found.pending:
                answer = await found.wait()
            if answer is not None:
                self.cache.hits += 1
                await answer.send(scope, send)
                return
        await self._answer_and_keep(key, version, scope, receive, send)

    async def _answer_and_keep(
        self, key: Key, version: int, scope: Scope, receive: Receive, send: Send
    ) -> None:
        self.cache.misses += 1
        made = self.cache.begin(key, version)
        start: Message | None = None
        bodies: list[Message] = []

        async def keeping_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                # Copied before the outer middlewares add their headers to it.
                start = {**message, "headers": tuple(message.get("headers", ()))}
            elif message["type"] == "http.response.body":
                bodies.append(message)
            await send(message)

        answer: Answer | None = None
        try:
            await self.app(scope, receive, keeping_send)
            if (
                start is not None
                and start["status"] == 200
                and len(bodies) == 1
                and not bodies[0].get("more_body", False)
            ):
                answer = Answer(
                    start["headers"], bytes(bodies[0].get("body", b"")), scope.get("route")
                )
        finally:
            self.cache.end(key, made, answer)
