"""The walk in a worker thread, handed to the event loop in growing chunks.

The first file goes over at once (so probing starts while the walk goes on), then
chunks double up to ``walk_chunk_max`` files, and a chunk is handed over at least
every 50 ms.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Protocol

from stoat_ferret.library.scan.discovery import FoundFile, WalkError, walk_videos


class FileSource(Protocol):
    """Where a scan's files come from: a walk (``Walker``) or a list (``ListedFiles``)."""

    def chunks(self) -> AsyncIterator[list[FoundFile | WalkError]]: ...

    def stop(self) -> None: ...


class ListedFiles:
    """The files a ``scan.batch`` child was given, as one chunk (no walk)."""

    def __init__(self, files: list[FoundFile]) -> None:
        self._files: list[FoundFile | WalkError] = list(files)

    async def chunks(self) -> AsyncIterator[list[FoundFile | WalkError]]:
        if self._files:
            yield self._files

    def stop(self) -> None:
        """Nothing runs in the background."""


class Walker:
    """Walks a folder in a worker thread and hands the results to the loop in chunks."""

    def __init__(
        self, root: str, recursive: bool, chunk_max: int, allowed_roots: tuple[Path, ...]
    ) -> None:
        self._loop = asyncio.get_running_loop()
        self._chunks: asyncio.Queue[list[FoundFile | WalkError] | None] = asyncio.Queue()
        self._stop = threading.Event()
        # The walk is blocking file-system work: keep it off the event loop.
        self._task = asyncio.create_task(
            asyncio.to_thread(self._walk, root, recursive, max(1, chunk_max), allowed_roots)
        )

    def _hand_over(self, chunk: list[FoundFile | WalkError] | None) -> None:
        # RuntimeError: the loop has closed (the server is gone); nobody needs the chunk.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._chunks.put_nowait, chunk)

    def _walk(
        self, root: str, recursive: bool, chunk_max: int, allowed_roots: tuple[Path, ...]
    ) -> None:
        chunk: list[FoundFile | WalkError] = []
        size = 1  # the first file goes over at once, then chunks double
        handed = time.monotonic()
        try:
            for item in walk_videos(root, recursive=recursive, allowed_roots=allowed_roots):
                if self._stop.is_set():
                    return
                chunk.append(item)
                if len(chunk) >= size or time.monotonic() - handed >= 0.05:
                    self._hand_over(chunk)
                    chunk, size, handed = [], min(2 * size, chunk_max), time.monotonic()
            if chunk:
                self._hand_over(chunk)
        finally:
            self._hand_over(None)  # the end, also after an error (raised by ``chunks``)

    async def chunks(self) -> AsyncIterator[list[FoundFile | WalkError]]:
        while (chunk := await self._chunks.get()) is not None:
            yield chunk
        await self._task  # re-raises an unexpected error of the walk

    def stop(self) -> None:
        """Ask the walk to end at its next file; it is not waited for (it may be stuck)."""
        self._stop.set()
