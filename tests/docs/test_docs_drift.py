"""The docs drift test: the documentation names everything the code offers.

Fails when a route of the OpenAPI schema (or the WebSocket), a ``JobStatus`` value, a
``STOAT_*`` setting, a CLI command, subcommand, flag or exit code, an event type, an
error code or a metric is missing from its page; when the API reference documents a
route that does not exist; or when a relative link under ``docs/`` (or in
``README.md``) points at a file or heading that does not exist.

The second half proves, on synthetic pages, that each check really fails when
something is left out; the real docs are never edited by a test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer

from stoat_ferret.api import create_app
from stoat_ferret.api.metrics import Metrics
from stoat_ferret.cli import exit_codes
from stoat_ferret.cli.main import app as cli_app
from stoat_ferret.events.types import EventType
from stoat_ferret.jobs import JobStatus
from stoat_ferret.settings import Settings
from tests.docs.drift import (
    bad_mermaid_blocks,
    broken_links,
    cli_command_paths,
    cli_flags,
    error_codes_in_source,
    event_types_in_source,
    heading_slugs,
    missing_cli_commands,
    missing_code_words,
    missing_exit_codes,
    missing_flags,
    missing_routes,
    missing_settings,
    module_int_constants,
    openapi_routes,
    stale_routes,
    unknown_settings,
    websocket_routes,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS = REPO_ROOT / "docs"
MANUAL = DOCS / "manual"
C4 = DOCS / "C4-Documentation"
SOURCE = REPO_ROOT / "src" / "stoat_ferret"

API_REFERENCE = MANUAL / "03_api-reference.md"
SCHEMAS_PAGE = C4 / "c4-code-stoat-ferret-api-schemas.md"
CONFIGURATION = MANUAL / "08_configuration.md"
CLI_PAGE = MANUAL / "06_cli.md"
OPERATIONS = MANUAL / "09_operations.md"

#: Environment variables the configuration page may name that are not ``Settings``
#: fields: the server URL of the CLI's ``jobs`` commands.
NON_SETTING_VARIABLES = {"STOAT_URL"}

REQUIRED_PAGES = [
    "C4-Documentation/README.md",
    "C4-Documentation/c4-context.md",
    "C4-Documentation/c4-container.md",
    "C4-Documentation/c4-component.md",
    "C4-Documentation/c4-code-stoat-ferret-ffmpeg.md",
    "C4-Documentation/c4-code-stoat-ferret-jobs.md",
    "C4-Documentation/c4-code-stoat-ferret-api-schemas.md",
    "C4-Documentation/c4-code-stoat-ferret-library.md",
    "manual/00_overview.md",
    "manual/01_getting-started.md",
    "manual/02_concepts.md",
    "manual/03_api-reference.md",
    "manual/04_library-scanning.md",
    "manual/05_gui-guide.md",
    "manual/06_cli.md",
    "manual/07_rendering-guide.md",
    "manual/08_configuration.md",
    "manual/09_operations.md",
    "manual/10_development.md",
    "design/01-architecture.md",
    "design/02-job-system.md",
    "design/05-api-specification.md",
    "CHANGELOG.md",
]


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def markdown_pages() -> list[Path]:
    return [*sorted(DOCS.rglob("*.md")), REPO_ROOT / "README.md"]


def source_texts() -> dict[str, str]:
    return {str(path): read(path) for path in sorted(SOURCE.rglob("*.py"))}


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    data_dir = tmp_path_factory.mktemp("drift-data")
    return create_app(Settings(data_dir=data_dir), configure_logs=False).openapi()


@pytest.fixture(scope="module")
def all_routes(
    schema: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> list[tuple[str, str]]:
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("ws")), configure_logs=False)
    return openapi_routes(schema) + websocket_routes(app.routes)


# -- the real docs ---------------------------------------------------------------------


@pytest.mark.parametrize("page", REQUIRED_PAGES)
def test_required_page_exists(page: str) -> None:
    assert (DOCS / page).is_file(), f"docs/{page} is missing"


def test_api_reference_names_every_route(all_routes: list[tuple[str, str]]) -> None:
    assert ("WS", "/ws") in all_routes
    missing = missing_routes(all_routes, read(API_REFERENCE))
    assert not missing, f"routes missing from {API_REFERENCE.name}: {missing}"


def test_api_reference_documents_no_route_that_does_not_exist(
    all_routes: list[tuple[str, str]],
) -> None:
    stale = stale_routes(all_routes, read(API_REFERENCE))
    assert not stale, f"{API_REFERENCE.name} documents routes the app does not have: {stale}"


@pytest.mark.parametrize("page", [API_REFERENCE, SCHEMAS_PAGE], ids=lambda p: p.name)
def test_every_job_status_is_documented(page: Path) -> None:
    missing = missing_code_words([status.value for status in JobStatus], read(page))
    assert not missing, f"JobStatus values missing from {page.name}: {missing}"


def test_every_setting_is_documented() -> None:
    text = read(CONFIGURATION)
    missing = missing_settings(Settings.model_fields, text)
    assert not missing, f"settings missing from {CONFIGURATION.name}: {missing}"
    unknown = unknown_settings(Settings.model_fields, text, NON_SETTING_VARIABLES)
    assert not unknown, f"{CONFIGURATION.name} names variables that are not settings: {unknown}"


def test_every_cli_command_flag_and_exit_code_is_documented() -> None:
    command = typer.main.get_command(cli_app)
    text = read(CLI_PAGE)
    commands = cli_command_paths(command)
    assert {"serve", "scan", "jobs list", "jobs show", "jobs cancel"} <= set(commands)
    assert not missing_cli_commands(commands, text), missing_cli_commands(commands, text)
    assert not missing_flags(cli_flags(command), text), missing_flags(cli_flags(command), text)
    codes = module_int_constants(exit_codes)
    assert not missing_exit_codes(codes, text), missing_exit_codes(codes, text)


def test_every_event_type_is_documented() -> None:
    events = [event_type.value for event_type in EventType]
    assert {"job.cancel_requested", "heartbeat", "resync", "project.updated"} <= set(events)
    missing = missing_code_words(events, read(API_REFERENCE))
    assert not missing, f"event types missing from {API_REFERENCE.name}: {missing}"


def test_event_types_are_spelled_only_in_the_enum() -> None:
    # An emitter that publishes a string literal bypasses EventType, and with it the
    # published payload models; every event type string lives in events/types.py.
    sources = {
        path: text
        for path, text in source_texts().items()
        if not path.endswith("stoat_ferret/events/types.py")
    }
    assert event_types_in_source(sources) == []
    assert set(event_types_in_source(source_texts())) == {
        t.value for t in EventType if "." in t.value
    }


def test_every_error_code_is_documented() -> None:
    codes = error_codes_in_source(source_texts())
    assert {"ALREADY_TERMINAL", "SCAN_IN_PROGRESS", "VALIDATION_ERROR"} <= set(codes)
    missing = missing_code_words(codes, read(API_REFERENCE))
    assert not missing, f"error codes missing from {API_REFERENCE.name}: {missing}"


def test_every_metric_is_documented() -> None:
    names = [family.name for family in Metrics().registry.collect()]
    missing = missing_code_words(names, read(OPERATIONS))
    assert not missing, f"metrics missing from {OPERATIONS.name}: {missing}"


def test_relative_links_point_at_existing_files_and_headings() -> None:
    problems = []
    for page in markdown_pages():
        problems.extend(broken_links(page, read(page), exists=Path.exists, read=read))
    assert not problems, "\n".join(problems)


def test_diagrams_are_mermaid() -> None:
    problems = []
    for page in sorted(DOCS.rglob("*.md")):
        problems.extend(f"{page.name}: {p}" for p in bad_mermaid_blocks(read(page)))
    assert not problems, "\n".join(problems)


def test_the_jobs_page_draws_the_state_machine() -> None:
    text = read(C4 / "c4-code-stoat-ferret-jobs.md")
    assert "```mermaid\nstateDiagram-v2" in text
    for status in JobStatus:
        assert status.value in text


# -- each check fails on a synthetic page ----------------------------------------------

ROUTES = [("GET", "/api/v1/jobs"), ("GET", "/api/v1/jobs/{job_id}"), ("WS", "/ws")]
FULL_REFERENCE = """
### `GET /api/v1/jobs`
### `GET /api/v1/jobs/{job_id}`
### `WS /ws`
"""


def test_route_check_fails_when_a_route_is_removed() -> None:
    assert missing_routes(ROUTES, FULL_REFERENCE) == []
    without_detail = FULL_REFERENCE.replace("### `GET /api/v1/jobs/{job_id}`\n", "")
    assert missing_routes(ROUTES, without_detail) == ["GET /api/v1/jobs/{job_id}"]


def test_route_check_does_not_accept_a_longer_path_or_another_method() -> None:
    assert missing_routes([("GET", "/api/v1/jobs")], "GET /api/v1/jobs/{job_id}") == [
        "GET /api/v1/jobs"
    ]
    assert missing_routes([("GET", "/api/v1/jobs")], "POST /api/v1/jobs") == ["GET /api/v1/jobs"]
    assert missing_routes([("GET", "/api/v1/jobs")], "`GET /api/v1/jobs?limit=5`") == []


def test_stale_route_check_fails_on_a_documented_route_that_does_not_exist() -> None:
    assert stale_routes(ROUTES, FULL_REFERENCE) == []
    extra = FULL_REFERENCE + "### `POST /api/v1/jobs/{job_id}/retry`\n"
    assert stale_routes(ROUTES, extra) == ["POST /api/v1/jobs/{job_id}/retry"]


def test_status_check_fails_when_a_status_is_missing() -> None:
    statuses = [status.value for status in JobStatus]
    page = " ".join(f"`{status}`" for status in statuses)
    assert missing_code_words(statuses, page) == []
    assert missing_code_words(statuses, page.replace("`cancelled`", "")) == ["cancelled"]
    # A bare word in prose does not count: the status must be written as code.
    assert missing_code_words(["cancelled"], "the job was cancelled") == ["cancelled"]


def test_settings_check_fails_when_a_setting_is_missing_or_unknown() -> None:
    fields = ["ffprobe_path", "ffprobe_timeout"]
    assert missing_settings(fields, "`STOAT_FFPROBE_PATH` and `STOAT_FFPROBE_TIMEOUT`") == []
    # STOAT_FFPROBE_PATH must not count as documented by a longer name.
    assert missing_settings(fields, "`STOAT_FFPROBE_PATHS`, `STOAT_FFPROBE_TIMEOUT`") == [
        "STOAT_FFPROBE_PATH"
    ]
    text = "`STOAT_FFPROBE_PATH`, `STOAT_FFPROBE_TIMEOUT`, `STOAT_URL`, `STOAT_RETRIES`"
    assert unknown_settings(fields, text, {"STOAT_URL"}) == ["STOAT_RETRIES"]


def test_settings_check_reads_every_field_of_the_settings_class() -> None:
    assert "STOAT_JOB_CANCEL_GRACE" in missing_settings(Settings.model_fields, "")


def test_cli_check_fails_when_a_subcommand_flag_or_exit_code_is_missing() -> None:
    commands = ["jobs", "jobs cancel", "jobs list"]
    page = "`stoat-ferret jobs list` and `stoat-ferret jobs cancel ID`"
    assert missing_cli_commands(commands, page) == []
    assert missing_cli_commands(commands, page.replace("jobs cancel", "jobs")) == ["jobs cancel"]
    assert missing_cli_commands(["jobs"], "stoat-ferret jobs-admin") == ["jobs"]
    assert missing_flags(["--data-dir", "--url"], "`--data-dir DIR`") == ["--url"]
    assert missing_flags(["--data"], "`--data-dir`") == ["--data"]
    table = "| code | name |\n| --- | --- |\n| 0 | `OK` |\n| 130 | `INTERRUPTED` |\n"
    assert missing_exit_codes({"OK": 0, "INTERRUPTED": 130}, table) == []
    assert missing_exit_codes({"OK": 0, "CONFLICT": 4}, table) == ["4 CONFLICT"]


def test_cli_walk_finds_nested_subcommands_and_flags() -> None:
    command = typer.main.get_command(cli_app)
    assert "db upgrade" in cli_command_paths(command)
    assert {"--no-recursive", "--url", "--version"} <= set(cli_flags(command))
    assert missing_cli_commands(cli_command_paths(command), "stoat-ferret serve") != []


def test_event_type_reader_skips_log_messages() -> None:
    source = (
        'self._emit("job.created", {})\n'
        'log.warning("job.requeued_after_restart", job_id=1)\n'
        'kind = "video.added" if new else "video.updated"\n'
        'await ws.send_json(_control("heartbeat", hub))\n'
    )
    found = event_types_in_source({"x.py": source})
    assert found == ["heartbeat", "job.created", "video.added", "video.updated"]


def test_error_code_reader_finds_classes_bodies_and_the_http_table() -> None:
    source = (
        'class Gone(StoatError):\n    code = "GONE"\n'
        'body = error_body("TEAPOT", "short and stout")\n'
        'HTTP_CODES = {418: "IM_A_TEAPOT"}\n'
    )
    assert error_codes_in_source({"x.py": source}) == ["GONE", "IM_A_TEAPOT", "TEAPOT"]


def test_link_check_fails_on_a_missing_file_or_anchor() -> None:
    files = {
        Path("/d/manual/a.md"): "# A\n\n## Cancel a job\n",
        Path("/d/images/x.png"): "",
    }
    page = Path("/d/manual/b.md")

    def check(text: str) -> list[str]:
        return broken_links(page, text, exists=lambda p: p in files, read=lambda p: files[p])

    good = (
        "[a](a.md) [cancel](a.md#cancel-a-job) ![x](../images/x.png) [web](https://x.org/a.md) "
        "[gui](/gui/) `[not](a link.md)`\n\n```\n[in code](nowhere.md)\n```\n\n## Here\n[h](#here)"
    )
    assert check(good) == []
    assert check("[gone](gone.md)") == ["/d/manual/b.md:1: link target 'gone.md' does not exist"]
    assert check("![shot](../images/y.png)") == [
        "/d/manual/b.md:1: link target '../images/y.png' does not exist"
    ]
    assert check("[c](a.md#cancel)") == ["/d/manual/b.md:1: a.md has no heading for anchor #cancel"]
    assert check("[self](#nowhere)") == ["/d/manual/b.md:1: no heading for anchor '#nowhere'"]
    assert check("[ref]: ../missing.md\n") == [
        "/d/manual/b.md:1: link target '../missing.md' does not exist"
    ]


def test_heading_slugs_follow_github() -> None:
    text = "# `POST /api/v1/jobs/{job_id}/cancel`\n## Cancel: grace period\n## Repeat\n## Repeat\n"
    assert heading_slugs(text) == {
        "post-apiv1jobsjob_idcancel",
        "cancel-grace-period",
        "repeat",
        "repeat-1",
    }


def test_mermaid_check_fails_on_an_unknown_diagram() -> None:
    assert bad_mermaid_blocks("```mermaid\nstateDiagram-v2\n  [*] --> pending\n```\n") == []
    assert bad_mermaid_blocks("```mermaid\nboxes and arrows\n```\n") == [
        "line 1: mermaid block starts with 'boxes and arrows'"
    ]
