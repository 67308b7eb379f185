"""
The fan-out scan on real SAQ (Redis and PostgreSQL), contract-style.

Each test is one deployment in this process: an API-side queue that only submits,
reads and cancels (``serve --no-worker``) and two worker queues that run jobs, all
on one broker and one job table (the test's SQLite file), with real ffprobe/ffmpeg
on real clips. The end-to-end version over real processes, with a worker killed
mid-scan, is ``tests/integration/test_fanout_scan.py``.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from stoat_ferret.api import create_app
from stoat_ferret.api.schemas import JobStatusResponse
from stoat_ferret.db import Database
from stoat_ferret.db.unit_of_work import discard_events
from stoat_ferret.ffmpeg import make_probe_backend
from stoat_ferret.jobs import InMemoryJobQueue, JobResult, JobStatus
from stoat_ferret.jobs.saq_queue import SaqJobQueue
from stoat_ferret.library.repository import VideoRepository
from stoat_ferret.library.scan import SCAN_JOB_TYPE, ScanConfig
from stoat_ferret.library.scan.fanout import SCAN_BATCH_JOB_TYPE
from stoat_ferret.library.scan.fanout_job import make_fanout_handlers
from stoat_ferret.library.schemas import ScanBatchJob
from stoat_ferret.library.setup import setup_library
from stoat_ferret.settings import Settings
from stoat_ferret.wiring import Core
from tests.jobs.contract.conftest import broker_url
from tests.support.corpus import copy_corpus

BATCH = 5


@dataclass
class Deployment:
    api: SaqJobQueue
    workers: list[SaqJobQueue]
    database: Database
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    async def scan(self, folder: Path) -> str:
        return await self.api.submit(SCAN_JOB_TYPE, {"path": str(folder), "recursive": True})

    async def children(self, parent_id: str) -> list[JobResult]:
        jobs = await self.api.list_jobs(None, SCAN_BATCH_JOB_TYPE, limit=500)
        return [job for job in jobs if job.payload.get("parent_id") == parent_id]

    async def stored(self) -> tuple[int, int]:
        """Rows in the library, and distinct paths among them."""
        async with self.database.unit_of_work() as uow:
            paths = list(await VideoRepository(uow.session).known_stamps("/", recursive=True))
        return len(paths), len(set(paths))

    def progress_of(self, job_id: str) -> list[dict[str, Any]]:
        return [p for kind, p in self.events if kind == "job.progress" and p["job_id"] == job_id]


DeploymentMaker = Callable[..., Deployment]


@pytest.fixture(params=["saq-redis", "saq-postgres"])
async def deploy(
    request: pytest.FixtureRequest, database: Database, settings: Settings, tmp_path: Path
) -> AsyncIterator[DeploymentMaker]:
    url = broker_url(request, str(request.param))
    made: list[SaqJobQueue] = []

    def factory(*, workers: int = 2, concurrency: int = 2) -> Deployment:
        namespace = f"t{uuid.uuid4().hex[:10]}"
        config = ScanConfig(
            backend=make_probe_backend(settings),
            thumbnails_dir=tmp_path / "thumbnails",
            concurrency=1,
            progress_interval_s=0.05,
            fanout_batch_files=BATCH,
        )

        def queue(run_jobs: bool) -> SaqJobQueue:
            made_queue = SaqJobQueue(
                database.sessions,
                url,
                namespace=namespace,
                run_jobs=run_jobs,
                workers=concurrency,
                heartbeat_s=3.0,
                sweep_interval_s=1.0,
                cancel_grace_s=3.0,
                progress_flush_interval_s=0.05,
            )
            handlers = make_fanout_handlers(database.unit_of_work, config, made_queue)
            for job_type, handler in handlers.items():
                made_queue.register_handler(job_type, handler)
            made.append(made_queue)
            return made_queue

        deployment = Deployment(queue(False), [queue(True) for _ in range(workers)], database)
        for worker in deployment.workers:
            worker.add_event_listener(
                lambda kind, payload: deployment.events.append((kind, payload))
            )
        return deployment

    yield factory
    for queue in made:
        await queue.stop()


async def started(deployment: Deployment) -> Deployment:
    for queue in (deployment.api, *deployment.workers):
        await queue.start()
    return deployment


async def test_a_scan_fans_out_into_batches_whose_sums_are_its_result(
    deploy: DeploymentMaker, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    files = 23
    copy_corpus(clip_templates, tmp_path / "corpus", files)
    (tmp_path / "corpus" / "notes.txt").write_text("not a video")
    deployment = await started(deploy())
    parent_id = await deployment.scan(tmp_path / "corpus")
    final = await deployment.api.wait(parent_id, timeout=120)
    children = await deployment.children(parent_id)

    assert final.status is JobStatus.COMPLETE, final
    result = final.result
    # A child taken over by another worker (its lease missed under load) counts the
    # files its first run stored as skipped: together they are every file, once.
    assert result["new"] + result["skipped"] == result["scanned"] == files
    assert (result["updated"], result["missing"], result["errors"]) == (0, 0, [])
    for count in ("new", "updated", "skipped"):
        assert result[count] == sum(c.result[count] for c in children)
    assert final.progress == 1.0
    # ceil(23 / 5) children, numbered in walk order, each naming its parent.
    assert sorted(c.payload["index"] for c in children) == list(range(5))
    assert all(c.status is JobStatus.COMPLETE for c in children)
    assert sorted(len(c.payload["files"]) for c in children) == [3, 5, 5, 5, 5]
    assert all(c.result["worker"] for c in children)
    assert await deployment.stored() == (files, files)
    # The parent's progress went only forward, its processed count too, ending at 1.0.
    progress = deployment.progress_of(parent_id)
    values = [p["progress"] for p in progress]
    processed = [p["progress_detail"]["processed"] for p in progress]
    assert values == sorted(values) and processed == sorted(processed)
    assert processed[-1] == files
    # GET /api/v1/jobs types each child by its job type.
    typed = JobStatusResponse.from_result(children[0]).root
    assert isinstance(typed, ScanBatchJob) and typed.payload.parent_id == parent_id


async def test_a_rescan_makes_children_only_for_files_that_changed(
    deploy: DeploymentMaker, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    paths = copy_corpus(clip_templates, tmp_path / "corpus", 12)
    deployment = await started(deploy())
    first = await deployment.api.wait(await deployment.scan(tmp_path / "corpus"), timeout=120)
    assert first.status is JobStatus.COMPLETE
    changed = paths[3]
    info = changed.stat()
    os.utime(changed, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    paths[5].unlink()

    parent_id = await deployment.scan(tmp_path / "corpus")
    second = await deployment.api.wait(parent_id, timeout=120)
    children = await deployment.children(parent_id)

    assert second.status is JobStatus.COMPLETE, second
    assert second.result["scanned"] == 11
    assert (second.result["skipped"], second.result["updated"], second.result["new"]) == (10, 1, 0)
    assert second.result["missing"] == 1
    assert [[f["path"] for f in c.payload["files"]] for c in children] == [[str(changed)]]


async def test_a_batch_run_again_stores_nothing_twice_and_loses_nothing(
    deploy: DeploymentMaker, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    # What the re-run of a child swept from a killed worker does: the same payload again.
    copy_corpus(clip_templates, tmp_path / "corpus", 7)
    deployment = await started(deploy(workers=1))
    parent_id = await deployment.scan(tmp_path / "corpus")
    assert (await deployment.api.wait(parent_id, timeout=120)).status is JobStatus.COMPLETE
    batch = (await deployment.children(parent_id))[0]
    again_id = await deployment.api.submit(SCAN_BATCH_JOB_TYPE, batch.payload)
    again = await deployment.api.wait(again_id, timeout=60)

    assert again.status is JobStatus.COMPLETE, again
    assert again.result["skipped"] == len(batch.payload["files"])
    assert again.result["new"] == again.result["updated"] == 0
    assert await deployment.stored() == (7, 7)


async def wait_for(check: Callable[[], Any], limit_s: float = 60) -> None:
    async with asyncio.timeout(limit_s):
        while not await check():
            await asyncio.sleep(0.05)


async def test_cancelling_the_scan_cancels_its_children_and_keeps_what_they_stored(
    deploy: DeploymentMaker, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    copy_corpus(clip_templates, tmp_path / "corpus", 80)
    deployment = await started(deploy(concurrency=1))
    parent_id = await deployment.scan(tmp_path / "corpus")

    async def some_child_stored() -> bool:
        children = await deployment.children(parent_id)
        return any(c.status is JobStatus.COMPLETE for c in children) and len(children) > 3

    await wait_for(some_child_stored)
    asked_at = asyncio.get_running_loop().time()
    accepted = await deployment.api.cancel(parent_id)
    final = await deployment.api.wait(parent_id, timeout=30)

    async def all_children_ended() -> bool:
        return all(c.status.is_terminal for c in await deployment.children(parent_id))

    # The parent ends once its children have; the table has every end soon after.
    await wait_for(all_children_ended, limit_s=2.0)
    took_s = asyncio.get_running_loop().time() - asked_at
    children = await deployment.children(parent_id)

    assert accepted.cancel_requested
    assert final.status is JobStatus.CANCELLED, final
    assert took_s < 2.0  # SPEC §12: a cancel stops work on every worker within 2 s
    assert any(c.status is JobStatus.CANCELLED for c in children)
    # Children still waiting for a worker never started.
    assert any(c.status is JobStatus.CANCELLED and c.started_at is None for c in children)
    stored, distinct = await deployment.stored()
    # The partial counts are what was stored (skipped: stored by a taken-over first run).
    assert stored == distinct == final.result["new"] + final.result["skipped"]
    assert 0 < stored < 80


async def test_a_child_cancelled_on_its_own_fails_its_scan(
    deploy: DeploymentMaker, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    copy_corpus(clip_templates, tmp_path / "corpus", 30)
    deployment = await started(deploy(workers=1, concurrency=1))
    parent_id = await deployment.scan(tmp_path / "corpus")

    pending: list[JobResult] = []

    async def two_pending_children() -> bool:
        # Two or more: the one worker must finish a whole batch and take the next before
        # it reaches the last one, which is then still pending when it is cancelled (with
        # one left, the worker took it between the listing and the cancel).
        children = await deployment.children(parent_id)
        pending[:] = [c for c in children if c.status is JobStatus.PENDING]
        return len(pending) >= 2

    await wait_for(two_pending_children)
    last = max(pending, key=lambda c: int(c.payload["index"]))  # the last to be taken
    assert (await deployment.api.cancel(last.job_id)).status is JobStatus.CANCELLED
    final = await deployment.api.wait(parent_id, timeout=120)
    children = await deployment.children(parent_id)

    assert final.status is JobStatus.FAILED, final
    assert final.error is not None and "1 of 6 scan batches did not complete" in final.error
    assert last.job_id in final.error
    # The other children's work is stored; nothing was marked missing.
    done = [c for c in children if c.status is JobStatus.COMPLETE]
    assert len(done) == 5
    assert await deployment.stored() == (25, 25)
    assert sum(c.result["new"] + c.result["skipped"] for c in done) == 25


@pytest.mark.parametrize(
    ("queue_url", "job_types"),
    [(None, {"scan"}), ("redis://127.0.0.1:1/0", {"scan", "scan.batch"})],
)
def test_only_the_distributed_queue_fans_out(
    database: Database, settings: Settings, queue_url: str | None, job_types: set[str]
) -> None:
    core = Core(
        settings=settings.model_copy(update={"queue_url": queue_url}),
        database=database,
        queue=InMemoryJobQueue(),
        publish=discard_events,
        probe_backend=make_probe_backend(settings),
    )
    assert set(setup_library(core).job_handlers) == job_types


def test_the_openapi_types_scan_batch_jobs(tmp_path: Path) -> None:
    schema = create_app(Settings(data_dir=tmp_path), configure_logs=False).openapi()
    batch = schema["components"]["schemas"]["ScanBatchJob"]
    assert batch["properties"]["job_type"]["const"] == "scan.batch"
    assert "ScanBatchJob" in str(schema["components"]["schemas"]["JobStatusResponse"])


async def test_a_scan_whose_worker_stops_resumes_elsewhere_without_redoing_batches(
    deploy: DeploymentMaker, tmp_path: Path, clip_templates: dict[str, Path]
) -> None:
    files = 40
    copy_corpus(clip_templates, tmp_path / "corpus", files)
    deployment = await started(deploy(concurrency=1))
    parent_id = await deployment.scan(tmp_path / "corpus")

    async def parent_held_and_two_done() -> bool:
        done = [c for c in await deployment.children(parent_id) if c.status.is_terminal]
        return len(done) >= 2 and any(parent_id in w._active for w in deployment.workers)

    await wait_for(parent_held_and_two_done)
    holder = next(w for w in deployment.workers if parent_id in w._active)
    await holder.stop()  # SIGTERM: the scan goes back to pending, the other worker resumes it
    final = await deployment.api.wait(parent_id, timeout=120)
    children = await deployment.children(parent_id)

    assert final.status is JobStatus.COMPLETE, final
    assert final.result["scanned"] == files
    named = [f["path"] for c in children for f in c.payload["files"]]
    assert len(named) == len(set(named)) == files  # every file in exactly one batch
    assert await deployment.stored() == (files, files)
    processed = [p["progress_detail"]["processed"] for p in deployment.progress_of(parent_id)]
    assert processed == sorted(processed) and processed[-1] == files
