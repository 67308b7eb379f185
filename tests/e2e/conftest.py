"""Browser end-to-end fixtures: the built GUI, a real server process, real chromium.

Nothing here is faked: the GUI is the production build, the server is
``uv run stoat-ferret serve`` in its own process with its own data folder, the
videos are real files made by ffmpeg, and the browser is Debian's chromium driven by
Playwright (Playwright's own browser download is not used).

Every page a test opens records browser console errors and uncaught page errors;
the test fails if any occurred, except the "Failed to load resource" line the
browser prints for an HTTP error the test provokes on purpose
(:meth:`BrowserErrors.allow_failed_request`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    ViewportSize,
    sync_playwright,
)

from tests.support.media import make_clip
from tests.support.processes import REPO_ROOT, free_port, server_process

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
GUI = REPO_ROOT / "gui"
SCREENSHOTS = REPO_ROOT / "docs" / "images"

#: Good clips in the small corpus (relative path -> template kind). Two names share
#: "river" so a search can be seen to narrow the grid to more than one card.
SMALL_CLIPS = {
    "beach_day.mp4": "mp4",
    "city_walk.webm": "webm",
    "mountain_trail.mkv": "mkv",
    "holiday clip.mov": "mov",
    "Grüße aus Köln.mp4": "mp4",
    "part1/forest_run.webm": "webm",
    "part1/deep/river_bend.mkv": "mkv",
    "part2/river_delta.mov": "mov",
}
SMALL_BAD = {"broken_recording.avi": "This is not a video file, only text with a video name.\n"}
LARGE_COUNT = 320


@dataclass(frozen=True)
class Corpus:
    root: Path
    good: int
    bad: int

    @property
    def total(self) -> int:
        return self.good + self.bad


def _gui_build_is_stale() -> bool:
    """Same rule as ``scripts/lib/bootstrap.sh``: no build, or sources newer than it."""
    index = GUI / "dist" / "index.html"
    if not index.is_file():
        return True
    built = index.stat().st_mtime
    sources = [GUI / "index.html", GUI / "package-lock.json", GUI / "vite.config.ts"]
    sources += [path for path in (GUI / "src").rglob("*") if path.is_file()]
    return any(path.stat().st_mtime > built for path in sources if path.exists())


@pytest.fixture(scope="session")
def gui_build() -> Path:
    """The production GUI build the server hosts; (re)built when missing or stale."""
    if _gui_build_is_stale():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to build the GUI for the browser tests")
        installed = GUI / "node_modules" / ".package-lock.json"
        if not installed.is_file() or (GUI / "package-lock.json").stat().st_mtime > (
            installed.stat().st_mtime
        ):
            subprocess.run([npm, "--prefix", str(GUI), "ci"], check=True, timeout=600)
        subprocess.run([npm, "--prefix", str(GUI), "run", "build"], check=True, timeout=600)
    return GUI / "dist"


@pytest.fixture(scope="session")
def clip_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Four distinct real clips; corpora are copies of these, so they build fast."""
    folder = tmp_path_factory.mktemp("templates")
    return {
        "mp4": make_clip(folder / "a.mp4", duration_s=1.0),
        "webm": make_clip(folder / "b.webm", duration_s=1.0, size=(160, 120)),
        "mkv": make_clip(folder / "c.mkv", duration_s=2.0, rate="25"),
        "mov": make_clip(folder / "d.mov", duration_s=1.0, rate="30000/1001", acodec=None),
    }


@pytest.fixture(scope="session")
def small_corpus(
    tmp_path_factory: pytest.TempPathFactory, clip_templates: dict[str, Path]
) -> Corpus:
    root = tmp_path_factory.mktemp("small")
    for name, kind in SMALL_CLIPS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(clip_templates[kind], root / name)
    for name, text in SMALL_BAD.items():
        (root / name).write_text(text)
    return Corpus(root, good=len(SMALL_CLIPS), bad=len(SMALL_BAD))


