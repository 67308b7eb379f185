"""The start-up heap is frozen once start-up is done, not at the first scan.

Run in a fresh interpreter: ``gc.freeze()`` is once per process, and this test
process has long since frozen its own heap.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from stoat_ferret.heap import YOUNG_THRESHOLD

SCRIPT = """
import asyncio, gc, sys
from stoat_ferret.api import create_app
from stoat_ferret.settings import Settings

async def main():
    app = create_app(Settings(data_dir=sys.argv[1]), configure_logs=False)
    before = gc.get_freeze_count()
    default = gc.get_threshold()
    async with app.router.lifespan_context(app):
        started = gc.get_freeze_count()
        threshold = gc.get_threshold()
    print(before, started, *default, *threshold)

asyncio.run(main())
"""


def test_the_lifespan_freezes_the_heap_after_start_up(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    before, started, *thresholds = map(int, done.stdout.split())
    default, threshold = thresholds[:3], thresholds[3:]
    assert before == 0
    # Every object of the started app (modules, routes, mappers, the core) is frozen.
    assert started > 10_000
    # Then the young generation is collected only after lasting growth (heap.py): what
    # one edit of a large project makes and frees no longer sets off collections.
    assert threshold[0] == YOUNG_THRESHOLD > default[0]
    assert threshold[1:] == default[1:]  # the older generations keep their ratios
