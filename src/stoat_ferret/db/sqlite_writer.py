"""``SqliteWriter``: one thread, one ``sqlite3`` connection, a whole batch per call.

Why not the async engine for the hot writes (a job's submit, ``running`` and end, and
the event log): through SQLAlchemy and ``aiosqlite`` every DBAPI call is a hop to the
connection's thread and back (cursor, execute, fetch, close, then ``BEGIN`` and
``COMMIT`` of the transaction), and the statement is rebuilt each time. Even with
group commit that was most of the 3 ms of CPU a no-op job cost (docs/performance.md).

Here the writes queued on the event loop while the previous batch ran (and those
still joining, a few loop iterations at most: ``SETTLE_ITERATIONS``) are handed to
the writer thread in one piece; it runs them all in one ``BEGIN IMMEDIATE`` ...
``COMMIT`` on its own connection (neighbouring plain inserts of one statement as one
``executemany``) and answers the whole batch with one ``call_soon_threadsafe``. Each
caller's future is resolved only after that commit, so a call that has returned is on
disk, as before. The statements are SQLAlchemy Core statements compiled once for this
dialect (:class:`Prepared`): the same SQL and the same stored form of every value
(dates, JSON, booleans) as the engine writes and reads back.

What a write means is that of ``jobs/group_commit.py``: a write whose condition refused
it raises :class:`Refused`, its caller gets the error and the rest commits; if the
transaction itself fails (a unique ``seq`` taken, a full disk), it is rolled back and
each write is retried alone, so one bad write fails only its own caller.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any, cast

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

__all__ = ["MAX_BATCH", "Prepared", "Refused", "SqliteWriter", "Work"]

MAX_BATCH = 256
"""At most this many writes share one transaction (bounds its length and its memory)."""

SETTLE_ITERATIONS = 8
"""Loop iterations a batch may wait while writes keep joining it (no clock involved).