@pytest.fixture(scope="session")
def large_corpus(
    tmp_path_factory: pytest.TempPathFactory, clip_templates: dict[str, Path]
) -> Corpus:
    root = tmp_path_factory.mktemp("large")
    kinds = sorted(clip_templates)
    for n in range(LARGE_COUNT):
        kind = kinds[n % len(kinds)]
        dest = root / f"batch{n % 4}" / f"take_{n:04d}.{kind}"
        dest.parent.mkdir(exist_ok=True)
        shutil.copyfile(clip_templates[kind], dest)
    return Corpus(root, good=LARGE_COUNT, bad=0)


@pytest.fixture(scope="module")
def server(gui_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``stoat-ferret serve`` on a free loopback port with an empty library.

    The ffprobe backend (a subprocess per file, ~50 ms) with two at a time makes a
    320-file scan last several seconds, long enough to abort it halfway.
    """
    data_dir = tmp_path_factory.mktemp("server-data")
    port = free_port()
    argv = ["uv", "run", "stoat-ferret", "serve", "--port", str(port), "--data-dir", str(data_dir)]
    env = {"STOAT_SCAN_CONCURRENCY": "2", "STOAT_PROBE_BACKEND": "ffprobe"}
    with pytest.MonkeyPatch.context() as patch:
        # A developer's own settings must not leak in: the GUI under test has no token,
        # and every corpus lives under the pytest temporary folder.
        for name in ("STOAT_API_TOKEN", "STOAT_ALLOWED_SCAN_ROOTS", "STOAT_HOST"):
            patch.delenv(name, raising=False)
        with server_process(argv, port, env) as (url, _process):
            yield url


@pytest.fixture(scope="module")
def api(server: str) -> Iterator[httpx.Client]:
    """A plain HTTP client on the same server, to check what the GUI shows."""
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


@dataclass
class BrowserErrors:
    """Console errors and uncaught exceptions seen on one page."""

    errors: list[str] = field(default_factory=list)
    allowed: list[tuple[int, str]] = field(default_factory=list)
    tolerated: list[str] = field(default_factory=list)

    def allow_failed_request(self, status: int, path: str) -> None:
        """Tolerate the browser's own log line for one provoked ``status`` answer on ``path``."""
        self.allowed.append((status, path))

    def check(self) -> None:
        """Raise once for the errors seen so far, then forget them."""
        seen, self.errors = self.errors, []
        assert not seen, "the browser reported errors:\n" + "\n".join(seen)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        line = f"console.error: {message.text} (at {message.location.get('url', '?')})"
        if self._is_allowed(message):
            self.tolerated.append(line)
        else:
            self.errors.append(line)

    def on_page_error(self, error: Error) -> None:
        self.errors.append(f"pageerror: {error.name}: {error.message}\n{error.stack or ''}")

    def _is_allowed(self, message: ConsoleMessage) -> bool:
        match = re.fullmatch(
            r"Failed to load resource: the server responded with a status of (\d{3}) .*",
            message.text,
        )
        if match is None:
            return False
        url = httpx.URL(message.location.get("url", ""))
        return (int(match.group(1)), url.path) in self.allowed


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Debian's chromium, headless, with a fresh profile; one context for the session."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is required for the browser tests (apt-get install chromium)")
    with (
        tempfile.TemporaryDirectory(prefix="stoat-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=VIEWPORT,
        )
        context.set_default_timeout(15_000)
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def browser_errors() -> BrowserErrors:
    return BrowserErrors()


@pytest.fixture
def page(browser_context: BrowserContext, browser_errors: BrowserErrors) -> Iterator[Page]:
    """A new tab; the test fails if the page logged an error or threw."""
    tab = browser_context.new_page()
    tab.on("console", browser_errors.on_console)
    tab.on("pageerror", browser_errors.on_page_error)
    try:
        yield tab
    finally:
        tab.close()
    # Normally reported by pytest_runtest_call below; this catches what came later.
    browser_errors.check()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test itself (not its teardown) when its page logged errors."""
    result = yield
    errors = getattr(item, "funcargs", {}).get("browser_errors")
    if isinstance(errors, BrowserErrors):
        errors.check()
    return result


def screenshot(page: Page, name: str) -> None:
    """Save (overwrite) ``docs/images/<name>.png`` from the current viewport."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), animations="disabled")
