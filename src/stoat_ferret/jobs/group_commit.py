"""Group commit for the job store's hot writes through the engine: many callers, one transaction.

This is the path on PostgreSQL (and for a store given no writer); on SQLite the store
hands the same writes to ``db/sqlite_writer.py``, which runs each batch in one call on
its own thread and ``sqlite3`` connection, with the same guarantees.

Each job costs three writes (submit, ``running``, the terminal state), and on SQLite
what a write costs is mostly its transaction: the pool checkout, ``BEGIN``, ``COMMIT``
and the reset, each a hop to ``aiosqlite``'s thread. One writer task per store takes
every write queued while its previous transaction ran and commits them together;
each caller's future is resolved only after that commit, so a caller still learns
its write is durable before it goes on (``submit`` returns a committed job, ``wait``
sees a committed final state).

What a write *means* is unchanged: each statement keeps its own condition and its
own outcome (a fenced update refused because another owner holds the job fails
that one caller with ``LeaseLostError``, and the others commit). If the transaction
itself fails (a ``seq`` taken by another process, a full disk), the batch is rolled
back and each write is retried alone, so one bad write fails only its own caller and
the full-disk fallback of ``SqlJobStore.update`` still sees its own error.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.sql import Executable

from stoat_ferret.db.sqlite_writer import MAX_BATCH, Refused

__all__ = ["MAX_BATCH", "GroupCommit", "Refused"]

Statement = Callable[[AsyncConnection], Awaitable[Any]]
"""One write: runs its statement(s) on the batch's connection and returns the outcome."""


@dataclass(slots=True)
class _Write:
    statement: Statement | None
    #: A plain statement and its parameters, no outcome: neighbours with the same
    #: statement run as one ``executemany`` (one round trip for all their rows).
    bulk: tuple[Executable, dict[str, Any]] | None = None
    future: asyncio.Future[Any] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class GroupCommit:
    """One writer task per store; it runs only while writes are queued."""

    def __init__(self, engine: AsyncEngine, *, max_batch: int = MAX_BATCH) -> None:
        self._engine = engine
        self._max_batch = max_batch
        self._queued: list[_Write] = []
        self._batch: list[_Write] = []
        self._writer: asyncio.Task[None] | None = None
        #: Committed transactions so far (tests and benchmarks read it).
        self.transactions = 0

    async def run(self, statement: Statement) -> Any:
        """Queue ``statement``; its outcome once its transaction has committed.

        Shielded: a caller cancelled while it waits does not take the write out of a
        transaction already under way (it still commits, as a lone write would).
        """
        return await self._queue(_Write(statement))

    async def execute(self, statement: Executable, params: dict[str, Any]) -> None:
        """Queue a plain write (an insert) that returns nothing; as :meth:`run`."""
        await self._queue(_Write(None, (statement, params)))

    async def _queue(self, write: _Write) -> Any:
        self._queued.append(write)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.get_running_loop().create_task(self._drain())
            self._writer.add_done_callback(self._writer_done)
        return await asyncio.shield(write.future)

    async def _drain(self) -> None:
        while self._queued:
            self._batch = self._queued[: self._max_batch]
            del self._queued[: self._max_batch]
            await self._commit(self._batch)
        self._batch = []
        # No await since the empty check: a write queued from now on starts a new
        # writer, it never lands in a queue nobody drains.
        self._writer = None

    def _writer_done(self, writer: asyncio.Task[None]) -> None:
        # A callback, not a ``finally``: it also runs for a writer cancelled before
        # it started. Cancelled means the loop is shutting down under it: whatever
        # it did not answer never will be, so its callers are told, not left waiting.
        if not writer.cancelled() or self._writer not in (None, writer):
            return
        self._writer = None
        for write in [*self._batch, *self._queued]:
            write.future.cancel()
        self._batch = []
        self._queued.clear()

    async def _commit(self, batch: list[_Write]) -> None:
        if len(batch) > 1:
            try:
                outcomes = await self._transaction(batch)
            except Exception:
                # Rolled back as a whole: try each alone, each caller gets its own error.
                pass
            else:
                for write, outcome in zip(batch, outcomes, strict=True):
                    _resolve(write, outcome)
                return
        for write in batch:
            try:
                (outcome,) = await self._transaction([write])
            except Exception as exc:
                outcome = exc
            _resolve(write, outcome)

    async def _transaction(self, batch: list[_Write]) -> list[Any]:
        outcomes: list[Any] = []
        async with self._engine.begin() as connection:
            # In queue order; neighbouring plain writes of one statement go together.
            for bulk, group in groupby(batch, key=_bulk_statement):
                writes = list(group)
                if bulk is not None:
                    await connection.execute(bulk, [w.bulk[1] for w in writes if w.bulk])
                    outcomes.extend([None] * len(writes))
                    continue
                for write in writes:
                    outcomes.append(await _outcome(write, connection))
        self.transactions += 1
        return outcomes


def _bulk_statement(write: _Write) -> Executable | None:
    return None if write.bulk is None else write.bulk[0]


async def _outcome(write: _Write, connection: AsyncConnection) -> Any:
    if write.statement is None:  # pragma: no cover - plain writes are run as a group
        return None
    try:
        return await write.statement(connection)
    except Refused as refused:
        return refused.error


def _resolve(write: _Write, outcome: Any) -> None:
    if write.future.done():  # pragma: no cover - cancelled only with the writer
        return
    if isinstance(outcome, Exception):
        write.future.set_exception(outcome)
    else:
        write.future.set_result(outcome)
