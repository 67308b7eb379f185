"""Every event a real scan and a delete publish matches its published payload model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from stoat_ferret.api.events import JobEvent, VideoDeletedEvent, VideoEvent, validate_event
from stoat_ferret.api.schemas import JobStatusResponse
from stoat_ferret.events.types import EventType
from stoat_ferret.library.schemas import ScanJob
from tests.library.conftest import scan_and_wait


async def test_every_event_of_a_scan_and_a_delete_validates_against_its_model(
    library_app: FastAPI, library_client: httpx.AsyncClient, small_corpus: Path
) -> None:
    hub = library_app.state.services.hub
    start = hub.last_event_id
    first = await scan_and_wait(library_client, small_corpus)
    assert first["status"] == "complete"
    changed = small_corpus / "deep" / "deeper" / "holiday clip.mov"
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    await scan_and_wait(library_client, small_corpus)
    video_id = (await library_client.get("/api/v1/videos", params={"limit": 1})).json()["videos"][
        0
    ]["id"]
    assert (await library_client.delete(f"/api/v1/videos/{video_id}")).status_code == 204

    events = await hub.replay(start)
    assert events
    seen: dict[str, int] = {}
    for event in events:
        message = event.to_dict()
        member = validate_event(message).root
        seen[message["type"]] = seen.get(message["type"], 0) + 1
        if isinstance(member, JobEvent):
            assert isinstance(member.payload.root, ScanJob), message
        elif message["type"] == EventType.VIDEO_DELETED:
            assert isinstance(member, VideoDeletedEvent)
            assert member.payload.id == video_id
        else:
            assert isinstance(member, VideoEvent)
    expected = {
        EventType.JOB_CREATED,
        EventType.JOB_STARTED,
        EventType.JOB_PROGRESS,
        EventType.JOB_COMPLETED,
        EventType.VIDEO_ADDED,
        EventType.VIDEO_UPDATED,
        EventType.VIDEO_DELETED,
    }
    assert expected <= set(seen), seen


async def test_typed_job_bodies_are_the_json_the_queue_holds(
    library_app: FastAPI, library_client: httpx.AsyncClient, small_corpus: Path
) -> None:
    job = await scan_and_wait(library_client, small_corpus)
    stored = await library_app.state.services.queue.get_result(str(job["job_id"]))
    raw: dict[str, Any] = stored.to_dict()
    # Typing progress_detail and result in the schema changed no byte of them.
    assert job["progress_detail"] == raw["progress_detail"]
    assert job["result"] == raw["result"]
    assert list(job) == list(raw)
    assert job["result"]["errors"], "the corpus has bad files: the result names them"
    typed = JobStatusResponse.model_validate(job).root
    assert isinstance(typed, ScanJob)
    assert typed.result is not None and typed.result.scanned == raw["result"]["scanned"]
