"""A real ``stoat-ferret worker`` process that also runs the test-only job handlers.

Started as ``python -m tests.support.worker_with_test_handlers``; its settings come
from the environment (``STOAT_DATA_DIR``, ``STOAT_QUEUE_URL``, ...) as a real
worker's do. ``--job-types`` and ``--concurrency`` as on the real command.
"""

from __future__ import annotations

import argparse
import asyncio

from stoat_ferret.api.app import default_domains
from stoat_ferret.cli.worker import parse_job_types, run_worker
from stoat_ferret.settings import Settings
from tests.support.server_with_test_handlers import TEST_JOBS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--concurrency", type=int, default=None)
    parser.add_argument("--job-types", default=None)
    args = parser.parse_args()
    asyncio.run(
        run_worker(
            Settings(),
            concurrency=args.concurrency,
            job_types=parse_job_types(args.job_types),
            domains=(*default_domains(), TEST_JOBS),
        )
    )


if __name__ == "__main__":
    main()
