"""``python -m benchmarks.noop_worker``: a ``stoat-ferret worker`` that also runs ``bench.noop``.

The same ``run_worker`` as the real command, with every product domain and the
benchmark's no-op domain; its settings come from the environment
(``STOAT_DATABASE_URL``, ``STOAT_QUEUE_URL``, ``STOAT_QUEUE_NAME``, ...).
"""

from __future__ import annotations

import argparse
import asyncio

from benchmarks.noop_jobs import NOOP_JOBS
from stoat_ferret.api.app import default_domains
from stoat_ferret.cli.worker import run_worker
from stoat_ferret.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concurrency", type=int, default=None)
    args = parser.parse_args()
    domains = (*default_domains(), NOOP_JOBS)
    asyncio.run(run_worker(Settings(), concurrency=args.concurrency, domains=domains))


if __name__ == "__main__":
    main()