Each transaction costs the same whatever its size (the hop to the thread and back, the
commit's WAL frames), so fuller batches mean less CPU per job: on the no-op benchmark
this took the transactions per job from 1.8 to 1.1 (docs/performance.md)."""

Work = Callable[[sqlite3.Connection], Any]
"""A write with an outcome: runs on the writer thread, inside the batch's transaction."""


class Refused(Exception):
    """Raised by a write whose condition refused it: its caller gets ``error``.

    The rest of the batch commits; nothing this write did is left to undo, since a
    refused conditional write changed no row.
    """

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True, slots=True, eq=False)
class Prepared:
    """A Core statement compiled once for a dialect: its SQL and how to bind values.

    ``bind`` applies each parameter's type (``UTCDateTime``, ``JSON`` with the engine's
    serializer, ``Boolean``) exactly as the engine would, so rows written here read
    back through the ORM like any other. Compared by identity: neighbours with the same
    ``Prepared`` are one ``executemany``.
    """

    sql: str
    #: Each parameter's name, in the statement's order, and its type's processor.
    params: tuple[tuple[str, Callable[[Any], Any] | None], ...]

    @classmethod
    def compile(cls, statement: ClauseElement, dialect: Dialect) -> Prepared:
        compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
        names = tuple(compiled.positiontup or ())
        # The dialect's own form of each type (SQLite's DATETIME text, say), as the
        # engine binds it.
        processors = (
            compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in names
        )
        return cls(str(compiled), tuple(zip(names, processors, strict=True)))

    def bind(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        # None goes through its processor too: a JSON column stores it as 'null'.
        return tuple(
            [
                values[name] if process is None else process(values[name])
                for name, process in self.params
            ]
        )


@dataclass(slots=True)
class _Write:
    future: asyncio.Future[Any]
    #: A plain statement and the rows it writes, no outcome (``execute``).
    prepared: Prepared | None = None
    rows: Sequence[Mapping[str, Any]] = ()
    #: A write with an outcome (``run``).
    work: Work | None = None


class SqliteWriter:
    """The writer thread of one SQLite file; it is started by the first write.

    Args:
        path: the database file.
        dialect: the engine's (its JSON serializer, its date format): what
            :meth:`prepare` compiles statements for.
        on_connect: applied to the new connection (the engine's pragmas: WAL,
            ``synchronous``, ``busy_timeout``), so both write the file alike.
    """

    def __init__(
        self,
        path: Path,
        *,
        dialect: Dialect,
        on_connect: Callable[[sqlite3.Connection, Any], None],
        max_batch: int = MAX_BATCH,
    ) -> None:
        self.path = path
        self.dialect = dialect
        self._on_connect = on_connect
        self._max_batch = max_batch
        self._queued: list[_Write] = []
        #: The event loop the queued writes and the batch in flight belong to.
        self._loop: asyncio.AbstractEventLoop | None = None
        self._busy = False
        self._scheduled = False
        self._settle_seen, self._settle_left = 0, SETTLE_ITERATIONS
        self._inbox: queue.SimpleQueue[tuple[asyncio.AbstractEventLoop | None, list[_Write]] | None]
        self._inbox = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        #: Committed transactions so far (tests and benchmarks read it).
        self.transactions = 0

    def prepare(self, statement: ClauseElement) -> Prepared:
        """``statement`` compiled for this database (do it once, not per write)."""
        return Prepared.compile(statement, self.dialect)

    async def execute(self, prepared: Prepared, *rows: Mapping[str, Any]) -> None:
        """Write ``rows`` with a plain statement (an insert); returns once committed."""
        await self._queue(_Write(asyncio.get_running_loop().create_future(), prepared, rows))

    async def run(self, work: Work) -> Any:
        """Run ``work`` in the next batch; its outcome once that batch has committed.

        A caller cancelled while it waits does not take the write out: it still
        commits, as a lone write would.
        """
        return await self._queue(_Write(asyncio.get_running_loop().create_future(), work=work))

    async def close(self) -> None:
        """Stop the thread once it has written what it was given; close its connection."""
        thread, self._thread = self._thread, None
        if thread is not None:
            self._inbox.put(None)
            await asyncio.to_thread(thread.join)

    # -- the event loop's side ------------------------------------------------------

    def _queue(self, write: _Write) -> asyncio.Future[Any]:
        loop = write.future.get_loop()
        if loop is not self._loop:
            # One loop at a time; a new one (the last ``asyncio.run`` is over) starts
            # afresh: whatever the old one left can never be answered there.
            self._loop, self._queued, self._busy, self._scheduled = loop, [], False, False
            self._settle_seen, self._settle_left = 0, SETTLE_ITERATIONS
        self._queued.append(write)
        if not self._busy and not self._scheduled:
            # Soon, not now: writes queued in this loop iteration go together.
            self._scheduled = True
            loop.call_soon(self._dispatch)
        return write.future

    def _dispatch(self) -> None:
        if asyncio.get_running_loop() is not self._loop:
            return  # pragma: no cover - scheduled by a loop that has been replaced
        self._scheduled = False
        if self._busy or not self._queued:
            return
        growing = len(self._queued) > self._settle_seen
        if growing and self._settle_left > 0 and len(self._queued) < self._max_batch:
            # Still growing: the callers the last answer woke are still on their way
            # to their next write (a few steps each). Wait one loop iteration more, not
            # a clock's tick: with nothing else to run, that costs microseconds.
            self._settle_seen = len(self._queued)
            self._settle_left -= 1
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._dispatch)
            return
        self._settle_seen, self._settle_left = 0, SETTLE_ITERATIONS
        batch = self._queued[: self._max_batch]
        del self._queued[: self._max_batch]
        self._busy = True
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._serve, name="stoat-sqlite-writer", daemon=True
            )
            self._thread.start()
        self._inbox.put((self._loop, batch))

    def _answer(self, batch: list[_Write], outcomes: list[Any]) -> None:
        if asyncio.get_running_loop() is not self._loop:
            return  # pragma: no cover - a batch of a loop that has been replaced
        self._busy = False
        for write, outcome in zip(batch, outcomes, strict=True):
            if write.future.done():
                continue  # its caller was cancelled; the write is committed all the same
            if isinstance(outcome, BaseException):
                write.future.set_exception(outcome)
            else:
                write.future.set_result(outcome)
        if self._queued and not self._scheduled:
            # After the callers just answered have run: their next writes join in.
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._dispatch)

    # -- the writer thread ----------------------------------------------------------

    def _serve(self) -> None:
        connection: sqlite3.Connection | None = None
        try:
            while (item := self._inbox.get()) is not None:
                loop, batch = item
                assert loop is not None
                outcomes: list[Any]
                try:
                    if connection is None:
                        connection = self._connect()
                    outcomes = self._commit(connection, batch)
                except Exception as exc:  # the file cannot even be opened
                    outcomes = [_as_engine_error(exc, None)] * len(batch)
                with contextlib.suppress(RuntimeError):  # its loop has closed meanwhile
                    loop.call_soon_threadsafe(self._answer, batch, outcomes)
        finally:
            if connection is not None:
                connection.close()

    def _connect(self) -> sqlite3.Connection:
        # Autocommit mode: each batch opens and ends its transaction itself.
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._on_connect(connection, None)
        return connection

    def _commit(self, connection: sqlite3.Connection, batch: list[_Write]) -> list[Any]:
        if len(batch) > 1:
            try:
                return self._transaction(connection, batch)
            except Exception:
                pass  # rolled back as a whole: each alone, each caller gets its own error
        outcomes: list[Any] = []
        for write in batch:
            try:
                outcomes.extend(self._transaction(connection, [write]))
            except Exception as exc:
                outcomes.append(_as_engine_error(exc, write.prepared))
        return outcomes

    def _transaction(self, connection: sqlite3.Connection, batch: list[_Write]) -> list[Any]:
        outcomes: list[Any] = []
        # IMMEDIATE: take the write lock first (waiting up to busy_timeout), so a
        # statement never fails half-way for a lock another connection holds.
        connection.execute("BEGIN IMMEDIATE")
        try:
            for prepared, group in groupby(batch, key=lambda write: write.prepared):
                writes = list(group)
                if prepared is not None:
                    rows = [prepared.bind(row) for write in writes for row in write.rows]
                    connection.executemany(prepared.sql, rows)
                    outcomes.extend([None] * len(writes))
                    continue
                for write in writes:
                    assert write.work is not None
                    try:
                        outcomes.append(write.work(connection))
                    except Refused as refused:
                        outcomes.append(refused.error)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        self.transactions += 1
        return outcomes


def _as_engine_error(error: Exception, prepared: Prepared | None) -> Exception:
    """A ``sqlite3`` error as the engine would raise it (``sqlalchemy.exc.DBAPIError``).

    Callers and the API's handlers then see one kind of failure whichever writer ran
    the statement: an ``IntegrityError`` for a taken ``seq``, an ``OperationalError``
    whose ``orig`` names a full disk (``db/storage.py``: a 507, not a 500).
    """
    if not isinstance(error, sqlite3.Error):
        return error
    statement = "(a write with an outcome)" if prepared is None else prepared.sql
    wrapped = DBAPIError.instance(statement, None, error, sqlite3.Error)
    wrapped.__cause__ = error
    return wrapped
