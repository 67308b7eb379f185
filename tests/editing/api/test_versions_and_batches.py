"""Versions, If-Match, history, undo/redo/restore and all-or-nothing batches."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.editing.api.conftest import add_clip, new_project, project

# The project repository on both databases: every route test runs on each.
pytestmark = pytest.mark.both_databases

API = "/api/v1/projects"


async def history(client: httpx.AsyncClient, pid: str) -> dict[str, Any]:
    response = await client.get(f"{API}/{pid}/history")
    assert response.status_code == 200
    return dict(response.json())


async def test_stale_if_match_is_412_with_the_current_version(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    clip = await add_clip(client, pid, videos["a.mp4"], 0, 30)
    before = await project(client, pid)
    stale = {"If-Match": '"1"'}
    for method, path, body in [
        ("PATCH", "", {"name": "x"}),
        ("DELETE", "", None),
        ("POST", "/clips", {"source_video_id": videos["a.mp4"], "in_point": 0, "out_point": 5}),
        ("PATCH", f"/clips/{clip['id']}", {"out_point": 10}),
        ("DELETE", f"/clips/{clip['id']}", None),
        ("POST", "/tracks", {}),
        ("POST", f"/clips/{clip['id']}/effects", {"effect_type": "blur", "parameters": {}}),
        ("POST", "/undo", None),
        ("POST", "/restore", {"version": 1}),
        ("POST", "/edits", {"operations": [{"op": "update_project", "name": "y"}]}),
    ]:
        response = await client.request(method, f"{API}/{pid}{path}", json=body, headers=stale)
        assert response.status_code == 412, (method, path, response.text)
        assert response.json()["detail"]["code"] == "VERSION_CONFLICT"
        assert response.json()["detail"]["current_version"] == 2
    assert await project(client, pid) == before
    fresh = await client.patch(f"{API}/{pid}", json={"name": "ok"}, headers={"If-Match": "2"})
    assert fresh.status_code == 200 and fresh.headers["ETag"] == '"3"'
    weak = await client.patch(f"{API}/{pid}", json={"name": "w"}, headers={"If-Match": 'W/"3"'})
    assert weak.status_code == 200
    bad = await client.patch(f"{API}/{pid}", json={"name": "z"}, headers={"If-Match": "abc"})
    assert bad.status_code == 422
    assert bad.json()["detail"]["errors"][0]["loc"] == ["header", "If-Match"]


async def test_undo_redo_restore_sequence(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    await add_clip(client, pid, videos["a.mp4"], 0, 30)  # v2
    v2 = await project(client, pid)
    await add_clip(client, pid, videos["b.mp4"], 0, 30)  # v3
    v3 = await project(client, pid)
    assert (await history(client, pid))["can_redo"] is False

    undone = (await client.post(f"{API}/{pid}/undo")).json()  # v4 = v2's document
    assert undone["version"] == 4 and undone["clips"] == v2["clips"]
    back_to_start = (await client.post(f"{API}/{pid}/undo")).json()  # v5 = v1
    assert back_to_start["clips"] == [] and back_to_start["version"] == 5
    nothing = await client.post(f"{API}/{pid}/undo")
    assert nothing.status_code == 409 and nothing.json()["detail"]["code"] == "NOTHING_TO_UNDO"

    redone = (await client.post(f"{API}/{pid}/redo")).json()  # v6 = v2
    assert redone["clips"] == v2["clips"]
    redone = (await client.post(f"{API}/{pid}/redo")).json()  # v7 = v3
    assert redone["clips"] == v3["clips"] and redone["version"] == 7
    empty = await client.post(f"{API}/{pid}/redo")
    assert empty.status_code == 409 and empty.json()["detail"]["code"] == "NOTHING_TO_REDO"

    # A new edit after an undo clears what could be redone.
    await client.post(f"{API}/{pid}/undo")  # v8 = v2
    await client.patch(f"{API}/{pid}", json={"name": "New"})  # v9
    assert (await client.post(f"{API}/{pid}/redo")).status_code == 409
    undo_rename = (await client.post(f"{API}/{pid}/undo")).json()  # v10 = v8 = v2
    assert undo_rename["name"] == "Film" and undo_rename["clips"] == v2["clips"]

    restored = await client.post(f"{API}/{pid}/restore", json={"version": 3})  # v11 = v3
    assert restored.status_code == 200
    assert restored.json()["clips"] == v3["clips"] and restored.json()["version"] == 11
    # A restore is an edit: undo goes back to what was current before it.
    after_undo = (await client.post(f"{API}/{pid}/undo")).json()
    assert after_undo["clips"] == v2["clips"]
    unknown = await client.post(f"{API}/{pid}/restore", json={"version": 99})
    assert unknown.status_code == 422 and unknown.json()["detail"]["field"] == "version"

    listed = await history(client, pid)
    assert listed["version"] == 12 and listed["total"] == 12
    numbers = [v["version"] for v in listed["versions"]]
    assert numbers == list(range(12, 0, -1))
    summaries = [v["summary"] for v in listed["versions"]]
    assert summaries[-1] == "Create project 'Film'"
    assert summaries[0].startswith("Undo: Restore version 3")
    assert summaries[1] == "Restore version 3"
    assert summaries[2].startswith("Undo: Change project settings")
    page = (await client.get(f"{API}/{pid}/history", params={"limit": 2, "offset": 10})).json()
    assert [v["version"] for v in page["versions"]] == [2, 1]


async def test_batch_is_one_version_and_refs_earlier_operations(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    operations = [
        {"op": "add_clip", "source_video_id": videos["a.mp4"], "in_point": 0, "out_point": 60},
        {"op": "add_clip", "source_video_id": videos["b.mp4"], "in_point": 0, "out_point": 60},
        {"op": "add_transition", "from_clip_id": "$0", "to_clip_id": "$1", "duration": 10},
        {"op": "add_track", "name": "Music"},
        {"op": "add_clip", "source_video_id": videos["long.mp4"], "in_point": 0,
         "out_point": 120, "track_id": "$3", "timeline_position": 0},
        {"op": "add_effect", "clip_id": "$4", "effect_type": "volume",
         "parameters": {"gain_db": -12}},
        {"op": "update_project", "name": "Cut"},
    ]  # fmt: skip
    response = await client.post(
        f"{API}/{pid}/edits", json={"expected_version": 1, "operations": operations}
    )
    assert response.status_code == 200, response.text
    result = response.json()
    created = result["created_ids"]
    assert created[0] and created[1] and created[2] and created[3] and created[4]
    assert created[5] is None and created[6] is None
    shown = result["project"]
    assert shown["version"] == 2 and shown["name"] == "Cut"
    assert shown["transitions"][0]["from_clip_id"] == created[0]
    assert shown["duration_frames"] == 120
    listed = await history(client, pid)
    assert listed["total"] == 2 and listed["versions"][0]["summary"].startswith("7 edits: ")
    undone = (await client.post(f"{API}/{pid}/undo")).json()
    assert undone["clips"] == [] and len(undone["tracks"]) == 1 and undone["name"] == "Film"


async def test_a_batch_failing_midway_changes_nothing(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    clip = await add_clip(client, pid, videos["a.mp4"], 0, 30)
    before = await project(client, pid)
    before_history = await history(client, pid)
    cases = [
        ({"op": "update_clip", "clip_id": clip["id"], "out_point": 61}, "operations[3].out_point"),
        ({"op": "remove_clip", "clip_id": "e" * 32}, "operations[3].clip_id"),
        ({"op": "add_effect", "clip_id": clip["id"], "effect_type": "text_overlay",
          "parameters": {"text": "x", "font_size": 1}}, "operations[3].parameters.font_size"),
        ({"op": "add_transition", "from_clip_id": "$9", "to_clip_id": "$1", "duration": 2},
         "operations[3].from_clip_id"),
    ]  # fmt: skip
    for failing, field in cases:
        operations = [
            {"op": "add_clip", "source_video_id": videos["b.mp4"], "in_point": 0, "out_point": 30},
            {"op": "update_project", "name": "Changed"},
            {"op": "add_track"},
            failing,
        ]
        response = await client.post(f"{API}/{pid}/edits", json={"operations": operations})
        assert response.status_code == 422, response.text
        assert response.json()["detail"]["field"] == field
        assert await project(client, pid) == before
        assert await history(client, pid) == before_history
    stale = await client.post(
        f"{API}/{pid}/edits",
        json={"expected_version": 1, "operations": [{"op": "update_project", "name": "n"}]},
    )
    assert stale.status_code == 412 and stale.json()["detail"]["current_version"] == 2
    empty = await client.post(f"{API}/{pid}/edits", json={"operations": []})
    assert empty.status_code == 422
    unknown_op = await client.post(f"{API}/{pid}/edits", json={"operations": [{"op": "explode"}]})
    assert unknown_op.status_code == 422
    main_track = before["tracks"][0]["id"]
    conflict = await client.post(
        f"{API}/{pid}/edits",
        json={"operations": [{"op": "add_track"}, {"op": "remove_track", "track_id": main_track}]},
    )
    assert conflict.status_code == 409 and "operations[1]" in conflict.json()["detail"]["message"]
    assert await project(client, pid) == before


async def test_concurrent_changes_each_get_their_own_version(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    await add_clip(client, pid, videos["a.mp4"], 0, 30)

    async def rename(n: int) -> httpx.Response:
        return await client.patch(f"{API}/{pid}", json={"name": f"Take {n}"})

    answers = await asyncio.gather(*(rename(n) for n in range(8)))
    assert [a.status_code for a in answers] == [200] * 8
    assert sorted(a.json()["version"] for a in answers) == list(range(3, 11))
    listed = await history(client, pid)
    assert listed["total"] == 10 and listed["version"] == 10
    # Every version is the one before it plus exactly one rename.
    names = {a.json()["version"]: a.json()["name"] for a in answers}
    assert (await project(client, pid))["name"] == names[10]
