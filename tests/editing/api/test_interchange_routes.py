"""Export and import over HTTP: round trips in every format, unknown media, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.editing.api.conftest import add_clip, new_project, project, scan
from tests.support.media import make_audio_only

API = "/api/v1/projects"
FORMATS = ("otio", "edl", "fcpxml")
SUFFIXES = {"otio": "otio", "edl": "edl", "fcpxml": "xml"}
BODY_TYPES = {"otio": "application/json", "edl": "text/plain", "fcpxml": "application/xml"}


async def build(client: httpx.AsyncClient, videos: dict[str, str]) -> dict[str, Any]:
    """Three main-track clips (a blur on the second), a fade and a wipe, a music track."""
    pid = (await new_project(client, name="Round trip"))["id"]
    first = await add_clip(client, pid, videos["a.mp4"], 5, 35)
    second = await add_clip(client, pid, videos["long.mp4"], 10, 70)
    third = await add_clip(client, pid, videos["b.mp4"], 0, 20)
    effect = {"effect_type": "blur", "parameters": {"sigma": 3}}
    added = await client.post(f"{API}/{pid}/clips/{second['id']}/effects", json=effect)
    assert added.status_code == 201, added.text
    for body in (
        {"from_clip_id": first["id"], "to_clip_id": second["id"], "duration": 10},
        {
            "from_clip_id": second["id"],
            "to_clip_id": third["id"],
            "duration": 4,
            "transition": "wipeleft",
            "audio_curve": "qsin",
        },
    ):
        response = await client.post(f"{API}/{pid}/transitions", json=body)
        assert response.status_code == 201, response.text
    track = await client.post(f"{API}/{pid}/tracks", json={"name": "Music", "volume_db": -6})
    assert track.status_code == 201, track.text
    await add_clip(client, pid, videos["b.mp4"], 0, 40, track_id=track.json()["id"])
    return await project(client, pid)


def shape(data: dict[str, Any], *, everything: bool) -> dict[str, Any]:
    """A project's timeline with ids replaced by places, to compare two projects."""
    track_place = {track["id"]: place for place, track in enumerate(data["tracks"])}
    clip_place = {clip["id"]: place for place, clip in enumerate(data["clips"])}
    keys = ["source_video_id", "in_point", "out_point", "index", "timeline_position", "duration"]
    clips = []
    for clip in data["clips"]:
        if not everything and track_place[clip["track_id"]] != 0:
            continue
        row = {key: clip[key] for key in keys} | {"track": track_place[clip["track_id"]]}
        if everything:
            row["effects"] = [(e["effect_type"], e["parameters"]) for e in clip["effects"]]
        clips.append(row)
    transitions = sorted(
        (clip_place[t["from_clip_id"]], clip_place[t["to_clip_id"]], t["duration"])
        + ((t["transition"], t["audio_curve"]) if everything else ())
        for t in data["transitions"]
    )
    tracks = [
        (t["kind"], t["name"], t["volume_db"], t["muted"]) if everything else t["kind"]
        for t in data["tracks"]
    ]
    result: dict[str, Any] = {"clips": clips, "transitions": transitions}
    if everything:
        result |= {"tracks": tracks, "duration_frames": data["duration_frames"]}
    return result


async def timeline_shape(client: httpx.AsyncClient, pid: str) -> list[list[tuple[int, int]]]:
    """Where each clip of each track plays in the output (ids left out)."""
    response = await client.get(f"{API}/{pid}/timeline")
    assert response.status_code == 200
    return [
        [(c["start_frame"], c["end_frame"]) for c in track["clips"]]
        for track in response.json()["tracks"]
    ]


async def export(client: httpx.AsyncClient, pid: str, format: str) -> dict[str, Any]:
    response = await client.get(f"{API}/{pid}/export", params={"format": format})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def import_file(
    client: httpx.AsyncClient, content: str | bytes, format: str = "otio", **params: Any
) -> httpx.Response:
    return await client.post(
        f"{API}/import",
        params={"format": format, **params},
        content=content,
        headers={"Content-Type": BODY_TYPES[format]},
    )


@pytest.mark.parametrize("format", FORMATS)
async def test_export_then_import_gives_back_the_timeline(
    client: httpx.AsyncClient, videos: dict[str, str], format: str
) -> None:
    original = await build(client, videos)
    exported = await export(client, original["id"], format)
    assert exported["format"] == format
    assert exported["filename"] == f"Round_trip.{SUFFIXES[format]}"
    imported = await import_file(client, exported["content"], format)
    assert imported.status_code == 201, imported.text
    answer = imported.json()
    new = answer["project"]
    assert new["id"] != original["id"]
    assert imported.headers["Location"] == f"{API}/{new['id']}"
    assert imported.headers["ETag"] == '"1"'
    assert new == await project(client, new["id"])
    everything = format == "otio"
    # Clips (media, in/out, order, places) and transitions always come back; OTIO JSON
    # also keeps effects, transition kinds, the audio track and its clip.
    assert shape(new, everything=everything) == shape(original, everything=everything)
    main_track = (await timeline_shape(client, original["id"]))[0]
    assert (await timeline_shape(client, new["id"]))[0] == main_track
    if everything:
        assert exported["not_carried"] == [] and answer["warnings"] == []
        assert await timeline_shape(client, new["id"]) == await timeline_shape(
            client, original["id"]
        )
    else:
        # What the format lost is listed by field, never silently dropped.
        blur = f"clips[{original['clips'][1]['id']}].effects[0] (blur)"
        assert blur in exported["not_carried"]
        assert any("wipeleft" in line for line in exported["not_carried"])
    history = (await client.get(f"{API}/{new['id']}/history")).json()
    assert history["versions"][0]["summary"] == f"Import project 'Round trip' ({format})"


