"""Projects for the render's API tests, made through the editor's own routes."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import httpx

from stoat_ferret.editing.document import ProjectDocument


def _create_body(document: ProjectDocument) -> dict[str, Any]:
    """``POST /api/v1/projects``'s body: the document's settings, field for field."""
    return asdict(document.settings)


def _clip_bodies(document: ProjectDocument) -> list[tuple[str, dict[str, Any]]]:
    return [
        (clip.id, {"source_video_id": clip.source_id, "in_point": clip.in_point,
                   "out_point": clip.out_point})
        for clip in document.main_track.clips
    ]  # fmt: skip


def _transition_body(document: ProjectDocument, ids: dict[str, str], index: int) -> dict[str, Any]:
    transition = document.transitions[index]
    return {
        "from_clip_id": ids[transition.from_clip_id],
        "to_clip_id": ids[transition.to_clip_id],
        "duration": transition.duration,
    }


def _created(answer: httpx.Response) -> str:
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


async def create_project(client: httpx.AsyncClient, document: ProjectDocument) -> str:
    """The main track and transitions of ``document`` as a new project; returns its id."""
    project_id = _created(await client.post("/api/v1/projects", json=_create_body(document)))
    ids = {}
    for clip_id, body in _clip_bodies(document):
        ids[clip_id] = _created(
            await client.post(f"/api/v1/projects/{project_id}/clips", json=body)
        )
    for index in range(len(document.transitions)):
        body = _transition_body(document, ids, index)
        _created(await client.post(f"/api/v1/projects/{project_id}/transitions", json=body))
    return project_id


def create_project_sync(client: httpx.Client, document: ProjectDocument) -> str:
    """:func:`create_project` for a blocking client (tests of a server process)."""
    project_id = _created(client.post("/api/v1/projects", json=_create_body(document)))
    ids = {}
    for clip_id, body in _clip_bodies(document):
        ids[clip_id] = _created(client.post(f"/api/v1/projects/{project_id}/clips", json=body))
    for index in range(len(document.transitions)):
        body = _transition_body(document, ids, index)
        _created(client.post(f"/api/v1/projects/{project_id}/transitions", json=body))
    return project_id
