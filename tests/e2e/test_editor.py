"""The project editor in a real browser against a real server and real media.

One user's session, in file order: create a project from the Projects page, add two
clips from a scanned library, trim one, move the playhead and watch the frame preview
follow, undo and redo, reload and find it all kept; then another client changes the
project over the HTTP API while the editor is open, and the editor shows it within
2 s without losing the selection. Screenshots for the manual go to
``docs/images/editor-*.png``. Every page fails its test on a console error.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import screenshot
from tests.support.media import make_audio_only, make_clip

pytestmark = pytest.mark.e2e

FPS = 30
#: Library files (name -> seconds). Each is a ``testsrc2`` clip, so every frame differs.
CLIPS = {"sunrise_harbour.mp4": 2.0, "market_street.mp4": 3.0}
SONG = "theme_tune.m4a"
LIVE_DEADLINE_MS = 2_000


@pytest.fixture(scope="module")
def library(api: httpx.Client, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The editor's media, scanned into the server's library: file name -> video id."""
    root = tmp_path_factory.mktemp("editor-media")
    for name, seconds in CLIPS.items():
        make_clip(root / name, duration_s=seconds)
    make_audio_only(root / SONG, duration_s=4.0)
    response = api.post("/api/v1/videos/scan", json={"path": str(root)})
    assert response.status_code == 202, response.text
    job = api.get(f"/api/v1/jobs/{response.json()['job_id']}/wait", params={"timeout": 60}).json()
    assert job["status"] == "complete", job
    videos = api.get("/api/v1/videos", params={"limit": 100}).json()["videos"]
    ids = {video["filename"]: video["id"] for video in videos}
    assert set(CLIPS) | {SONG} <= set(ids), ids
    return ids


def project_of(api: httpx.Client, project_id: str) -> dict[str, Any]:
    response = api.get(f"/api/v1/projects/{project_id}")
    response.raise_for_status()
    project: dict[str, Any] = response.json()
    return project


def project_id_from(page: Page) -> str:
    match = re.search(r"/gui/projects/([0-9a-f]{32})$", page.url)
    assert match, page.url
    return match.group(1)


def expect_version(page: Page, version: int) -> None:
    expect(page.get_by_test_id("project-version")).to_have_text(f"v{version}")


def add_clip(page: Page, search: str, shot: str | None = None) -> None:
    page.get_by_role("button", name="Add clip").click()
    dialog = page.get_by_role("dialog", name="Add a clip")
    dialog.get_by_role("searchbox", name="Search library").fill(search)
    result = dialog.get_by_test_id("picker-video")
    expect(result).to_have_count(1)
    result.click()
    expect(dialog.get_by_label("Out")).not_to_have_value("00:00:00:00")
    if shot:
        screenshot(page, shot)
    dialog.get_by_role("button", name="Add to timeline").click()
    expect(page.get_by_role("dialog")).to_have_count(0)


def drag(page: Page, target: Locator, from_x: float, to_x: float, pause: Any = None) -> None:
    """Press on ``target`` at ``from_x`` (px from its left), move to ``to_x``, release.

    ``pause(page)`` runs while the button is still down, at the halfway point.
    """
    box = target.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + from_x, y)
    page.mouse.down()
    halfway = box["x"] + (from_x + to_x) / 2
    page.mouse.move(halfway, y, steps=4)
    if pause is not None:
        pause(page)
    page.mouse.move(box["x"] + to_x, y, steps=4)
    page.mouse.up()


def preview(page: Page) -> Locator:
    return page.get_by_test_id("frame-preview")


def settled_preview(page: Page, frame: int, version: int) -> bytes:
    """The preview's pixels once it shows ``frame`` of ``version``."""
    image = preview(page)
    expect(image).to_have_attribute("data-frame", str(frame), timeout=20_000)
    expect(image).to_have_attribute("data-version", str(version), timeout=20_000)
    expect(page.get_by_label("Frame preview").locator("[aria-busy]")).to_have_attribute(
        "aria-busy", "false", timeout=20_000
    )
    return image.screenshot(animations="disabled")


