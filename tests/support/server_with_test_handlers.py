"""A real stoat-ferret server process with test-only job handlers and a submit route.

Production ships no demo handler and no generic submit route; integration tests
start this module with ``python -m tests.support.server_with_test_handlers`` instead.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import APIRouter, FastAPI

from stoat_ferret.api import create_app
from stoat_ferret.api.app import default_domains
from stoat_ferret.api.deps import QueueDep
from stoat_ferret.jobs import JobHandler
from stoat_ferret.settings import Settings
from stoat_ferret.wiring import Core, DomainSetup
from tests.support.handlers import TEST_HANDLERS

router = APIRouter(prefix="/test")


@router.post("/jobs/{job_type}", status_code=202)
async def submit(job_type: str, payload: dict[str, Any], queue: QueueDep) -> dict[str, str]:
    return {"job_id": await queue.submit(job_type, payload)}


@dataclass(frozen=True)
class TestJobsDomain:
    """A domain of test-only job handlers, wired like any other domain."""

    job_handlers: Mapping[str, JobHandler] = field(default_factory=lambda: dict(TEST_HANDLERS))
    event_types: frozenset[str] = frozenset()


def _setup_test_jobs(core: Core) -> TestJobsDomain:
    return TestJobsDomain()


TEST_JOBS = DomainSetup(name="test-jobs", setup=_setup_test_jobs)


def build_app(settings: Settings, *, run_jobs: bool = True) -> FastAPI:
    app = create_app(settings, domains=(*default_domains(), TEST_JOBS), run_jobs=run_jobs)
    app.include_router(router)
    return app


def parse_args() -> argparse.Namespace:
    """``--data-dir`` and ``--port``, the arguments every test server module takes."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--no-worker", action="store_true")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    settings = Settings(data_dir=args.data_dir, port=args.port, job_cancel_grace=2)
    app = build_app(settings, run_jobs=not args.no_worker)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
