"""Every ```http example of the API reference is replayed against a real app.

The app is ``create_app()`` on a temporary data folder with the real SQLite database,
the durable queue and the reference probe backend (the ``ffprobe``/``ffmpeg``
binaries). A small corpus of real clips (plus one broken file) is scanned first, so
the library, the job list and the error list all hold something. The convention the
examples follow is described in ``tests/docs/examples.py`` and at the top of the
reference itself.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from stoat_ferret.api import create_app
from stoat_ferret.ffmpeg import FFprobeBackend
from stoat_ferret.settings import Settings
from tests.docs.drift import openapi_routes
from tests.docs.examples import (
    Example,
    ExampleFormatError,
    fill,
    load_json,
    parse_examples,
    routes_without_example,
    shape_mismatches,
)
from tests.support.corpus import copy_corpus

REPO_ROOT = Path(__file__).resolve().parents[2]
REFERENCE = REPO_ROOT / "docs" / "manual" / "03_api-reference.md"

#: Placeholders the reference may use, and what the replay puts in their place.
PLACEHOLDERS = {
    "corpus": "absolute path of a folder of real clips, scanned before the examples run",
    "job_id": "id of that (complete) scan job",
    "video_id": "id of a video currently in the library",
    "busy_folder": "a folder whose scan is running at that moment",
    "running_job_id": "id of that running scan",
    "project_id": "id of a project made for the examples (see EXAMPLE_PROJECT)",
    "clip_id": "id of that project's first main-track clip",
    "second_clip_id": "id of its second main-track clip",
    "third_clip_id": "id of its third main-track clip",
    "track_id": "id of its audio track",
    "transition_id": "id of its transition",
    "version": "its current version",
}

#: The example project: three 30-frame clips of ``{video_id}`` on the main track, a
#: transition joining the first two, a text overlay on the first, and an audio track
#: with one clip. Made when a placeholder first needs it (again if an example deleted it).
EXAMPLE_PROJECT = [
    {"op": "add_clip", "source_video_id": "{video_id}", "in_point": 0, "out_point": 30},
    {"op": "add_clip", "source_video_id": "{video_id}", "in_point": 0, "out_point": 30},
    {"op": "add_clip", "source_video_id": "{video_id}", "in_point": 0, "out_point": 30},
    {"op": "add_transition", "from_clip_id": "$0", "to_clip_id": "$1", "duration": 10},
    {"op": "add_effect", "clip_id": "$0", "effect_type": "text_overlay",
     "parameters": {"text": "Day one", "font_size": 48}},
    {"op": "add_track", "name": "Music"},
    {"op": "add_clip", "source_video_id": "{video_id}", "in_point": 0, "out_point": 30,
     "track_id": "$5", "timeline_position": 0},
]  # fmt: skip

BUSY_CLIPS = 150  # with one ffprobe at a time: a scan of several seconds


class Replay:
    """Resolves placeholders against the live app and checks one example at a time."""

    def __init__(self, client: httpx.AsyncClient, corpus: Path, busy: Path) -> None:
        self.client = client
        self.corpus = corpus
        self.busy = busy
        self.job_id = ""
        self._busy_job: str | None = None
        self._project_id: str | None = None

    async def scan_corpus(self) -> None:
        response = await self.client.post("/api/v1/videos/scan", json={"path": str(self.corpus)})
        assert response.status_code == 202, response.text
        self.job_id = response.json()["job_id"]
        job = await self._wait(self.job_id)
        assert job["status"] == "complete", job

    async def _wait(self, job_id: str) -> dict[str, Any]:
        response = await self.client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 120})
        assert response.status_code == 200, response.text
        job: dict[str, Any] = response.json()
        return job

    async def _running_busy_scan(self) -> str:
        """A scan of the busy folder that is running and not asked to stop."""
        if self._busy_job is not None:
            job = (await self.client.get(f"/api/v1/jobs/{self._busy_job}")).json()
            if job["status"] in {"pending", "running"} and not job["cancel_requested"]:
                return self._busy_job
            await self._wait(self._busy_job)
        response = await self.client.post("/api/v1/videos/scan", json={"path": str(self.busy)})
        assert response.status_code == 202, response.text
        self._busy_job = str(response.json()["job_id"])
        # Wait until it counted its files, so the example shows real progress fields.
        async with asyncio.timeout(30):
            while True:
                job = (await self.client.get(f"/api/v1/jobs/{self._busy_job}")).json()
                if job["status"] == "running" and job["progress_detail"] is not None:
                    return self._busy_job
                await asyncio.sleep(0.05)

    async def _value(self, name: str) -> str:
        if name == "corpus":
            return str(self.corpus)
        if name == "job_id":
            return self.job_id
        if name == "video_id":
            page = (await self.client.get("/api/v1/videos", params={"limit": 1})).json()
            assert page["videos"], "the library is empty: no {video_id} to use"
            return str(page["videos"][0]["id"])
        if name == "busy_folder":
            await self._running_busy_scan()
            return str(self.busy)
        if name == "running_job_id":
            return await self._running_busy_scan()
        if name in _PROJECT_VALUES:
            return _PROJECT_VALUES[name](await self._example_project())
        raise KeyError(f"unknown placeholder {{{name}}}; known: {', '.join(PLACEHOLDERS)}")

    async def _example_project(self) -> dict[str, Any]:
        if self._project_id is not None:
            response = await self.client.get(f"/api/v1/projects/{self._project_id}")
            if response.status_code == 200:
                project: dict[str, Any] = response.json()
                return project
        video_id = await self._value("video_id")
        created = await self.client.post("/api/v1/projects", json={"name": "Holiday"})
        assert created.status_code == 201, created.text
        self._project_id = str(created.json()["id"])
        operations = json.loads(json.dumps(EXAMPLE_PROJECT).replace("{video_id}", video_id))
        edits = await self.client.post(
            f"/api/v1/projects/{self._project_id}/edits", json={"operations": operations}
        )
        assert edits.status_code == 200, edits.text
        project = edits.json()["project"]
        return project

    async def check(self, example: Example) -> list[str]:
        """Replay one example; returns what differs from the documentation."""
        try:
            values = {name: await self._value(name) for name in sorted(example.placeholders())}
        except KeyError as exc:
            return [f"{example.title}: {exc.args[0]}"]
        headers = {name: fill(value, values) for name, value in example.headers.items()}
        body = fill(example.body, values) if example.body is not None else None
        if body is not None:
            headers.setdefault("Content-Type", "application/json")
        response = await self.client.request(
            example.method, fill(example.target, values), headers=headers, content=body
        )
        problems = []
        if response.status_code != example.status:
            problems.append(
                f"status {response.status_code}, documented {example.status}: {response.text[:300]}"
            )
        content_type = response.headers.get("content-type", "")
        if example.media_type and not content_type.startswith(example.media_type):
            problems.append(f"content type {content_type!r}, documented {example.media_type!r}")
        if example.response is not None:
            documented = load_json(example.response, example.title)
            if not content_type.startswith("application/json"):
                problems.append(f"documented a JSON body, got {content_type!r}")
            else:
                problems.extend(shape_mismatches(documented, response.json()))
        return [f"{example.title}: {problem}" for problem in problems]


def _main_clip(project: dict[str, Any], index: int) -> str:
    return str([clip for clip in project["clips"] if clip["index"] is not None][index]["id"])


_PROJECT_VALUES: dict[str, Any] = {
    "project_id": lambda p: p["id"],
    "clip_id": lambda p: _main_clip(p, 0),
    "second_clip_id": lambda p: _main_clip(p, 1),
    "third_clip_id": lambda p: _main_clip(p, 2),
    "track_id": lambda p: next(t["id"] for t in p["tracks"] if not t["main"]),
    "transition_id": lambda p: p["transitions"][0]["id"],
    "version": lambda p: str(p["version"]),
}


@pytest.fixture
def corpus(tmp_path: Path, clip_templates: dict[str, Path]) -> Path:
    root = tmp_path / "videos"
    copy_corpus(clip_templates, root, 8)
    (root / "broken.mp4").write_bytes(b"")  # shows up in the result's "errors"
    (root / "notes.txt").write_text("not a video")
    return root


@pytest.fixture
def busy_folder(tmp_path: Path, clip_templates: dict[str, Path]) -> Path:
    root = tmp_path / "busy"
    copy_corpus(clip_templates, root, BUSY_CLIPS)
    return root


def reference_examples() -> list[Example]:
    return parse_examples(REFERENCE.read_text(encoding="utf-8"))


async def test_every_http_example_matches_a_real_response(
    tmp_path: Path, corpus: Path, busy_folder: Path
) -> None:
    examples = reference_examples()
    assert len(examples) >= 20, "the reference should show real requests for every route"
    settings = Settings(
        data_dir=tmp_path / "data",
        allowed_scan_roots=[tmp_path],
        scan_concurrency=1,
        job_workers=3,
        job_cancel_grace=0.5,
        log_format="console",
    )
    backend = FFprobeBackend(
        ffprobe_path=shutil.which("ffprobe") or "ffprobe",
        ffmpeg_path=shutil.which("ffmpeg") or "ffmpeg",
    )
    app = create_app(settings, probe_backend=backend, configure_logs=False)
    failures: list[str] = []
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            replay = Replay(client, corpus, busy_folder)
            await replay.scan_corpus()
            for example in examples:
                failures.extend(await replay.check(example))
    assert not failures, "examples that differ from the real app:\n" + "\n".join(failures)


def test_every_route_has_a_replayed_example(tmp_path: Path) -> None:
    schema = create_app(Settings(data_dir=tmp_path), configure_logs=False).openapi()
    missing = routes_without_example(openapi_routes(schema), reference_examples())
    assert not missing, f"routes without an ```http example in {REFERENCE.name}: {missing}"


def test_the_reference_documents_every_placeholder_it_uses() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    used = set().union(*(example.placeholders() for example in reference_examples()))
    assert used <= PLACEHOLDERS.keys(), f"unknown placeholders: {used - PLACEHOLDERS.keys()}"
    undocumented = sorted(name for name in PLACEHOLDERS if f"`{{{name}}}`" not in text)
    assert not undocumented, f"placeholders not explained in the reference: {undocumented}"


# -- the parser and the comparison, on synthetic pages ---------------------------------

SYNTHETIC = """
Some prose.

