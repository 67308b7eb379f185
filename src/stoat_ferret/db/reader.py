"""``ReadPool``: read-only SQLite connections for the hot read paths (list and search).

Why not the async engine: through SQLAlchemy's ORM and aiosqlite a list page cost
about 2 ms of CPU for 20 rows. Every statement is several hops to aiosqlite's thread
and back (execute, fetch, close, the rollback on return to the pool), the ORM builds
an object per row, and under 200 concurrent clients requests queued for the engine's
15 pooled connections together with the scan's writer (docs/performance.md).

Here a request makes one hop: the whole read (usually a single statement) runs in a
worker thread on that thread's own ``sqlite3`` connection, and comes back as plain
tuples. SQLite releases the GIL while it steps, so a slow search runs on the second
core while the event loop serves other requests. WAL (set by the engine's
connections, see ``engine.py``) lets these readers run beside the writer; each read
runs in one transaction, so a page and its total come from the same snapshot.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from stoat_ferret.db.commit_stamp import CommitStamp

T = TypeVar("T")

DEFAULT_READERS = 4
"""Worker threads (one connection each): enough to keep both cores busy with SQLite
while others wait on the GIL; more only adds switching (docs/performance.md)."""

CACHED_READS = 256
"""Results each reader thread keeps for ``read(..., cache=True)``."""


class ReadPool:
    """A fixed set of threads, each with one ``query_only`` connection to ``path``."""

    def __init__(self, path: Path, readers: int = DEFAULT_READERS) -> None:
        self.path = path
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(readers, thread_name_prefix="stoat-read")
        self._peeker: sqlite3.Connection | None = None
        self._stamp: CommitStamp | None = None

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            # Autocommit: ``read`` opens and ends its own transaction explicitly.
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA busy_timeout=10000")
            connection.execute("PRAGMA query_only=ON")
            self._local.connection = connection
            self._local.cache = OrderedDict()
            with self._lock:
                self._connections.append(connection)
        return connection

    def _in_transaction(self, work: Callable[[sqlite3.Connection], T], cache: bool) -> T:
        connection = self._connection()
        connection.execute("BEGIN")
        try:
            if not cache:
                return work(connection)
            return self._cached(connection, work)
        finally:
            connection.execute("COMMIT")

    def _cached(self, connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
        # data_version changes whenever another connection (of this process or any
        # other, e.g. a CLI scan) has committed since this connection last looked,
        # and it is read inside the transaction the work would run in: a hit is
        # exactly what the work would return now.
        version = connection.execute("PRAGMA data_version").fetchone()[0]
        results: OrderedDict[Hashable, tuple[int, Any]] = self._local.cache
        hit = results.get(work)
        if hit is not None and hit[0] == version:
            results.move_to_end(work)
            value: T = hit[1]
            return value
        value = work(connection)
        results[work] = (version, value)
        if len(results) > CACHED_READS:
            results.popitem(last=False)
        return value

    async def read(self, work: Callable[[sqlite3.Connection], T], *, cache: bool = False) -> T:
        """Run ``work(connection)`` in a reader thread, in one read transaction.

        With ``cache``, ``work`` must be hashable (equal works read the same thing):
        its result is kept and handed back until any write is committed to the
        database, so the same page asked again by many clients is read once.
        """
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._in_transaction, work, cache)

    def _open_peeker(self) -> sqlite3.Connection:
        # timeout=0: no busy wait at all; a busy database makes ``peek`` answer None.
        connection = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=0
        )
        connection.execute("PRAGMA query_only=ON")
        # Mapped while this connection is open, so the shared index cannot go away.
        stamp = CommitStamp.open(connection, self.path)
        with self._lock:
            self._connections.append(connection)
            if self._stamp is None:
                self._stamp, stamp = stamp, None
        if stamp is not None:  # two first peeks at once: one stamp is enough
            stamp.close()
        return connection

    def commit_stamp(self) -> bytes | None:
        """Bytes that change whenever anything is committed to the database, from any process.

        Read from SQLite's shared WAL index in memory (``commit_stamp.py``): no SQLite
        call, no lock, so the event loop can ask on every request. Equal stamps mean
        nothing was committed in between. None until ``peek`` has run once, when the
        database is not in WAL mode, or while a commit is rewriting the index.
        """
        stamp = self._stamp
        return None if stamp is None else stamp.read()

    async def peek(self, sql: str) -> Any | None:
        """The first value ``sql`` reads, read on the event loop's own thread; None if busy.

        For a question far smaller than a trip to a reader thread (which costs more CPU
        than a cached page's whole answer): one value from a one-page table, such as
        the library's change counter (``api/page_cache.py``). SQLite answers it from
        its shared memory and at most that one page from the OS's cache, about 5 µs;
        it never waits (no busy timeout: a busy or failing read is None, and the caller
        takes its ordinary path). ``fetchall`` runs the statement to its end, so no read
        transaction stays open to hold back checkpoints.
        """
        if self._peeker is None:
            opened = await asyncio.to_thread(self._open_peeker)
            if self._peeker is None:
                self._peeker = opened
        try:
            rows = self._peeker.execute(sql).fetchall()
        except sqlite3.Error:
            return None
        return rows[0][0] if rows else None

    def _close_all(self) -> None:
        self._executor.shutdown(wait=True)
        if self._stamp is not None:
            self._stamp.close()
        with self._lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()

    async def close(self) -> None:
        """Wait for the reads in flight, then close every connection (off the loop)."""
        await asyncio.to_thread(self._close_all)
