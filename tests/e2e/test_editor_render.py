"""The editor's panels in a real browser: effects, a crossfade, renders and the player.

One user's session on one server, in file order: a project with two clips of a
scanned library (made over the HTTP API here; the GUI flow that builds one is
``test_editor.py``'s), a text overlay whose parameter error is fixed after the
server's message appears at the field, a crossfade, a render watched to the end, a
second render cancelled while it runs, and the finished file played in the page's
``<video>`` element, whose duration must be the project's. Each test gets the
earlier steps' results from fixtures that do them over the API when needed, so
any test also runs on its own (``-k``).

Screenshots for the manual are written to ``docs/images/editor-*.png``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import BrowserErrors, screenshot
from tests.support.media import make_clip

pytestmark = pytest.mark.e2e

FPS = 30
CLIP_SECONDS = 4.0
CROSSFADE_FRAMES = 15
RENDER_TIMEOUT_MS = 120_000


def wait_for_job(api: httpx.Client, job_id: str) -> dict[str, Any]:
    response = api.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 120}, timeout=130)
    response.raise_for_status()
    job: dict[str, Any] = response.json()
    assert job["status"] in {"complete", "cancelled", "failed", "timeout"}, job
    return job


def get_project(api: httpx.Client, project_id: str) -> dict[str, Any]:
    response = api.get(f"/api/v1/projects/{project_id}")
    response.raise_for_status()
    project: dict[str, Any] = response.json()
    return project


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two real clips with sound, made by ffmpeg from lavfi sources."""
    root = tmp_path_factory.mktemp("editor-media")
    make_clip(root / "harbour.mp4", duration_s=CLIP_SECONDS, size=(640, 360), rate=str(FPS))
    make_clip(root / "lighthouse.mp4", duration_s=CLIP_SECONDS, size=(640, 360), rate=str(FPS))
    return root


@pytest.fixture(scope="module")
def library(api: httpx.Client, media: Path) -> list[dict[str, Any]]:
    """The two clips, scanned into the library."""
    response = api.post("/api/v1/videos/scan", json={"path": str(media)})
    assert response.status_code == 202, response.text
    assert wait_for_job(api, response.json()["job_id"])["status"] == "complete"
    videos = [
        video
        for video in api.get("/api/v1/videos", params={"limit": 100}).json()["videos"]
        if video["path"].startswith(str(media))
    ]
    assert sorted(video["filename"] for video in videos) == ["harbour.mp4", "lighthouse.mp4"]
    return sorted(videos, key=lambda video: str(video["filename"]))


