"""Every project route and every validation rule of SPEC §9, on real media."""

from __future__ import annotations

import httpx
import pytest

from tests.editing.api.conftest import add_clip, new_project, project

# The project repository on both databases: every route test runs on each.
pytestmark = pytest.mark.both_databases

API = "/api/v1/projects"


def detail(response: httpx.Response) -> dict[str, object]:
    return dict(response.json()["detail"])


async def test_create_defaults_list_newest_first_and_get(client: httpx.AsyncClient) -> None:
    first = await new_project(client, name="One")
    assert (first["output_width"], first["output_height"], first["output_fps"]) == (1920, 1080, 30)
    assert first["sample_rate"] == 48000 and first["duration_frames"] == 0
    assert first["tracks"][0]["kind"] == "video" and first["tracks"][0]["main"] is True
    second = await new_project(client, name="Two", output_fps=25, sample_rate=44100)
    listed = (await client.get(API, params={"limit": 1})).json()
    assert listed["total"] == 2 and [p["id"] for p in listed["projects"]] == [second["id"]]
    page_two = (await client.get(API, params={"limit": 1, "offset": 1})).json()
    assert [p["name"] for p in page_two["projects"]] == ["One"]
    got = await client.get(f"{API}/{first['id']}")
    assert got.headers["ETag"] == '"1"' and got.json() == first


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "x", "output_width": 1921}, "output_width"),
        ({"name": "x", "output_height": 8}, "output_height"),
        ({"name": "x", "output_fps": 121}, "output_fps"),
        ({"name": "x", "sample_rate": 32000}, "sample_rate"),
    ],
)
async def test_create_refuses_out_of_bounds(
    client: httpx.AsyncClient, body: dict[str, object], field: str
) -> None:
    response = await client.post(API, json=body)
    assert response.status_code == 422
    assert field in str(detail(response)["message"])
    assert (await client.get(API)).json()["total"] == 0


async def test_unknown_project_is_404(client: httpx.AsyncClient) -> None:
    missing = "0" * 32
    for method, path in [
        ("GET", ""),
        ("PATCH", ""),
        ("DELETE", ""),
        ("GET", "/timeline"),
        ("GET", "/history"),
        ("GET", "/clips"),
        ("POST", "/undo"),
    ]:
        body = {} if method in {"PATCH"} else None
        response = await client.request(method, f"{API}/{missing}{path}", json=body)
        assert response.status_code == 404, (method, path, response.text)
        assert detail(response)["code"] == "NOT_FOUND"


async def test_patch_and_delete_project(client: httpx.AsyncClient) -> None:
    created = await new_project(client)
    response = await client.patch(f"{API}/{created['id']}", json={"name": "Renamed"})
    assert response.status_code == 200 and response.json()["name"] == "Renamed"
    assert response.json()["version"] == 2 and response.headers["ETag"] == '"2"'
    assert (await client.delete(f"{API}/{created['id']}")).status_code == 204
    assert (await client.get(f"{API}/{created['id']}")).status_code == 404


