"""``AsyncioJobQueue``: the embedded production queue, durable in SQLite.

Jobs run as asyncio tasks inside the server process (no broker to operate); their
records live in the database so they survive restarts. A job found ``running`` with
an expired lease was interrupted by a crash: it is re-queued once, then failed. The
CLI scan runs its one job on this queue too (``adopt_orphans=False``), so a server
on the same data dir lists it and can cancel it. Given the database's ``writer``
(``Database.writer``), the job rows are written on its thread, a batch per call.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from stoat_ferret.db.sqlite_writer import SqliteWriter
from stoat_ferret.db.storage import SpaceReserve
from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.sql_store import SqlJobStore


class AsyncioJobQueue(QueueEngine):
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        workers: int = 2,
        timeout_s: float = 3600.0,
        cancel_grace_s: float = 10.0,
        progress_flush_interval_s: float = 0.5,
        lease_s: float = 30.0,
        adopt_orphans: bool = True,
        reserve: SpaceReserve | None = None,
        writer: SqliteWriter | None = None,
    ) -> None:
        super().__init__(
            SqlJobStore(sessions, reserve=reserve, writer=writer),
            workers=workers,
            timeout_s=timeout_s,
            cancel_grace_s=cancel_grace_s,
            progress_flush_interval_s=progress_flush_interval_s,
            lease_s=lease_s,
            adopt_orphans=adopt_orphans,
        )