@pytest.fixture(scope="module")
def project(api: httpx.Client, library: list[dict[str, Any]]) -> dict[str, Any]:
    """A 1080p project with both clips on the main track (three seconds of each)."""
    response = api.post(
        "/api/v1/projects",
        json={
            "name": "Harbour walk",
            "output_width": 1920,
            "output_height": 1080,
            "output_fps": FPS,
        },
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    for video in library:
        clip = {"source_video_id": video["id"], "in_point": 0, "out_point": 3 * FPS}
        added = api.post(f"/api/v1/projects/{created['id']}/clips", json=clip)
        assert added.status_code == 201, added.text
    return get_project(api, created["id"])


def open_editor(page: Page, server: str, project_id: str) -> None:
    page.goto(f"{server}/gui/projects/{project_id}")
    expect(page.get_by_test_id("timeline-clip")).to_have_count(2)


def select_first_clip(page: Page) -> None:
    page.get_by_test_id("timeline-clip").first.get_by_role("button").first.click()
    expect(page.get_by_test_id("timeline-clip").first).to_have_attribute("data-selected", "true")


def effects_panel(page: Page) -> Locator:
    return page.get_by_role("region", name="Effects")


@pytest.fixture(scope="module")
def with_overlay(api: httpx.Client, project: dict[str, Any]) -> dict[str, Any]:
    """The project once the first clip has its text overlay (added by the GUI test, or here)."""
    current = get_project(api, project["id"])
    first = current["clips"][0]
    if not first["effects"]:
        body = {"effect_type": "text_overlay", "parameters": {"text": "Harbour", "font_size": 64}}
        added = api.post(f"/api/v1/projects/{project['id']}/clips/{first['id']}/effects", json=body)
        assert added.status_code == 201, added.text
    return get_project(api, project["id"])


@pytest.fixture(scope="module")
def with_crossfade(api: httpx.Client, with_overlay: dict[str, Any]) -> dict[str, Any]:
    """The project once its two clips are joined by a crossfade (by the GUI test, or here)."""
    current = get_project(api, with_overlay["id"])
    if not current["transitions"]:
        first, second = current["clips"][0], current["clips"][1]
        body = {
            "from_clip_id": first["id"],
            "to_clip_id": second["id"],
            "transition": "fade",
            "duration": CROSSFADE_FRAMES,
        }
        added = api.post(f"/api/v1/projects/{current['id']}/transitions", json=body)
        assert added.status_code == 201, added.text
    return get_project(api, current["id"])


def test_text_overlay_with_a_parameter_error_fixed_at_the_field(
    page: Page,
    server: str,
    api: httpx.Client,
    project: dict[str, Any],
    browser_errors: BrowserErrors,
) -> None:
    # The refused filter preview is provoked on purpose; chromium logs its 422.
    browser_errors.allow_failed_request(422, "/api/v1/effects/preview")
    open_editor(page, server, project["id"])
    select_first_clip(page)
    panel = effects_panel(page)
    expect(panel.get_by_text("No effects on this clip yet.")).to_be_visible()
    panel.get_by_role("button", name="Text overlay").click()

    editor = panel.get_by_role("form", name="Edit Text overlay")
    text = editor.get_by_test_id("field-text").get_by_label("Text *")
    text.fill("Harbour at dawn")
    expect(editor.get_by_test_id("filter-string")).to_contain_text("Harbour at dawn")

    # A font size over the schema's maximum: the server's message appears at the field.
    size_field = editor.get_by_test_id("field-font_size")
    size = size_field.get_by_role("spinbutton", name="Font size")
    size.fill("999")
    alert = size_field.get_by_role("alert")
    expect(alert).to_contain_text("400")
    expect(size).to_have_attribute("aria-invalid", "true")
    alert.scroll_into_view_if_needed()
    screenshot(page, "editor-effects-error")

    size.fill("72")
    expect(alert).to_have_count(0)
    expect(editor.get_by_test_id("filter-string")).to_contain_text("fontsize=72")
    preview = editor.get_by_test_id("effect-preview-image")
    # Loaded, not broken: a failed picture would have no pixels (and be replaced by a note).
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=preview.element_handle()
    )
    preview.scroll_into_view_if_needed()
    screenshot(page, "editor-effects")
    editor.get_by_role("button", name="Add effect").click()

    stack = panel.get_by_role("list", name="Effect stack")
    expect(stack.get_by_test_id("stack-item")).to_have_count(1)
    expect(stack).to_contain_text("Text overlay")
    # The timeline names the clip's effects too.
    expect(page.get_by_test_id("timeline-clip").first.get_by_test_id("clip-effects")).to_have_text(
        "Text overlay"
    )
    effects = get_project(api, project["id"])["clips"][0]["effects"]
    assert [(e["effect_type"], e["parameters"]["font_size"]) for e in effects] == [
        ("text_overlay", 72)
    ]
    assert effects[0]["parameters"]["text"] == "Harbour at dawn"


def test_crossfade_between_the_two_clips(
    page: Page, server: str, api: httpx.Client, with_overlay: dict[str, Any]
) -> None:
    before = get_project(api, with_overlay["id"])
    assert not before["transitions"]
    open_editor(page, server, with_overlay["id"])
    pair = page.get_by_role("listitem", name="Clip 1 → Clip 2")
    pair.get_by_label("Transition").select_option("fade")
    pair.get_by_label("Duration (frames)").fill(str(CROSSFADE_FRAMES))
    pair.get_by_role("button", name="Add transition").click()

    expect(pair.get_by_test_id("transition-current")).to_contain_text(
        f"fade · {CROSSFADE_FRAMES} frames"
    )
    mark = page.get_by_test_id("timeline-transition")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text("fade")
    after = get_project(api, with_overlay["id"])
    assert [(t["transition"], t["duration"]) for t in after["transitions"]] == [
        ("fade", CROSSFADE_FRAMES)
    ]
    assert after["duration_frames"] == before["duration_frames"] - CROSSFADE_FRAMES
    screenshot(page, "editor-transition")

    # A reload shows what the server kept: the overlay on the first clip and the crossfade.
    page.reload()
    expect(page.get_by_test_id("project-version")).to_have_text(f"v{after['version']}")
    first = page.get_by_test_id("timeline-clip").first
    expect(first.get_by_test_id("clip-effects")).to_have_text("Text overlay")
    expect(page.get_by_test_id("timeline-transition")).to_have_text("fade")
    expect(pair.get_by_test_id("transition-current")).to_contain_text(
        f"fade · {CROSSFADE_FRAMES} frames"
    )


