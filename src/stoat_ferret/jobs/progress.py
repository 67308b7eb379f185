"""
Throttled progress writes: at most one store write per interval per job, the last value wins.

A handler may report progress hundreds of times a second; the live record (and so
the API and the events) always has the latest value, and the store catches up
through one delayed flush per job (``docs/design/02-job-system.md#progress``). The
flush is also what shows another process sharing the table (a server listing a
CLI scan) how far a job has got.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

__all__ = ["ProgressFlush"]


@dataclass(eq=False, slots=True)
class ProgressFlush:
    """One job's progress throttle: when it last wrote, and the delayed write pending."""

    last_write_s: float = 0.0
    task: asyncio.Task[None] | None = None

    def wrote(self) -> None:
        """Any full write of the record counts as a flush."""
        self.last_write_s = time.monotonic()

    def schedule(self, write: Callable[[], Awaitable[None]], interval_s: float) -> None:
        """Run ``write`` once the interval since the last write is over (unless pending)."""
        if self.task is not None and not self.task.done():
            return  # the pending write will take the newest record
        delay = max(0.0, self.last_write_s + interval_s - time.monotonic())
        self.task = asyncio.create_task(self._later(write, delay))

    def cancel(self) -> None:
        """Drop a pending write; the caller writes a newer state itself."""
        if self.task is not None:
            self.task.cancel()

    async def _later(self, write: Callable[[], Awaitable[None]], delay: float) -> None:
        await asyncio.sleep(delay)
        await write()