async def test_frame_rate_cannot_change_under_clips(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    created = await new_project(client)
    await add_clip(client, created["id"], videos["a.mp4"], 0, 30)
    response = await client.patch(f"{API}/{created['id']}", json={"output_fps": 25})
    assert response.status_code == 422
    assert detail(response)["field"] == "output_fps"
    assert (await project(client, created["id"]))["version"] == 2


async def test_clip_bounds_are_the_source_duration_in_project_frames(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    created = await new_project(client)
    pid = created["id"]
    clips = f"{API}/{pid}/clips"
    # a.mp4 lasts 2 s: 60 frames at 30 fps; at 25 fps it would be 50.
    ok = await add_clip(client, pid, videos["a.mp4"], 0, 60)
    assert ok["source_frames"] == 60 and ok["duration_s"] == 2.0
    for body, field in [
        ({"in_point": 0, "out_point": 61}, "out_point"),
        ({"in_point": 30, "out_point": 30}, "out_point"),
        ({"in_point": 60, "out_point": 61}, "in_point"),
    ]:
        response = await client.post(clips, json={"source_video_id": videos["a.mp4"], **body})
        assert response.status_code == 422, response.text
        assert detail(response)["field"] == field
    unknown = await client.post(
        clips, json={"source_video_id": "f" * 32, "in_point": 0, "out_point": 1}
    )
    assert unknown.status_code == 422 and detail(unknown)["field"] == "source_video_id"
    assert (await project(client, pid))["version"] == 2


async def test_main_track_is_magnetic_index_moves_and_ripples(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    a = await add_clip(client, pid, videos["a.mp4"], 0, 30)
    b = await add_clip(client, pid, videos["b.mp4"], 0, 20)
    c = await add_clip(client, pid, videos["long.mp4"], 0, 10, index=0)
    order = [clip["id"] for clip in (await project(client, pid))["clips"]]
    assert order == [c["id"], a["id"], b["id"]]
    moved = await client.patch(f"{API}/{pid}/clips/{c['id']}", json={"index": 2})
    assert moved.status_code == 200 and moved.json()["timeline_position"] == 50
    trimmed = await client.patch(f"{API}/{pid}/clips/{a['id']}", json={"out_point": 15})
    assert trimmed.json()["duration"] == 15
    shown = await project(client, pid)
    assert [(x["id"], x["timeline_position"]) for x in shown["clips"]] == [
        (a["id"], 0),
        (b["id"], 15),
        (c["id"], 35),
    ]
    position = await client.patch(f"{API}/{pid}/clips/{a['id']}", json={"timeline_position": 5})
    assert position.status_code == 422 and detail(position)["field"] == "timeline_position"
    bad_index = await client.patch(f"{API}/{pid}/clips/{a['id']}", json={"index": 3})
    assert bad_index.status_code == 422 and detail(bad_index)["field"] == "index"
    assert (await client.delete(f"{API}/{pid}/clips/{a['id']}")).status_code == 204
    after = await project(client, pid)
    assert [(x["id"], x["timeline_position"]) for x in after["clips"]] == [
        (b["id"], 0),
        (c["id"], 20),
    ]
    gone = await client.patch(f"{API}/{pid}/clips/{a['id']}", json={"index": 0})
    assert gone.status_code == 404


async def test_audio_tracks_positions_gaps_no_overlap(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    track = await client.post(f"{API}/{pid}/tracks", json={"volume_db": -6})
    assert track.status_code == 201
    track_out = track.json()
    assert track_out["kind"] == "audio" and track_out["name"] == "A1"
    assert track_out["volume_db"] == -6 and track_out["main"] is False
    tid = track_out["id"]
    first = await add_clip(client, pid, videos["a.mp4"], 0, 30, track_id=tid, timeline_position=90)
    assert first["timeline_position"] == 90 and first["index"] is None
    appended = await add_clip(client, pid, videos["b.mp4"], 0, 10, track_id=tid)
    assert appended["timeline_position"] == 120
    overlap = await client.post(
        f"{API}/{pid}/clips",
        json={
            "source_video_id": videos["b.mp4"],
            "in_point": 0,
            "out_point": 20,
            "track_id": tid,
            "timeline_position": 100,
        },
    )
    assert overlap.status_code == 422 and "timeline_position" in str(detail(overlap)["field"])
    index_on_audio = await client.post(
        f"{API}/{pid}/clips",
        json={"source_video_id": videos["b.mp4"], "in_point": 0, "out_point": 5,
              "track_id": tid, "index": 0},
    )  # fmt: skip
    assert index_on_audio.status_code == 422 and detail(index_on_audio)["field"] == "index"
    timeline = (await client.get(f"{API}/{pid}/timeline")).json()
    assert timeline["duration_frames"] == 130 and timeline["duration_s"] == 130 / 30
    assert timeline["tracks"][1]["kind"] == "audio"
    renamed = await client.patch(f"{API}/{pid}/tracks/{tid}", json={"name": "Music", "muted": True})
    assert renamed.json()["name"] == "Music" and renamed.json()["muted"] is True
    loud = await client.patch(f"{API}/{pid}/tracks/{tid}", json={"volume_db": 13})
    assert loud.status_code == 422
    main_id = (await project(client, pid))["tracks"][0]["id"]
    main_delete = await client.delete(f"{API}/{pid}/tracks/{main_id}")
    assert main_delete.status_code == 409 and detail(main_delete)["code"] == "MAIN_TRACK_REQUIRED"
    assert (await client.delete(f"{API}/{pid}/tracks/{tid}")).status_code == 204
    after = await project(client, pid)
    assert len(after["tracks"]) == 1 and after["clips"] == []


async def test_effects_validated_by_schema_and_track_kind(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    clip = await add_clip(client, pid, videos["a.mp4"], 0, 60)
    effects = f"{API}/{pid}/clips/{clip['id']}/effects"
    added = await client.post(
        effects, json={"effect_type": "text_overlay", "parameters": {"text": "Hi", "font_size": 40}}
    )
    assert added.status_code == 201, added.text
    assert added.json()["index"] == 0 and added.json()["parameters"]["text"] == "Hi"
    too_big = await client.post(
        effects, json={"effect_type": "text_overlay", "parameters": {"text": "x", "font_size": 999}}
    )
    assert too_big.status_code == 422
    assert detail(too_big)["field"] == "parameters.font_size"
    unknown = await client.post(effects, json={"effect_type": "sparkle", "parameters": {}})
    assert unknown.status_code == 422 and detail(unknown)["field"] == "effect_type"
    speed = await client.post(effects, json={"effect_type": "speed", "parameters": {"factor": 2}})
    assert speed.status_code == 201
    # A speed effect changes the clip's length on the timeline: ceil(60 / 2).
    assert (await project(client, pid))["clips"][0]["duration"] == 30
    changed = await client.patch(f"{effects}/1", json={"parameters": {"factor": 4}})
    assert changed.status_code == 200 and changed.json()["parameters"] == {"factor": 4}
    assert (await project(client, pid))["clips"][0]["duration"] == 15
    assert (await client.patch(f"{effects}/5", json={"parameters": {}})).status_code == 404
    assert (await client.delete(f"{effects}/0")).status_code == 204
    left = (await project(client, pid))["clips"][0]["effects"]
    assert [(e["index"], e["effect_type"]) for e in left] == [(0, "speed")]
    track = (await client.post(f"{API}/{pid}/tracks", json={})).json()
    audio_clip = await add_clip(client, pid, videos["b.mp4"], 0, 30, track_id=track["id"])
    wrong_kind = await client.post(
        f"{API}/{pid}/clips/{audio_clip['id']}/effects",
        json={"effect_type": "blur", "parameters": {"sigma": 2}},
    )
    assert wrong_kind.status_code == 422 and detail(wrong_kind)["field"] == "effect_type"


async def test_transitions_overlap_and_ripple(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    a = await add_clip(client, pid, videos["a.mp4"], 0, 60)
    b = await add_clip(client, pid, videos["b.mp4"], 0, 60)
    c = await add_clip(client, pid, videos["long.mp4"], 0, 60)
    url = f"{API}/{pid}/transitions"
    made = await client.post(
        url, json={"from_clip_id": a["id"], "to_clip_id": b["id"], "duration": 15}
    )
    assert made.status_code == 201, made.text
    transition = made.json()
    assert transition["transition"] == "fade" and transition["audio_curve"] == "tri"
    assert transition["duration_s"] == 0.5
    timeline = (await client.get(f"{API}/{pid}/timeline")).json()
    assert timeline["duration_frames"] == 180 - 15
    assert timeline["transitions"][0]["start_frame"] == 45
    assert timeline["transitions"][0]["end_frame"] == 60
    assert [x["timeline_position"] for x in (await project(client, pid))["clips"]] == [0, 45, 105]
    for body, field in [
        ({"from_clip_id": a["id"], "to_clip_id": c["id"], "duration": 5}, "to_clip_id"),
        ({"from_clip_id": b["id"], "to_clip_id": c["id"], "duration": 5, "transition": "nope"},
         "transition"),
        ({"from_clip_id": b["id"], "to_clip_id": c["id"], "duration": 60}, "duration"),
        ({"from_clip_id": a["id"], "to_clip_id": b["id"], "duration": 5}, "from_clip_id"),
    ]:  # fmt: skip
        refused = await client.post(url, json=body)
        assert refused.status_code == 422, refused.text
        assert detail(refused)["field"] == field
    # A trim that would leave the transition longer than the clip is refused.
    trim = await client.patch(f"{API}/{pid}/clips/{b['id']}", json={"out_point": 10})
    assert trim.status_code == 422 and "duration" in str(detail(trim)["field"])
    assert (await client.delete(f"{url}/{transition['id']}")).status_code == 204
    assert (await client.get(f"{API}/{pid}/timeline")).json()["duration_frames"] == 180
    assert (await client.delete(f"{url}/{transition['id']}")).status_code == 404


async def test_removing_a_clip_takes_its_transitions(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    a = await add_clip(client, pid, videos["a.mp4"], 0, 60)
    b = await add_clip(client, pid, videos["b.mp4"], 0, 60)
    await client.post(
        f"{API}/{pid}/transitions",
        json={
            "from_clip_id": a["id"],
            "to_clip_id": b["id"],
            "duration": 10,
            "transition": "wipeleft",
        },
    )
    assert (await client.delete(f"{API}/{pid}/clips/{b['id']}")).status_code == 204
    shown = await project(client, pid)
    assert shown["transitions"] == [] and shown["duration_frames"] == 60


async def test_clip_list_in_timeline_order(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    pid = (await new_project(client))["id"]
    tid = (await client.post(f"{API}/{pid}/tracks", json={"name": "Music"})).json()["id"]
    late = await add_clip(client, pid, videos["a.mp4"], 0, 10, track_id=tid, timeline_position=50)
    early = await add_clip(client, pid, videos["b.mp4"], 0, 10, track_id=tid, timeline_position=0)
    main = await add_clip(client, pid, videos["long.mp4"], 0, 10)
    listed = (await client.get(f"{API}/{pid}/clips")).json()["clips"]
    assert [c["id"] for c in listed] == [main["id"], early["id"], late["id"]]
    assert all(c["source_missing"] is False for c in listed)