def start_render(page: Page, preset: str) -> str:
    """Start a render from the dialog; the id of the new job that shows in the editor."""
    known = set(
        page.get_by_test_id("render-job").evaluate_all("els => els.map(e => e.dataset.jobId)")
    )
    page.get_by_role("button", name="Render…").click()
    dialog = page.get_by_role("dialog", name="Render project")
    expect(dialog.get_by_label("Container")).to_have_value("mp4")
    expect(dialog.get_by_label("Video codec")).to_have_value("libx264")
    dialog.get_by_label("Quality").select_option(label="High (CRF 20)")
    expect(dialog.get_by_label("CRF")).to_have_value("20")
    dialog.get_by_label("Encoder speed (x264 preset)").select_option(preset)
    if preset == "medium":
        screenshot(page, "editor-render-dialog")
    dialog.get_by_role("button", name="Start render").click()
    expect(dialog).to_have_count(0)
    page.get_by_role("region", name="Renders").scroll_into_view_if_needed()
    newest = page.get_by_test_id("render-job").first
    expect(newest).not_to_have_attribute("data-job-id", "")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        job_id = newest.get_attribute("data-job-id")
        if job_id and job_id not in known:
            return job_id
        time.sleep(0.1)
    raise AssertionError("the new render job did not show in the editor")


@pytest.fixture(scope="module")
def finished_render(api: httpx.Client, with_crossfade: dict[str, Any]) -> str:
    """The id of a completed render of the project (the GUI test's, or one made here)."""
    jobs = api.get("/api/v1/jobs", params={"job_type": "render", "status": "complete"}).json()
    for job in jobs["jobs"]:
        if job["payload"].get("project_id") == with_crossfade["id"]:
            return str(job["job_id"])
    response = api.post(
        f"/api/v1/projects/{with_crossfade['id']}/render", json={"preset": "ultrafast"}
    )
    assert response.status_code == 202, response.text
    job_id = str(response.json()["job_id"])
    assert wait_for_job(api, job_id)["status"] == "complete"
    return job_id


def test_render_shows_progress_then_the_file(
    page: Page, server: str, api: httpx.Client, with_crossfade: dict[str, Any]
) -> None:
    open_editor(page, server, with_crossfade["id"])
    job_id = start_render(page, "medium")
    job = page.locator(f'[data-testid="render-job"][data-job-id="{job_id}"]')

    # Watch it run: the bar moves and ffmpeg's fps / speed / ETA show while it does.
    seen: set[int] = set()
    stats_seen = False
    deadline = time.monotonic() + RENDER_TIMEOUT_MS / 1000
    while time.monotonic() < deadline and job.get_attribute("data-status") != "complete":
        bar = job.get_by_role("progressbar")
        if bar.count():
            value = bar.get_attribute("aria-valuenow")
            if value is not None:
                seen.add(int(value))
            if not stats_seen and job.get_by_test_id("render-fps").count():
                stats_seen = job.get_by_test_id("render-speed").count() > 0
                screenshot(page, "editor-render-progress")
        assert job.get_attribute("data-status") in {"pending", "running", "complete"}, (
            job.inner_text()
        )
        time.sleep(0.1)
    expect(job).to_have_attribute("data-status", "complete", timeout=RENDER_TIMEOUT_MS)
    assert any(0 < value < 100 for value in seen), f"no progress seen between 0 and 100: {seen}"
    assert stats_seen, "fps and speed never showed while the render ran"
    expect(job.get_by_role("link", name=f"Download Harbour_walk-{job_id}.mp4")).to_have_attribute(
        "href", f"/api/v1/renders/{job_id}/file"
    )
    result = api.get(f"/api/v1/jobs/{job_id}").json()["result"]
    assert result["verification"]["ok"] is True


