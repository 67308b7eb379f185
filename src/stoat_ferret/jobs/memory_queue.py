"""``InMemoryJobQueue``: the test double named by the spec.

Same engine as the durable queue, records kept in a dict. Tests that do not care
about persistence use it for speed and isolation; the contract suite proves it
behaves like ``AsyncioJobQueue``.
"""

from __future__ import annotations

from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.store import MemoryJobStore


class InMemoryJobQueue(QueueEngine):
    def __init__(
        self,
        *,
        workers: int = 2,
        timeout_s: float = 3600.0,
        cancel_grace_s: float = 10.0,
    ) -> None:
        super().__init__(
            MemoryJobStore(),
            workers=workers,
            timeout_s=timeout_s,
            cancel_grace_s=cancel_grace_s,
            progress_flush_interval_s=0.0,
        )