def test_edit_a_project_from_create_to_reload(
    page: Page, server: str, api: httpx.Client, library: dict[str, str]
) -> None:
    page.goto(f"{server}/gui/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Projects").click()
    expect(page.get_by_role("heading", name="Projects")).to_be_visible()

    page.get_by_role("button", name="New project").click()
    dialog = page.get_by_role("dialog", name="New project")
    dialog.get_by_label("Name").fill("Harbour morning")
    dialog.get_by_label("Output size").select_option(value="720p")
    dialog.get_by_label("Frame rate").fill(str(FPS))
    screenshot(page, "editor-create-project")
    dialog.get_by_role("button", name="Create project").click()
    expect(page).to_have_url(re.compile(r"/gui/projects/[0-9a-f]{32}$"))
    project_id = project_id_from(page)
    expect(page.get_by_role("heading", name="Harbour morning")).to_be_visible()
    expect_version(page, 1)
    expect(page.get_by_text("Add a clip to see the preview.")).to_be_visible()

    # Two clips from the library, appended to the main track in that order.
    add_clip(page, "sunrise", shot="editor-add-clip")
    expect_version(page, 2)
    add_clip(page, "market")
    expect_version(page, 3)
    clips = page.get_by_test_id("timeline-track").first.get_by_test_id("timeline-clip")
    expect(clips).to_have_count(2)
    expect(clips.get_by_test_id("clip-filename")).to_have_text(list(CLIPS))
    expect(clips.get_by_test_id("clip-in")).to_have_text(["00:00:00:00", "00:00:00:00"])
    expect(clips.get_by_test_id("clip-out")).to_have_text(["00:00:02:00", "00:00:03:00"])
    for n in range(2):  # each source's thumbnail, loaded (not a broken image)
        thumb = clips.nth(n).locator("img")
        expect(thumb).to_have_attribute(
            "src", re.compile(r"^/api/v1/videos/[0-9a-f]{32}/thumbnail")
        )
        page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=thumb.element_handle())
    first_frame = settled_preview(page, 0, 3)
    screenshot(page, "editor-two-clips")

    # Trim the first clip from the inspector: it now starts 15 frames in.
    clips.first.get_by_role("button").click()
    inspector = page.get_by_test_id("clip-inspector")
    inspector.get_by_label("In").fill("00:00:00:15")
    inspector.get_by_role("button", name="Trim").click()
    expect_version(page, 4)
    expect(clips.first.get_by_test_id("clip-in")).to_have_text("00:00:00:15")
    stored = project_of(api, project_id)
    assert [clip["in_point"] for clip in stored["clips"]] == [15, 0]
    assert stored["duration_frames"] == 2 * FPS - 15 + 3 * FPS
    # The output's first frame is now the source's frame 15.
    trimmed_frame = settled_preview(page, 0, 4)
    assert trimmed_frame != first_frame
    screenshot(page, "editor-trimmed")

    # The playhead: one frame by keyboard, then a second forward, then a click on the ruler.
    page.get_by_role("heading", name="Harbour morning").click()
    page.keyboard.press("l")
    expect(page.get_by_role("slider", name="Playhead")).to_have_attribute("aria-valuenow", "1")
    page.keyboard.press("Shift+ArrowRight")
    expect(page.get_by_role("slider", name="Playhead")).to_have_attribute("aria-valuenow", "31")
    later_frame = settled_preview(page, 31, 4)
    assert later_frame != trimmed_frame
    ruler = page.get_by_role("slider", name="Playhead")
    box = ruler.bounding_box()
    assert box is not None
    ruler.click(position={"x": box["width"] * 0.8, "y": box["height"] / 2})
    clicked = int(ruler.get_attribute("aria-valuenow") or "0")
    assert clicked > 31
    assert settled_preview(page, clicked, 4) != later_frame
    expect(page.get_by_test_id("playhead-timecode")).to_have_text(
        f"00:00:{clicked // FPS:02d}:{clicked % FPS:02d}"
    )
    screenshot(page, "editor-playhead")

    # Dragging along the ruler moves the playhead with the pointer (and the preview follows).
    frames = int(ruler.get_attribute("aria-valuemax") or "0") + 1
    halfway: list[int] = []
    drag(
        page,
        ruler,
        box["width"] * 0.2,
        box["width"] * 0.6,
        pause=lambda _page: halfway.append(int(ruler.get_attribute("aria-valuenow") or "-1")),
    )
    dragged = int(ruler.get_attribute("aria-valuenow") or "0")
    assert abs(halfway[0] - frames * 0.4) <= 2, (halfway, frames)
    assert abs(dragged - frames * 0.6) <= 2, (dragged, frames)
    assert settled_preview(page, dragged, 4) != later_frame

    # Undo (button) puts the trim back; redo (Shift+Ctrl+Z) makes it again.
    page.get_by_role("button", name="Undo").click()
    expect_version(page, 5)
    expect(clips.first.get_by_test_id("clip-in")).to_have_text("00:00:00:00")
    assert [clip["in_point"] for clip in project_of(api, project_id)["clips"]] == [0, 0]
    page.keyboard.press("Control+Shift+Z")
    expect_version(page, 6)
    expect(clips.first.get_by_test_id("clip-in")).to_have_text("00:00:00:15")
    screenshot(page, "editor-redo")

    # A reload shows what the server kept.
    page.reload()
    expect_version(page, 6)
    expect(clips).to_have_count(2)
    expect(clips.get_by_test_id("clip-in")).to_have_text(["00:00:00:15", "00:00:00:00"])
    expect(clips.get_by_test_id("clip-filename")).to_have_text(list(CLIPS))
    settled_preview(page, 0, 6)
    screenshot(page, "editor-reloaded")

    # Reorder by drag and drop: the second clip dropped on the first takes its place.
    clips.nth(1).drag_to(clips.nth(0))
    expect_version(page, 7)
    expect(clips.get_by_test_id("clip-filename")).to_have_text(list(reversed(CLIPS)))
    page.keyboard.press("Control+z")
    expect_version(page, 8)
    expect(clips.get_by_test_id("clip-filename")).to_have_text(list(CLIPS))

    # Trim by dragging the second clip's right edge to the left: a shorter out point.
    edge = clips.nth(1).get_by_test_id("clip-edge-out")
    edge_box = edge.bounding_box()
    clip_box = clips.nth(1).bounding_box()
    assert edge_box is not None and clip_box is not None
    px_per_frame = clip_box["width"] / (3 * FPS)
    drag(page, edge, edge_box["width"] / 2, edge_box["width"] / 2 - 30 * px_per_frame)
    expect_version(page, 9)
    out_point = project_of(api, project_id)["clips"][1]["out_point"]
    assert abs(out_point - (3 * FPS - 30)) <= 2, out_point
    expect(clips.nth(1).get_by_test_id("clip-out")).to_have_text(
        f"00:00:{out_point // FPS:02d}:{out_point % FPS:02d}"
    )
    screenshot(page, "editor-edge-trim")
    page.keyboard.press("Control+z")
    expect_version(page, 10)
    expect(clips.nth(1).get_by_test_id("clip-out")).to_have_text("00:00:03:00")

    # The Projects page lists it with its settings and new length (5.5 s → 0:05 or 0:06).
    page.get_by_role("link", name="← Projects").click()
    row = page.get_by_test_id("project-row").filter(has_text="Harbour morning")
    expect(row).to_contain_text("1280\N{MULTIPLICATION SIGN}720")
    expect(row.get_by_test_id("project-duration")).to_have_text(re.compile(r"^0:0[56]$"))
    screenshot(page, "editor-projects")


