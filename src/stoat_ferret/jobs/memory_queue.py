"""``InMemoryJobQueue``: the test double named by the spec.

Same engine as the durable queue, records kept in a dict. Tests that do not care
about persistence use it for speed and isolation; the contract suite proves it
behaves like ``AsyncioJobQueue``.
"""

from __future__ import annotations

from stoat_ferret.jobs.engine import QueueEngine
from stoat_ferret.jobs.store import MemoryJobStore


class InMemoryJobQueue(QueueEngine):
    """
    The engine over a dict.

    Args:
        store: share one ``MemoryJobStore`` between instances to make them race for
            jobs like processes sharing a database file (the contract suite does).
    """

    def __init__(
        self,
        *,
        workers: int = 2,
        timeout_s: float = 3600.0,
        cancel_grace_s: float = 10.0,
        lease_s: float = 30.0,
        store: MemoryJobStore | None = None,
    ) -> None:
        super().__init__(
            store if store is not None else MemoryJobStore(),
            workers=workers,
            timeout_s=timeout_s,
            cancel_grace_s=cancel_grace_s,
            progress_flush_interval_s=0.0,
            lease_s=lease_s,
        )
