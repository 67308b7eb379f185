"""The GUI in a real browser against a real server: scan, browse, search, abort, jobs.

The tests follow one user's session on one server, in file order: the library
starts empty, a small folder is scanned from the GUI, a large scan is aborted
halfway, then the Jobs page and the Dashboard show what happened. Each test that
needs an earlier step's result gets it from a fixture that does that step through
the API when it has not happened yet, so any test also runs on its own (``-k``).

Screenshots for the docs are written to ``docs/images/`` on the way.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from stoat_ferret.api.headers import GUI_CONTENT_SECURITY_POLICY
from tests.e2e.conftest import LARGE_COUNT, BrowserErrors, Corpus, screenshot

pytestmark = pytest.mark.e2e

SCAN_TIMEOUT_MS = 60_000
VISIBLE_THUMBNAILS_LOADED = """() =>
  [...document.querySelectorAll('[data-testid="video-card"] img')]
    .filter((img) => {
      const box = img.getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    })
    .every((img) => img.complete)"""


def videos_total(api: httpx.Client) -> int:
    response = api.get("/api/v1/videos", params={"limit": 1})
    response.raise_for_status()
    return int(response.json()["total"])


def scan_jobs(api: httpx.Client, status: str) -> list[dict[str, Any]]:
    response = api.get("/api/v1/jobs", params={"status": status, "job_type": "scan"})
    response.raise_for_status()
    return list(response.json()["jobs"])


def wait_for_job(api: httpx.Client, job_id: str) -> dict[str, Any]:
    response = api.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 60})
    response.raise_for_status()
    job: dict[str, Any] = response.json()
    assert job["status"] in {"complete", "cancelled", "failed", "timeout"}, job
    return job


@pytest.fixture(scope="module")
def small_library(api: httpx.Client, small_corpus: Corpus) -> int:
    """The small corpus is in the library (scanned by the first test, or here)."""
    if not scan_jobs(api, "complete"):
        response = api.post("/api/v1/videos/scan", json={"path": str(small_corpus.root)})
        assert response.status_code == 202, response.text
        assert wait_for_job(api, response.json()["job_id"])["status"] == "complete"
    assert videos_total(api) >= small_corpus.good
    return small_corpus.good


@pytest.fixture(scope="module")
def cancelled_scan(api: httpx.Client, small_library: int, large_corpus: Corpus) -> str:
    """The id of a scan cancelled halfway (by the abort test, or here through the API)."""
    if not scan_jobs(api, "cancelled"):
        response = api.post("/api/v1/videos/scan", json={"path": str(large_corpus.root)})
        assert response.status_code == 202, response.text
        job_id = response.json()["job_id"]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            detail = api.get(f"/api/v1/jobs/{job_id}").json().get("progress_detail") or {}
            if detail.get("processed", 0) > 0:
                break
            time.sleep(0.05)
        assert api.post(f"/api/v1/jobs/{job_id}/cancel").status_code == 202
        assert wait_for_job(api, job_id)["status"] == "cancelled"
    return str(scan_jobs(api, "cancelled")[0]["job_id"])


def open_scan_dialog(page: Page) -> Locator:
    page.get_by_role("button", name="Scan directory").click()
    dialog = page.get_by_role("dialog", name="Scan directory")
    expect(dialog).to_be_visible()
    return dialog


def start_scan(dialog: Locator, folder: Path) -> None:
    dialog.get_by_label("Folder path").fill(str(folder))
    dialog.get_by_role("button", name="Start scan").click()


def close_dialog(page: Page, dialog: Locator) -> None:
    dialog.get_by_role("button", name="Close", exact=True).click()
    expect(page.get_by_role("dialog")).to_have_count(0)


def expect_thumbnail_loaded(card: Locator) -> None:
    image = card.locator("img")
    # Thumbnails load lazily: bring each card into view so the browser fetches it.
    image.scroll_into_view_if_needed()
    expect(image).to_have_js_property("complete", True)
    width = image.evaluate("(img) => img.naturalWidth")
    assert width > 0, f"thumbnail of {card.get_attribute('data-video-id')} did not load"


def test_scan_a_folder_from_the_empty_library(
    page: Page,
    server: str,
    api: httpx.Client,
    small_corpus: Corpus,
    browser_errors: BrowserErrors,
    tmp_path: Path,
) -> None:
    page.goto(f"{server}/gui/")
    expect(page.get_by_test_id("library-empty")).to_contain_text("No videos yet — scan a folder")
    dialog = open_scan_dialog(page)

    # A folder that does not exist: the server's 400 shows under the field.
    browser_errors.allow_failed_request(400, "/api/v1/videos/scan")
    missing = tmp_path / "no such folder"
    start_scan(dialog, missing)
    error = dialog.get_by_test_id("scan-path-error")
    expect(error).to_be_visible()
    expect(error).to_have_attribute("role", "alert")
    expect(error).to_contain_text("does not exist")
    expect(dialog.get_by_label("Folder path")).to_have_attribute("aria-invalid", "true")

    start_scan(dialog, small_corpus.root)
    result = dialog.get_by_test_id("scan-result")
    expect(result).to_have_attribute("data-state", "complete", timeout=SCAN_TIMEOUT_MS)
    expect(result.get_by_role("heading", name="Scan complete")).to_be_visible()
    expect(dialog.get_by_test_id("count-new")).to_have_text(str(small_corpus.good))
    expect(dialog.get_by_test_id("count-errors")).to_have_text(str(small_corpus.bad))
    expect(dialog.get_by_test_id("scan-errors")).to_contain_text("broken_recording.avi")
    close_dialog(page, dialog)

    cards = page.get_by_test_id("video-card")
    expect(cards).to_have_count(small_corpus.good)
    expect(page.get_by_test_id("library-range")).to_contain_text(f"of {small_corpus.good}")
    for card in cards.all():
        expect_thumbnail_loaded(card)
        # A real frame from the clip, not the grey placeholder the server falls back to.
        thumbnail = api.get(f"/api/v1/videos/{card.get_attribute('data-video-id')}/thumbnail")
        assert thumbnail.status_code == 200
        assert "x-placeholder" not in thumbnail.headers
    assert videos_total(api) == small_corpus.good

    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(VISIBLE_THUMBNAILS_LOADED)
    screenshot(page, "library")


def test_search_narrows_the_grid(page: Page, server: str, small_library: int) -> None:
    page.goto(f"{server}/gui/")
    cards = page.get_by_test_id("video-card")
    expect(cards).to_have_count(small_library)

    search = page.get_by_role("searchbox", name="Search videos")
    search.fill("river")
    expect(page.get_by_test_id("video-filename")).to_have_text(
        ["river_bend.mkv", "river_delta.mov"]
    )

    search.fill("nothing-is-called-this")
    expect(page.get_by_test_id("search-empty")).to_be_visible()
    expect(cards).to_have_count(0)

    search.fill("")
    expect(cards).to_have_count(small_library)


def test_abort_a_large_scan_keeps_partial_results(
    page: Page, server: str, api: httpx.Client, small_library: int, large_corpus: Corpus
) -> None:
    assert not scan_jobs(api, "cancelled"), "this test expects the large folder not scanned yet"
    before = videos_total(api)
    page.goto(f"{server}/gui/")
    expect(page.get_by_test_id("video-card")).to_have_count(before)

    dialog = open_scan_dialog(page)
    start_scan(dialog, large_corpus.root)
    expect(dialog.get_by_test_id("scan-running")).to_be_visible()
    expect(dialog.get_by_test_id("scan-progress-text")).to_have_text(
        re.compile(rf"^[1-9]\d* / {LARGE_COUNT}$"), timeout=30_000
    )
    progress = dialog.get_by_role("progressbar", name="Scan progress")
    expect(progress).to_have_attribute("aria-valuemin", "0")
    expect(progress).to_have_attribute("aria-valuemax", "100")
    expect(dialog.get_by_test_id("scan-percent")).to_have_text(re.compile(r"^\d+%$"))
    # Cards of just-scanned videos appear live; let their thumbnails arrive first.
    page.wait_for_function(VISIBLE_THUMBNAILS_LOADED)
    screenshot(page, "scan-modal-running")

    abort = dialog.get_by_role("button", name="Abort scan")
    expect(abort).to_be_enabled()
    abort.click()
    result = dialog.get_by_test_id("scan-result")
    expect(result).to_have_attribute("data-state", "cancelled", timeout=SCAN_TIMEOUT_MS)
    expect(result).to_contain_text("partial results kept")
    kept = int(dialog.get_by_test_id("count-new").inner_text())
    scanned = int(dialog.get_by_test_id("count-scanned").inner_text())
    errors = int(dialog.get_by_test_id("count-errors").inner_text())
    job = scan_jobs(api, "cancelled")[0]
    assert 0 < kept < LARGE_COUNT, f"expected an abort halfway, {kept} kept; the job: {job}"
    # Every file the scan got through before the abort is kept (or reported unreadable).
    assert kept + errors == scanned, f"probed files were lost on cancel; the job: {job}"
    close_dialog(page, dialog)

    # What the page's own session reads from the API, what the GUI shows, and what
    # the scan reported all agree; nothing more is written after the cancel.
    answer = page.request.get(f"{server}/api/v1/videos", params={"limit": 1})
    assert answer.ok
    stored = int(answer.json()["total"])
    assert stored == small_library + kept == before + kept
    expect(page.get_by_test_id("library-range")).to_contain_text(f"of {stored}")
    # Nothing can write any more: the job is over (its writer is joined before the
    # job ends) and no other scan is queued or running. No sleep-and-recount needed.
    assert scan_jobs(api, "pending") == [] and scan_jobs(api, "running") == []
    assert videos_total(api) == stored


def test_jobs_page_shows_the_finished_scans(
    page: Page, server: str, api: httpx.Client, cancelled_scan: str
) -> None:
    complete = scan_jobs(api, "complete")
    assert complete
    # A deep link: the server answers index.html and the GUI's router shows the page.
    page.goto(f"{server}/gui/jobs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jobs")

    for job_id, status in [(cancelled_scan, "cancelled"), (complete[0]["job_id"], "complete")]:
        row = page.locator(f'[data-testid="job-row"][data-job-id="{job_id}"]')
        expect(row).to_have_attribute("data-status", status)
        expect(row.get_by_test_id("status-badge")).to_have_attribute("data-status", status)
        expect(row.get_by_role("button", name="Cancel")).to_have_count(0)
    expect(page.get_by_test_id("connection-state")).to_have_attribute("data-state", "open")
    screenshot(page, "jobs")


def test_dashboard_shows_health_and_counts(
    page: Page, server: str, api: httpx.Client, small_library: int
) -> None:
    page.goto(f"{server}/gui/dashboard")
    expect(page.get_by_test_id("health-status")).to_have_text("ok")
    expect(page.get_by_test_id("health-database")).to_have_attribute("data-status", "ok")
    expect(page.get_by_test_id("health-ffmpeg")).to_have_attribute("data-status", "ok")
    expect(page.get_by_test_id("video-count")).to_have_text(str(videos_total(api)))
    expect(page.get_by_test_id("duration-chart")).to_be_visible()
    screenshot(page, "dashboard")


def test_every_page_runs_under_the_content_security_policy(
    page: Page, server: str, small_library: int
) -> None:
    # Chromium reports each blocked script, style, image or socket as a console error,
    # which fails the test; the listener below catches any report the console misses.
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));"
    )
    for path, heading in [("/gui/", "Library"), ("/gui/jobs", "Jobs"), ("/gui/dashboard", None)]:
        response = page.goto(f"{server}{path}")
        assert response is not None
        assert response.headers["content-security-policy"] == GUI_CONTENT_SECURITY_POLICY
        if heading is not None:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        else:
            expect(page.get_by_test_id("duration-chart")).to_be_visible()
        # The live socket (connect-src) and the thumbnails (img-src) work under the policy.
        expect(page.get_by_test_id("connection-state")).to_have_attribute("data-state", "open")
        if path == "/gui/":
            expect_thumbnail_loaded(page.get_by_test_id("video-card").first)
        assert page.evaluate("window.__cspViolations") == []