@pytest.fixture
def open_project(api: httpx.Client, library: dict[str, str]) -> Iterator[str]:
    """A project with two clips and a song on an audio track, made over the API."""
    response = api.post("/api/v1/projects", json={"name": "Live edits", "output_fps": FPS})
    assert response.status_code == 201, response.text
    project_id = response.json()["id"]
    clips = [
        {"op": "add_clip", "source_video_id": library[name], "in_point": 0, "out_point": FPS}
        for name in CLIPS
    ]
    batch = api.post(
        f"/api/v1/projects/{project_id}/edits",
        json={"operations": [*clips, {"op": "add_track", "name": "Music"}]},
    )
    assert batch.status_code == 200, batch.text
    track_id = batch.json()["created_ids"][-1]
    song = api.post(
        f"/api/v1/projects/{project_id}/clips",
        json={
            "source_video_id": library[SONG],
            "in_point": 0,
            "out_point": 2 * FPS,
            "track_id": track_id,
            "timeline_position": 10,
        },
    )
    assert song.status_code == 201, song.text
    yield project_id
    api.delete(f"/api/v1/projects/{project_id}")


def test_a_change_over_the_api_shows_in_the_open_editor(
    page: Page, server: str, api: httpx.Client, open_project: str, library: dict[str, str]
) -> None:
    page.goto(f"{server}/gui/projects/{open_project}")
    expect(page.get_by_test_id("connection-state")).to_have_attribute("data-state", "open")
    main_clips = page.get_by_test_id("timeline-track").first.get_by_test_id("timeline-clip")
    expect(main_clips).to_have_count(2)
    audio = page.locator('[data-testid="timeline-track"][data-kind="audio"]')
    expect(audio.get_by_test_id("timeline-clip")).to_have_count(1)
    expect(audio.get_by_test_id("clip-filename")).to_have_text(SONG)
    # The audio clip shows its source's waveform picture (loaded, not a broken image) and
    # sits at its position: 10 frames, a third of a 30-frame main clip's width.
    waveform = audio.get_by_test_id("timeline-clip").locator("img")
    expect(waveform).to_have_attribute("src", f"/api/v1/videos/{library[SONG]}/thumbnail")
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=waveform.element_handle()
    )
    lane_left = audio.get_by_role("list").bounding_box()
    song_box = audio.get_by_test_id("timeline-clip").bounding_box()
    first_box = main_clips.nth(0).bounding_box()
    assert lane_left is not None and song_box is not None and first_box is not None
    px_per_frame = first_box["width"] / FPS
    assert abs((song_box["x"] - lane_left["x"]) / px_per_frame - 10) < 1, (song_box, lane_left)
    assert abs(song_box["width"] / px_per_frame - 2 * FPS) < 1, song_box
    main_clips.nth(1).get_by_role("button").click()
    expect(main_clips.nth(1)).to_have_attribute("data-selected", "true")

    project = project_of(api, open_project)
    second = project["clips"][1]
    started = time.monotonic()
    response = api.patch(
        f"/api/v1/projects/{open_project}/clips/{second['id']}",
        json={"out_point": 20},
        headers={"If-Match": str(project["version"])},
    )
    assert response.status_code == 200, response.text
    expect(main_clips.nth(1).get_by_test_id("clip-out")).to_have_text(
        "00:00:00:20", timeout=LIVE_DEADLINE_MS
    )
    assert time.monotonic() - started < LIVE_DEADLINE_MS / 1000
    expect_version(page, project["version"] + 1)
    # The user's selection survived the refresh.
    expect(main_clips.nth(1)).to_have_attribute("data-selected", "true")
    expect(page.get_by_test_id("clip-inspector").get_by_label("Out")).to_have_value("00:00:00:20")
    settled_preview(page, 0, project["version"] + 1)
    screenshot(page, "editor-live-update")


def test_delete_a_project_after_confirming(page: Page, server: str, api: httpx.Client) -> None:
    created = api.post("/api/v1/projects", json={"name": "Throwaway cut"})
    assert created.status_code == 201, created.text
    page.goto(f"{server}/gui/projects")
    row = page.get_by_test_id("project-row").filter(has_text="Throwaway cut")
    row.get_by_role("button", name="Delete Throwaway cut").click()
    dialog = page.get_by_role("dialog", name="Delete project")
    expect(dialog).to_contain_text("Throwaway cut")
    screenshot(page, "editor-delete-project")
    dialog.get_by_role("button", name="Cancel").click()
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Delete Throwaway cut").click()
    page.get_by_role("dialog", name="Delete project").get_by_role(
        "button", name="Delete project"
    ).click()
    expect(row).to_have_count(0)
    assert api.get(f"/api/v1/projects/{created.json()['id']}").status_code == 404
