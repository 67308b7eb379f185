"""``WalCheckpointer``: SQLite's WAL checkpoints on a thread of their own, off every commit.

By default SQLite checkpoints inside the commit that takes the WAL past 1,000 pages:
that commit copies the WAL back into the database file and syncs both before it
returns. An edit of a 500-clip project writes a new version of about 45 pages, so
every twenty-second edit paid a 15-35 ms checkpoint, and while a reader still held
an older snapshot the checkpoint could not finish, so the following commits each
tried again: 11 % of 300 trims were slowed that way, which made the edit latency's
p95 (docs/performance.md, the editing section). Scans and the job store paid the same
tax at their own pace.

So this thread runs a ``PASSIVE`` checkpoint every ``INTERVAL_S`` on its own
connection: it copies what no reader still needs and never waits for, or blocks, a
reader or a writer; a commit only appends to the WAL, and once everything is copied
back, the next writer starts the WAL over from the beginning. Every connection the
``Database`` opens checkpoints on commit only past ``AUTOCHECKPOINT_PAGES``
(``engine._set_sqlite_pragmas``): a backstop for a stream of writes that never
pauses, where the thread's copy always ends a few commits behind the WAL's end and
the WAL would never start over; by then the thread has copied nearly all of it, so
that commit's checkpoint is short. The thread runs from ``Database.migrate`` to
``dispose``, in every process that writes (server, worker, CLI scan). When the last
connection closes, SQLite checkpoints as always.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import structlog

__all__ = ["AUTOCHECKPOINT_PAGES", "INTERVAL_S", "WalCheckpointer"]

AUTOCHECKPOINT_PAGES = 10_000
"""WAL pages (4 KiB) past which a commit checkpoints itself: about 40 MB (SQLite: 1,000)."""

INTERVAL_S = 0.25
"""Seconds between checkpoints: a burst of edits grows the WAL by a few MB at most."""

log = structlog.get_logger(__name__)


class WalCheckpointer:
    """A daemon thread that keeps one SQLite file's WAL short, never on a commit's time."""

    def __init__(self, path: Path, interval_s: float = INTERVAL_S) -> None:
        self._path = path
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread (idempotent). Blocking-free: the thread opens its own connection."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpointer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the thread and wait for it (a checkpoint in progress finishes first).

        Blocking: call it from a worker thread when on the event loop.
        """
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        thread.join()

    def _run(self) -> None:
        connection: sqlite3.Connection | None = None
        try:
            # timeout 0: a checkpoint never waits for a lock; the next tick tries again.
            connection = sqlite3.connect(self._path, timeout=0, isolation_level=None)
            while not self._stop.wait(self._interval_s):
                self._checkpoint(connection)
        except (
            sqlite3.Error
        ) as error:  # unopenable file: the last connection's close still checkpoints
            log.warning("db.checkpointer_stopped", error=str(error))
        finally:
            if connection is not None:
                connection.close()

    def _checkpoint(self, connection: sqlite3.Connection) -> None:
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as error:  # busy or a full disk: the WAL keeps the data meanwhile
            log.debug("db.checkpoint_skipped", error=str(error))