def test_second_render_is_cancelled(
    page: Page,
    server: str,
    api: httpx.Client,
    with_crossfade: dict[str, Any],
    browser_errors: BrowserErrors,
) -> None:
    open_editor(page, server, with_crossfade["id"])
    job_id = start_render(page, "veryslow")
    job = page.locator(f'[data-testid="render-job"][data-job-id="{job_id}"]')
    expect(job.get_by_test_id("render-fps")).to_be_visible(timeout=RENDER_TIMEOUT_MS)
    expect(job.get_by_test_id("render-speed")).to_be_visible()
    expect(job.get_by_test_id("render-eta")).to_be_visible(timeout=30_000)

    # The Jobs page (another tab) shows the same running render with its figures and Cancel.
    jobs_tab = page.context.new_page()
    jobs_tab.on("console", browser_errors.on_console)
    jobs_tab.on("pageerror", browser_errors.on_page_error)
    try:
        jobs_tab.goto(f"{server}/gui/jobs")
        row = jobs_tab.locator(f'[data-testid="job-row"][data-job-id="{job_id}"]')
        expect(row).to_have_attribute("data-status", "running")
        expect(row.get_by_role("progressbar")).to_be_visible()
        for figure in ("job-fps", "job-speed", "job-eta"):
            expect(row.get_by_test_id(figure)).to_be_visible()
        expect(row.get_by_role("button", name="Cancel")).to_be_enabled()
        screenshot(jobs_tab, "editor-render-on-jobs-page")
    finally:
        jobs_tab.close()

    job.get_by_role("button", name="Cancel render").click()
    expect(job).to_have_attribute("data-status", "cancelled", timeout=30_000)
    expect(job.get_by_test_id("render-player")).to_have_count(0)
    screenshot(page, "editor-render-cancelled")
    assert wait_for_job(api, job_id)["status"] == "cancelled"
    assert api.get(f"/api/v1/renders/{job_id}/file").status_code == 404


def test_finished_render_plays_in_the_page_with_the_project_duration(
    page: Page,
    server: str,
    api: httpx.Client,
    with_crossfade: dict[str, Any],
    finished_render: str,
    browser_errors: BrowserErrors,
) -> None:
    project = get_project(api, with_crossfade["id"])
    open_editor(page, server, project["id"])
    job = page.locator(f'[data-testid="render-job"][data-job-id="{finished_render}"]')
    player = job.get_by_test_id("render-player")
    expect(player).to_have_attribute("src", f"/api/v1/renders/{finished_render}/file")
    player.scroll_into_view_if_needed()
    page.wait_for_function(
        "el => el.readyState >= 1 && Number.isFinite(el.duration)", arg=player.element_handle()
    )
    duration = float(player.evaluate("el => el.duration"))
    # Within one frame of the project (plus the audio encoder's last packet).
    assert abs(duration - project["duration_s"]) <= 1 / FPS + 0.05, (
        duration,
        project["duration_s"],
    )

    player.evaluate("el => { el.muted = true; return el.play(); }")
    page.wait_for_function(
        "el => el.currentTime > 0.5", arg=player.element_handle(), timeout=15_000
    )
    player.evaluate("el => el.pause()")
    screenshot(page, "editor-render")

    # The Jobs page lists the renders too.
    page.goto(f"{server}/gui/jobs")
    row = page.locator(f'[data-testid="job-row"][data-job-id="{finished_render}"]')
    expect(row).to_have_attribute("data-status", "complete")
    expect(row.get_by_test_id("job-download")).to_have_attribute(
        "href", f"/api/v1/renders/{finished_render}/file"
    )
    browser_errors.check()


@pytest.fixture(autouse=True)
def _no_leftover_renders(api: httpx.Client) -> Iterator[None]:
    """A test that fails mid-render must not leave a job running into the next one."""
    yield
    running = api.get("/api/v1/jobs", params={"job_type": "render", "status": "running"}).json()
    for job in running["jobs"]:
        api.post(f"/api/v1/jobs/{job['job_id']}/cancel")
