"""Freezing the start-up heap, so full garbage collections do not stall the loop.

Called by whoever owns a process's start-up (the server's lifespan, ``stoat-ferret
scan``), not by a domain: it is about the process, not about any one job.
"""

from __future__ import annotations

import gc

_frozen = False

#: Net new objects between young-generation collections after start-up (default 700).
YOUNG_THRESHOLD = 10_000


def freeze_startup_heap() -> None:
    """Take the objects that exist after start-up out of the garbage collector's sight.

    A full (generation 2) garbage collection walks every tracked object while it holds
    the GIL, so it stalls the event loop for as long as it runs: 50-80 ms for the
    130,000-150,000 objects of a started server on the benchmark machine, and a scan
    allocates enough to set off one or two. Nearly all of those objects (modules,
    classes, the app, SQLAlchemy mappers, pydantic schemas) live as long as the
    process, so ``gc.freeze()`` once, when start-up is done (the server's lifespan, the
    CLI scan's start-up), spares every later full
    collection from walking them again. The young generations are collected first (a
    millisecond), so the only garbage kept forever is whatever old cyclic garbage is
    waiting at that moment, once per process. It then raises the young generation's
    threshold (``YOUNG_THRESHOLD``, below). Measurements: docs/performance.md.
    """
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect(1)
        gc.freeze()
        # The collector's defaults collect the young generation every 700 net new
        # objects: an edit of a 500-clip project makes a timeline of 500 placements,
        # freed by reference counting when the request ends, so nearly every request
        # set off a collection, and every tenth a generation-1 one (2-10 ms with the
        # cached documents), which made up the tail of edit latencies. What a request
        # makes and frees never reaches 10,000, so collections now follow lasting
        # growth only; the older generations keep their default ratios.
        _, older, oldest = gc.get_threshold()
        gc.set_threshold(YOUNG_THRESHOLD, older, oldest)