```http
POST /api/v1/videos/scan
Content-Type: application/json

{"path": "{corpus}"}
```

**202 Accepted**

```json
{"job_id": "abc"}
```

```http
GET /api/v1/videos/{video_id}/thumbnail
```

**200 OK** · `image/jpeg`

```http
DELETE /api/v1/videos/{video_id}
```

**204 No Content**

```json
{"not": "the response: a status line separates it"}
```
"""


def test_parser_reads_request_status_media_type_and_response() -> None:
    scan, thumbnail, delete = parse_examples(SYNTHETIC)
    assert (scan.method, scan.target, scan.status) == ("POST", "/api/v1/videos/scan", 202)
    assert scan.headers == {"Content-Type": "application/json"}
    assert scan.body == '{"path": "{corpus}"}'
    assert scan.response == '{"job_id": "abc"}'
    assert scan.placeholders() == {"corpus"}
    assert (thumbnail.status, thumbnail.media_type, thumbnail.response) == (200, "image/jpeg", None)
    assert (delete.method, delete.status) == ("DELETE", 204)


def test_parser_rejects_an_example_without_a_status_line() -> None:
    page = "```http\nGET /health/live\n```\n\n```json\n{}\n```\n"
    with pytest.raises(ExampleFormatError, match="no \\*\\*<status>\\*\\* line"):
        parse_examples(page)


def test_parser_rejects_a_malformed_request_line() -> None:
    with pytest.raises(ExampleFormatError, match="expected 'METHOD /path'"):
        parse_examples("```http\nFETCH the jobs\n```\n\n**200 OK**\n")


def test_a_status_line_belongs_to_the_example_before_the_next_block() -> None:
    # The status of the first example must not be taken from after the second block.
    page = "```http\nGET /a\n```\n\n```http\nGET /b\n```\n\n**200 OK**\n"
    with pytest.raises(ExampleFormatError, match="GET /a"):
        parse_examples(page)


def test_fill_rejects_unknown_placeholders_and_keeps_json_braces() -> None:
    assert fill('{"path": "{corpus}"}', {"corpus": "/v"}) == '{"path": "/v"}'
    with pytest.raises(KeyError, match="id"):
        fill("/api/v1/jobs/{id}", {"job_id": "x"})


def test_shape_check_fails_on_a_missing_or_extra_key_and_a_wrong_code() -> None:
    real = {"detail": {"code": "NOT_FOUND", "message": "job 'x' not found"}}
    assert shape_mismatches({"detail": {"code": "NOT_FOUND", "message": "other"}}, real) == []
    assert shape_mismatches({"detail": {"code": "NOT_FOUND"}}, real) == [
        "$.detail.message: in the real response but not documented"
    ]
    assert shape_mismatches({"detail": {"code": "NOT_FOUND", "message": "", "x": 1}}, real) == [
        "$.detail.x: documented but not in the real response"
    ]
    assert shape_mismatches({"detail": {"code": "CONFLICT", "message": ""}}, real) == [
        "$.detail.code: documented 'CONFLICT', real 'NOT_FOUND'"
    ]


def test_shape_check_compares_list_items_and_ignores_null_versus_object() -> None:
    real = {"videos": [{"id": "1", "width": 320}], "result": {"new": 1}}
    assert shape_mismatches({"videos": [{"id": "9", "width": 1}], "result": None}, real) == []
    assert shape_mismatches({"videos": [{"id": "9"}], "result": None}, real) == [
        "$.videos[0].width: in the real response but not documented"
    ]


def test_route_coverage_fails_when_a_route_has_no_example() -> None:
    examples = parse_examples(SYNTHETIC)
    routes = [
        ("POST", "/api/v1/videos/scan"),
        ("GET", "/api/v1/videos/{video_id}/thumbnail"),
        ("DELETE", "/api/v1/videos/{video_id}"),
        ("GET", "/api/v1/videos/{video_id}"),
    ]
    assert routes_without_example(routes, examples) == ["GET /api/v1/videos/{video_id}"]


def test_route_coverage_counts_an_example_for_the_most_specific_route() -> None:
    examples = parse_examples("```http\nGET /api/v1/videos/search?q=cat\n```\n\n**200 OK**\n")
    routes = [("GET", "/api/v1/videos/search"), ("GET", "/api/v1/videos/{video_id}")]
    assert routes_without_example(routes, examples) == ["GET /api/v1/videos/{video_id}"]
