"""Schemathesis over the whole OpenAPI schema, against a real server process (SPEC §13).

Every check schemathesis has (what ``st run --checks all`` runs) must pass: no 5xx,
every status, content type, header and body as the schema says, schema-valid input
accepted, invalid input rejected, ``Allow`` right, auth enforced. Stateless phases
(examples, coverage, fuzzing) with a fixed seed and a bounded number of examples,
once with the token and once without it (every ``/api`` route must then answer a
documented 401).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.corpus import copy_corpus
from tests.support.processes import free_port, server_process

pytestmark = pytest.mark.fuzz

TOKEN = "fuzz-token"
SEED = 20261201
MAX_EXAMPLES = 25
"""Fuzzing examples per operation; with the examples and coverage phases, ~20 s a run."""


@dataclass(frozen=True)
class FuzzTarget:
    url: str
    config: Path


def _bearer() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def _seed_library(client: httpx.Client, corpus: Path) -> tuple[list[str], list[str]]:
    """Scan a real corpus so the fuzzer also reaches existing videos and jobs."""
    job_id = client.post("/api/v1/videos/scan", json={"path": str(corpus)}).json()["job_id"]
    job = client.get(f"/api/v1/jobs/{job_id}/wait", params={"timeout": 60}).json()
    assert job["status"] == "complete", job
    videos = client.get("/api/v1/videos").json()["videos"]
    assert videos, "the scan found no video"
    return [video["id"] for video in videos], [job_id]


def _seed_project(client: httpx.Client, video_id: str) -> list[str]:
    """A project with a clip, so the fuzzer also edits a real project."""
    project = client.post("/api/v1/projects", json={"name": "Fuzzed"}).json()
    clip = {"source_video_id": video_id, "in_point": 0, "out_point": 10}
    added = client.post(f"/api/v1/projects/{project['id']}/clips", json=clip)
    assert added.status_code == 201, added.text
    return [project["id"]]


def write_config(
    path: Path, video_ids: list[str], job_ids: list[str], project_ids: list[str]
) -> Path:
    """A schemathesis.toml: real ids offered half the time; the expected 400 and 422s.

    ``json.dumps`` of a list of plain strings is also a TOML array.
    """
    path.write_text(
        f"""
[dictionaries.videos]
values = {json.dumps(video_ids)}

[dictionaries.jobs]
values = {json.dumps(job_ids)}

[dictionaries.projects]
values = {json.dumps(project_ids)}

[parameters]
"path.video_id" = {{ dictionary = "videos", probability = 0.5 }}
"path.job_id" = {{ dictionary = "jobs", probability = 0.5 }}
"path.project_id" = {{ dictionary = "projects", probability = 0.5 }}
"query.video_id" = {{ dictionary = "videos", probability = 0.5 }}

# A schema-valid scan path can be missing or relative on this machine: 400
# INVALID_PATH (SPEC §3) is the right answer there, and no schema can predict it.
[[operations]]
include-path = "/api/v1/videos/scan"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "409"]

# The editor's rules (SPEC §9) depend on the project and the library: a schema-valid
# clip can pass its source's end (422), a version can be stale (412), a transition's
# clips not consecutive (422), an undo have nothing to undo (409). The render has its
# own entry below.
[[operations]]
include-path-regex = "^/api/v1/projects(?!/[^/]+/render$)"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "404", "409", "412", "422"]

# Effect parameters are checked against the JSON Schema of the effect that
# ``effect_type`` names (plus its cross-field rules), and a preview's ``t`` against the
# video's duration: 422 naming the field is the right answer for a schema-valid
# request there, and the operation's schema cannot say which parameters an effect has.
[[operations]]
include-path-regex = "^/api/v1/effects/"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "403", "404", "409", "422"]

# A render's codecs are the local ffmpeg's (422 VALIDATION_ERROR otherwise) and its
# output path may exist or be relative (400 INVALID_PATH): no schema can predict them.
[[operations]]
include-path = "/api/v1/projects/{{project_id}}/render"
checks.positive_data_acceptance.expected-statuses = [
    "2xx", "400", "401", "403", "404", "409", "422",
]
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def fuzz_target(
    tmp_path_factory: pytest.TempPathFactory, clip_templates: dict[str, Path]
) -> Iterator[FuzzTarget]:
    root = tmp_path_factory.mktemp("fuzz")
    corpus = root / "videos"
    copy_corpus(clip_templates, corpus, 4)
    port = free_port()
    argv = [sys.executable, "-m", "stoat_ferret.cli.main", "serve", "--port", str(port)]
    env = {
        "STOAT_DATA_DIR": str(root / "data"),
        "STOAT_API_TOKEN": TOKEN,
        "STOAT_ALLOWED_SCAN_ROOTS": str(corpus),
        "STOAT_LOG_LEVEL": "warning",
    }
    with server_process(argv, port, env) as (url, _):
        with httpx.Client(base_url=url, headers=_bearer(), timeout=30) as client:
            video_ids, job_ids = _seed_library(client, corpus)
            project_ids = _seed_project(client, video_ids[0])
        config = write_config(root / "schemathesis.toml", video_ids, job_ids, project_ids)
        yield FuzzTarget(url, config)


def run_schemathesis(target: FuzzTarget, *extra: str) -> subprocess.CompletedProcess[str]:
    """``st run --checks all`` over the stateless phases, seeded and bounded."""
    argv = [
        sys.executable, "-m", "schemathesis.cli", "--no-color",
        "--config-file", str(target.config),
        "run", f"{target.url}/openapi.json",
        "--checks", "all",
        "--phases", "examples,coverage,fuzzing",
        "--seed", str(SEED),
        "--max-examples", str(MAX_EXAMPLES),
        "--generation-database", "none",
        "--request-timeout", "30",
        *extra,
    ]  # fmt: skip
    # Run next to the config: schemathesis keeps a cache folder in its working directory.
    return subprocess.run(
        argv, cwd=target.config.parent, capture_output=True, text=True, timeout=600, check=False
    )


def test_schema_holds_with_the_token(fuzz_target: FuzzTarget) -> None:
    run = run_schemathesis(fuzz_target, "--header", f"Authorization: Bearer {TOKEN}")
    assert run.returncode == 0, run.stdout[-30_000:] + run.stderr[-5_000:]


def test_schema_holds_without_a_token(fuzz_target: FuzzTarget) -> None:
    run = run_schemathesis(fuzz_target)
    assert run.returncode == 0, run.stdout[-30_000:] + run.stderr[-5_000:]
