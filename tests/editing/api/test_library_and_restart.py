"""The editor and the library together; projects across a restart; events after commit."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import websockets

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings
from tests.editing.api.conftest import add_clip, make_client, new_project, project, scan
from tests.support.live_server import serve

API = "/api/v1/projects"


async def test_deleting_a_video_a_clip_uses_is_409_in_use(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client, name="Holiday"))["id"]
    other = (await new_project(client, name="Unrelated"))["id"]
    clip = await add_clip(client, pid, videos["a.mp4"], 0, 30)
    await add_clip(client, other, videos["b.mp4"], 0, 30)
    refused = await client.delete(f"/api/v1/videos/{videos['a.mp4']}")
    assert refused.status_code == 409
    body = refused.json()["detail"]
    assert body["code"] == "IN_USE" and body["projects"] == [{"id": pid, "name": "Holiday"}]
    assert "Holiday" in body["message"]
    assert (await client.get(f"/api/v1/videos/{videos['a.mp4']}")).status_code == 200
    # Once no current document uses it, the video can go; an undo brings the clip
    # back and shows its source as missing.
    assert (await client.delete(f"{API}/{pid}/clips/{clip['id']}")).status_code == 204
    assert (await client.delete(f"/api/v1/videos/{videos['a.mp4']}")).status_code == 204
    back = (await client.post(f"{API}/{pid}/undo")).json()
    assert [c["source_missing"] for c in back["clips"]] == [True]
    # Deleting a project frees its videos too.
    assert (await client.delete(f"{API}/{other}")).status_code == 204
    assert (await client.delete(f"/api/v1/videos/{videos['b.mp4']}")).status_code == 204


async def test_a_missing_source_is_409_and_shown_on_clips(
    client: httpx.AsyncClient, videos: dict[str, str], media_root: Path
) -> None:
    pid = (await new_project(client))["id"]
    await add_clip(client, pid, videos["a.mp4"], 0, 30)
    (media_root / "a.mp4").unlink()
    await scan(client, media_root)
    assert (await client.get(f"/api/v1/videos/{videos['a.mp4']}")).json()["missing"] is True
    refused = await client.post(
        f"{API}/{pid}/clips",
        json={"source_video_id": videos["a.mp4"], "in_point": 0, "out_point": 10},
    )
    assert refused.status_code == 409
    assert refused.json()["detail"]["code"] == "SOURCE_MISSING"
    assert "source_video_id" in refused.json()["detail"]["message"]
    shown = await project(client, pid)
    assert shown["version"] == 2
    assert [c["source_missing"] for c in shown["clips"]] == [True]
    in_batch = await client.post(
        f"{API}/{pid}/edits",
        json={"operations": [{"op": "add_clip", "source_video_id": videos["a.mp4"],
                              "in_point": 0, "out_point": 5}]},
    )  # fmt: skip
    assert in_batch.status_code == 409 and "operations[0]" in in_batch.json()["detail"]["message"]


async def test_a_restart_brings_every_project_back_identical(
    settings: Settings, media_root: Path
) -> None:
    seen: dict[str, Any] = {}
    async for client in make_client(create_app(settings, configure_logs=False)):
        videos = await scan(client, media_root)
        first = (await new_project(client, name="Ein Film ✂", output_fps=25))["id"]
        await add_clip(client, first, videos["a.mp4"], 0, 50)
        await add_clip(client, first, videos["b.mp4"], 5, 45)
        clips = (await project(client, first))["clips"]
        await client.post(
            f"{API}/{first}/edits",
            json={"operations": [
                {"op": "add_effect", "clip_id": clips[1]["id"], "effect_type": "text_overlay",
                 "parameters": {"text": "l'été: 100% \\o/"}},
                {"op": "add_transition", "from_clip_id": clips[0]["id"],
                 "to_clip_id": clips[1]["id"], "duration": 10, "transition": "dissolve"},
                {"op": "add_track", "name": "Music", "volume_db": -3.5},
            ]},
        )  # fmt: skip
        await client.post(f"{API}/{first}/undo")
        second = (await new_project(client, name="Second"))["id"]
        for pid in (first, second):
            seen[pid] = [
                (await client.get(f"{API}/{pid}{path}")).json()
                for path in ("", "/timeline", "/history", "/clips")
            ]
        seen["list"] = (await client.get(API)).json()
    async for client in make_client(create_app(settings, configure_logs=False)):
        for pid in (first, second):
            again = [
                (await client.get(f"{API}/{pid}{path}")).json()
                for path in ("", "/timeline", "/history", "/clips")
            ]
            assert again == seen[pid]
        assert (await client.get(API)).json() == seen["list"]
        # Redo still works after the restart: the undo stacks were stored too.
        redone = (await client.post(f"{API}/{first}/redo")).json()
        assert len(redone["transitions"]) == 1 and len(redone["tracks"]) == 2


async def receive(ws: Any, count: int) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    async with asyncio.timeout(10):
        while len(events) < count:
            event = json.loads(await ws.recv())
            if event["type"].startswith("project."):
                events.append(event)
    return events


async def test_project_events_on_ws_after_commit(settings: Settings, database: Database) -> None:
    app = create_app(settings, database=database, heartbeat_interval_s=5, configure_logs=False)
    async with (
        app.router.lifespan_context(app),
        serve(app) as url,
        httpx.AsyncClient(base_url=url) as client,
        websockets.connect(url.replace("http://", "ws://") + "/ws") as ws,
    ):
        pid = (await new_project(client, name="Evented"))["id"]
        refused = await client.patch(f"{API}/{pid}", json={"output_width": 1921})
        assert refused.status_code == 422
        stale = await client.patch(f"{API}/{pid}", json={"name": "x"}, headers={"If-Match": "7"})
        assert stale.status_code == 412
        await client.patch(f"{API}/{pid}", json={"name": "Renamed"})
        await client.delete(f"{API}/{pid}")
        events = await receive(ws, 3)
    assert [(e["type"], e["payload"]["version"]) for e in events] == [
        ("project.created", 1),
        ("project.updated", 2),
        ("project.deleted", 2),
    ]
    assert all(e["payload"]["project_id"] == pid for e in events)
    assert events[1]["payload"]["summary"] == "Change project settings (name)"