async def test_export_lists_what_an_edl_cannot_carry(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    original = await build(client, videos)
    exported = await export(client, original["id"], "edl")
    assert exported["media_type"] == "text/plain"
    assert exported["content"].startswith("TITLE: Round trip")
    music = original["tracks"][1]["id"]
    assert f"tracks[{music}] (audio track 'Music')" in exported["not_carried"]
    default = await client.get(f"{API}/{original['id']}/export")
    assert default.status_code == 200 and default.json()["format"] == "otio"


async def test_unknown_media_are_422_naming_every_one(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    original = await build(client, videos)
    document = json.loads((await export(client, original["id"], "otio"))["content"])
    ours = {clip["source_video_id"] for clip in original["clips"]}
    text = json.dumps(document)
    for number, video_id in enumerate(sorted(ours)):
        # Neither our id nor the file's path is in the library any more.
        text = text.replace(video_id, f"{number:032x}")
    for name in ("a.mp4", "b.mp4", "long.mp4"):
        text = text.replace(f"/{name}", f"/gone-{name}")
    before = (await client.get(API)).json()["total"]
    response = await import_file(client, text)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail["code"] == "UNKNOWN_MEDIA"
    assert len(detail["missing"]) == 3
    # The message is capped (long URLs); ``missing`` names every one in full.
    assert "3 media are not library files" in detail["message"]
    assert "gone-a.mp4" in detail["message"]
    for name in ("gone-a.mp4", "gone-b.mp4", "gone-long.mp4"):
        assert any(missing.endswith(f"/media/{name}") for missing in detail["missing"])
    assert (await client.get(API)).json()["total"] == before


async def test_media_are_found_by_path_when_the_ids_are_not_ours(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    original = await build(client, videos)
    text = (await export(client, original["id"], "otio"))["content"]
    for video_id in {clip["source_video_id"] for clip in original["clips"]}:
        text = text.replace(video_id, "f" * 32)
    response = await import_file(client, text)
    assert response.status_code == 201, response.text
    new = response.json()["project"]
    assert shape(new, everything=True) == shape(original, everything=True)


@pytest.mark.parametrize(
    ("params", "field"),
    [({"format": "aaf"}, "format"), ({"format": "OTIO"}, "format"), ({"fps": 0}, "fps")],
)
async def test_bad_format_or_rate_is_422_naming_it(
    client: httpx.AsyncClient, videos: dict[str, str], params: dict[str, Any], field: str
) -> None:
    original = await build(client, videos)
    exported = await client.get(f"{API}/{original['id']}/export", params=params)
    imported = await client.post(f"{API}/import", params=params, content=b"{}")
    for response in (exported, imported) if field == "format" else (imported,):
        assert response.status_code == 422, response.text
        detail = response.json()["detail"]
        assert detail["code"] == "VALIDATION_ERROR"
        assert field in json.dumps(detail)


@pytest.mark.parametrize(
    ("format", "body", "field"),
    [
        ("otio", b"not json", "body"),
        ("otio", b'{"OTIO_SCHEMA": "Clip.2"}', "OTIO_SCHEMA"),
        ("otio", b"[" * 100 + b"]" * 100, "body"),
        ("otio", b"\xff\xfe", "body"),
        ("edl", b"\xff", "body"),
        ("fcpxml", b"<xmeml><broken", "body"),
    ],
)
async def test_unreadable_files_are_422_and_store_nothing(
    client: httpx.AsyncClient, format: str, body: bytes, field: str
) -> None:
    response = await import_file(client, body, format)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail["code"] == "VALIDATION_ERROR" and detail["field"] == field
    assert (await client.get(API)).json()["total"] == 0


async def test_unknown_project_export_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{API}/{'0' * 32}/export")
    assert response.status_code == 404
    assert response.json()["detail"]["code"] == "NOT_FOUND"


async def test_an_edl_dissolve_keeps_each_side_s_media(
    client: httpx.AsyncClient, videos: dict[str, str]
) -> None:
    """The EDL adapter gives a dissolve's incoming clip the outgoing one's media."""
    original = await build(client, videos)
    edl = (await export(client, original["id"], "edl"))["content"]
    response = await import_file(client, edl, "edl", fps=30)
    assert response.status_code == 201, response.text
    sources = [clip["source_video_id"] for clip in response.json()["project"]["clips"]]
    assert sources == [videos["a.mp4"], videos["long.mp4"], videos["b.mp4"]]


async def test_a_missing_source_is_refused_like_a_new_clip(
    client: httpx.AsyncClient, videos: dict[str, str], media_root: Path
) -> None:
    original = await build(client, videos)
    text = (await export(client, original["id"], "otio"))["content"]
    (media_root / "b.mp4").unlink()
    await scan(client, media_root)
    response = await import_file(client, text)
    assert response.status_code == 409, response.text
    detail = response.json()["detail"]
    assert detail["code"] == "SOURCE_MISSING" and videos["b.mp4"] in detail["message"]


async def test_a_sound_file_cannot_be_imported_onto_the_main_track(
    client: httpx.AsyncClient, videos: dict[str, str], media_root: Path
) -> None:
    original = await build(client, videos)
    text = (await export(client, original["id"], "otio"))["content"]
    make_audio_only(media_root / "song.wav", duration_s=3.0)
    song = (await scan(client, media_root))["song.wav"]
    # The first clip now names the sound file, by its library id and by its path.
    text = text.replace(videos["a.mp4"], song).replace(
        (media_root / "a.mp4").as_uri(), (media_root / "song.wav").as_uri()
    )
    response = await import_file(client, text)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail["field"] == "media" and "song.wav" in detail["message"]
    assert "no picture" in detail["message"]
