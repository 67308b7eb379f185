"""Projects end to end: create, add clips, the derived timeline."""

from __future__ import annotations

import httpx

from tests.editing.api.conftest import add_clip, new_project, project


async def test_two_clips_play_one_after_the_other(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    created = await new_project(client)
    assert created["version"] == 1
    assert [t["name"] for t in created["tracks"]] == ["V1"]
    first = await add_clip(client, created["id"], videos["a.mp4"], 0, 30)
    second = await add_clip(client, created["id"], videos["b.mp4"], 10, 40)
    assert second["timeline_position"] == 30
    assert second["timeline_position_s"] == 1.0
    timeline = (await client.get(f"/api/v1/projects/{created['id']}/timeline")).json()
    assert timeline["duration_frames"] == 60
    main = timeline["tracks"][0]
    assert [(c["clip_id"], c["start_frame"], c["end_frame"]) for c in main["clips"]] == [
        (first["id"], 0, 30),
        (second["id"], 30, 60),
    ]
    shown = await project(client, created["id"])
    assert shown["version"] == 3
    assert [c["id"] for c in shown["clips"]] == [first["id"], second["id"]]
