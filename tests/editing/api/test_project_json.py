"""A project's hand-built JSON answer is exactly the model-serialised one.

``GET /projects/{id}``, create, update, undo, redo and restore answer bytes joined from
remembered parts (``editing/project_json.py``). After every kind of change, those bytes
must equal what FastAPI writes for ``ProjectOut.of(view)`` of the same project, and the
answer must be a valid ``ProjectOut``: a stale or missing part fails here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import TypeAdapter

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.editing.domain import EditingDomain
from stoat_ferret.editing.project_json import project_json
from stoat_ferret.editing.schemas import ProjectOut
from stoat_ferret.settings import Settings
from tests.editing.api.conftest import add_clip, make_client, new_project, scan

API = "/api/v1/projects"
_MODEL = TypeAdapter(ProjectOut)


@pytest.fixture
def app(settings: Settings, database: Database) -> FastAPI:
    return create_app(settings, database=database, configure_logs=False)


@pytest.fixture
async def web(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async for client in make_client(app):
        yield client


async def _model_bytes(app: FastAPI, database: Database, pid: str) -> bytes:
    """What FastAPI writes for ``ProjectOut.of(view)`` of the project as stored now."""
    service = app.state.services.domains.get(EditingDomain).service
    async with database.unit_of_work() as work:
        view = await service.get(work, pid)
        built = project_json(view)
        model = _MODEL.dump_json(ProjectOut.of(view))
    assert built == model
    return model


async def _checked(
    app: FastAPI, database: Database, response: httpx.Response, status: int = 200
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert response.headers["etag"] == f'"{body["version"]}"'
    assert body == ProjectOut.model_validate(body).model_dump(mode="json")
    assert response.content == await _model_bytes(app, database, body["id"])
    return dict(body)


async def test_every_project_answer_is_the_model_serialised_one(
    app: FastAPI, database: Database, web: httpx.AsyncClient, media_root: Path
) -> None:
    videos = await scan(web, media_root)
    created = await web.post(API, json={"name": "Film ✂ «quoted»", "output_fps": 25})
    pid = (await _checked(app, database, created, 201))["id"]
    first = await add_clip(web, pid, videos["a.mp4"], 0, 40)
    second = await add_clip(web, pid, videos["b.mp4"], 5, 45)
    await add_clip(web, pid, videos["long.mp4"], 0, 60)
    effect = {"effect_type": "text_overlay", "parameters": {"text": 'a "b" \\ ü', "font_size": 30}}
    assert (await web.post(f"{API}/{pid}/clips/{first['id']}/effects", json=effect)).is_success
    speed = {"effect_type": "speed", "parameters": {"factor": 1.5}}
    assert (await web.post(f"{API}/{pid}/clips/{second['id']}/effects", json=speed)).is_success
    joined = {"from_clip_id": first["id"], "to_clip_id": second["id"], "duration": 5}
    assert (await web.post(f"{API}/{pid}/transitions", json=joined)).is_success
    track = (await web.post(f"{API}/{pid}/tracks", json={"name": "Music"})).json()
    await add_clip(web, pid, videos["long.mp4"], 0, 50, track_id=track["id"], timeline_position=7)
    await _checked(app, database, await web.get(f"{API}/{pid}"))

    trimmed = await web.patch(f"{API}/{pid}/clips/{first['id']}", json={"out_point": 30})
    assert trimmed.status_code == 200, trimmed.text
    shown = await _checked(app, database, await web.get(f"{API}/{pid}"))
    assert shown["clips"][1]["timeline_position"] == 25  # 30 frames, 5 of them overlapped
    undone = await _checked(app, database, await web.post(f"{API}/{pid}/undo"))
    assert undone["clips"][1]["timeline_position"] == 35
    redone = await _checked(app, database, await web.post(f"{API}/{pid}/redo"))
    assert redone["clips"][1]["timeline_position"] == 25
    restored = await web.post(f"{API}/{pid}/restore", json={"version": 2})
    assert [c["id"] for c in (await _checked(app, database, restored))["clips"]] == [first["id"]]
    renamed = await web.patch(f"{API}/{pid}", json={"name": "Cut 2"})
    assert (await _checked(app, database, renamed))["name"] == "Cut 2"

    # A source gone missing shows on the clips that use it, in the hand-built answer too.
    await web.post(f"{API}/{pid}/undo")
    await web.post(f"{API}/{pid}/undo")
    (media_root / "b.mp4").unlink()
    await scan(web, media_root)
    missing = await _checked(app, database, await web.get(f"{API}/{pid}"))
    assert [c["source_missing"] for c in missing["clips"]] == [False, True, False, False]
    # An edit's own answer reads the library once, for its new clips and "missing now".
    trim = await web.patch(f"{API}/{pid}/clips/{second['id']}", json={"out_point": 40})
    assert trim.status_code == 200 and trim.json()["source_missing"] is True
    added = await add_clip(web, pid, videos["a.mp4"], 0, 10)
    assert added["source_missing"] is False
    after = await _checked(app, database, await web.post(f"{API}/{pid}/undo"))
    assert [c["source_missing"] for c in after["clips"]] == [False, True, False, False]
    empty = await new_project(web, name="Empty")
    await _checked(app, database, await web.get(f"{API}/{empty['id']}"))
