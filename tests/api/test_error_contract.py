"""The error contract: one schema model per code, specific errors per route, 412/422/409."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from stoat_ferret.api import create_app
from stoat_ferret.api.error_models import error_model, model_name, stoat_error_classes
from stoat_ferret.api.errors import STATUS_BY_ERROR, status_for
from stoat_ferret.editing.errors import EditRuleError, EffectParameterError, TimelineRuleError
from stoat_ferret.errors import (
    FieldValidationError,
    InUseError,
    NamedProject,
    StoatError,
    VersionConflictError,
)
from stoat_ferret.settings import Settings
from tests.support.app_client import app_client

OPERATION_ID = re.compile(r"^[a-z]+(-[a-z]+)+$")
METHODS = {"get", "put", "post", "delete", "patch"}


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_every_error_code_of_the_tree_is_a_component(app: FastAPI) -> None:
    components = app.openapi()["components"]["schemas"]
    classes = stoat_error_classes()
    assert {VersionConflictError, InUseError, FieldValidationError, EditRuleError} <= set(classes)
    for cls in classes:
        name = model_name(cls.code)
        assert name in components, cls
        detail = components[f"{name}Detail"]
        assert detail["properties"]["code"]["const"] == cls.code
        assert set(cls.detail_fields) <= set(detail["properties"]), cls


FRESH_SCHEMA_CHECK = """
import importlib, json, pkgutil, sys
import stoat_ferret
from stoat_ferret.api import create_app
from stoat_ferret.api.error_models import model_name
from stoat_ferret.errors import StoatError
components = create_app(configure_logs=False).openapi()["components"]["schemas"]
for info in pkgutil.walk_packages(stoat_ferret.__path__, "stoat_ferret."):
    importlib.import_module(info.name)
def walk(cls):
    yield cls
    for sub in cls.__subclasses__():
        yield from walk(sub)
missing = sorted({f"{c.__module__}.{c.__name__}" for c in walk(StoatError)
                  if model_name(c.code) not in components})
print(json.dumps(missing))
"""


def test_the_schema_publishes_errors_of_modules_no_route_imports_yet(settings: Settings) -> None:
    # In a fresh process the schema is built before anything else is imported, as
    # in `stoat-ferret openapi`: every error class of every module must be in it.
    env = {**os.environ, "STOAT_DATA_DIR": str(settings.data_dir)}
    run = subprocess.run(
        [sys.executable, "-c", FRESH_SCHEMA_CHECK], capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == []


def test_a_field_only_some_sources_send_is_optional(app: FastAPI) -> None:
    detail = app.openapi()["components"]["schemas"]["ValidationErrorDetail"]
    # Request validation sends no field; FieldValidationError does.
    assert set(detail["required"]) == {"code", "message", "errors"}
    assert "field" in detail["properties"]
    conflict = app.openapi()["components"]["schemas"]["VersionConflictErrorDetail"]
    assert set(conflict["required"]) == {"code", "message", "current_version"}


def test_the_status_table_maps_the_editor_errors() -> None:
    assert status_for(VersionConflictError) == 412
    assert status_for(InUseError) == 409
    assert status_for(FieldValidationError) == 422
    for rule in (EditRuleError, TimelineRuleError, EffectParameterError):
        assert status_for(rule) == 422
    # Every class is reached by a row above the catch-all.
    rows = [cls for cls, _ in STATUS_BY_ERROR]
    assert rows[-1] is StoatError


def test_routes_declare_the_specific_models_of_their_errors(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    cancel = paths["/api/v1/jobs/{job_id}/cancel"]["post"]["responses"]
    assert cancel["409"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/AlreadyTerminalError"
    )
    scan = paths["/api/v1/videos/scan"]["post"]["responses"]
    # The route's own 400, and the parser's for a body that is not JSON.
    assert {
        ref["$ref"].rsplit("/", 1)[-1]
        for ref in scan["400"]["content"]["application/json"]["schema"]["anyOf"]
    } == {"InvalidPathError", "BadRequestError"}
    delete = paths["/api/v1/videos/{video_id}"]["delete"]["responses"]
    refs = {
        ref["$ref"].rsplit("/", 1)[-1]
        for ref in delete["409"]["content"]["application/json"]["schema"]["anyOf"]
    }
    assert refs == {"SymlinkInPathError", "NotARegularFileError", "InUseError"}


def test_every_route_has_a_readable_unique_operation_id(app: FastAPI) -> None:
    ids = [operation.get("operationId", "") for _, _, operation in _operations(app.openapi())]
    assert len(ids) >= 13
    for method_path, operation_id in zip(_operations(app.openapi()), ids, strict=True):
        assert OPERATION_ID.match(operation_id), (method_path[:2], operation_id)
    assert len(set(ids)) == len(ids)
    assert {"videos-list", "videos-scan", "jobs-cancel", "health-live"} <= set(ids)


async def test_a_body_that_is_not_json_answers_the_declared_400(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/api/v1/videos/scan", content=b"\xff{", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["detail"]["code"] == "BAD_REQUEST"
    error_model("BAD_REQUEST").model_validate(response.json())


@pytest.fixture
async def raising_client(settings: Settings) -> AsyncIterator[Callable[[StoatError], Any]]:
    """A real app with one extra route that raises the error a test hands it."""
    app = create_app(settings, configure_logs=False)
    pending: list[StoatError] = []

    async def boom() -> None:
        raise pending.pop()

    app.add_api_route("/api/v1/boom", boom, methods=["POST"])
    async with app_client(app) as client:

        async def answer(error: StoatError) -> httpx.Response:
            pending.append(error)
            return await client.post("/api/v1/boom")

        yield answer


async def test_a_version_conflict_answers_412_with_the_current_version(
    raising_client: Callable[[StoatError], Any],
) -> None:
    response = await raising_client(
        VersionConflictError("project 'p1'", expected=4, current_version=7)
    )
    assert response.status_code == 412
    body = response.json()
    assert body["detail"]["code"] == "VERSION_CONFLICT"
    assert body["detail"]["current_version"] == 7
    assert "version 7, not 4" in body["detail"]["message"]
    error_model("VERSION_CONFLICT").model_validate(body)


async def test_a_field_validation_error_answers_422_naming_the_field(
    raising_client: Callable[[StoatError], Any],
) -> None:
    response = await raising_client(
        TimelineRuleError("clips[c3].out_point", "must be at most 250 (the source's duration)")
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["code"] == "VALIDATION_ERROR"
    assert detail["field"] == "clips[c3].out_point"
    assert detail["message"].startswith("clips[c3].out_point: must be at most 250")
    assert detail["errors"] == [
        {
            "loc": ["clips[c3].out_point"],
            "msg": "must be at most 250 (the source's duration)",
            "type": "value_error",
        }
    ]
    error_model("VALIDATION_ERROR").model_validate(response.json())


async def test_in_use_answers_409_naming_the_projects(
    raising_client: Callable[[StoatError], Any],
) -> None:
    projects = [NamedProject(id=f"p{n}", name=f"Cut {n}") for n in range(7)]
    error = InUseError("video 'v1' is used by 7 projects", projects=projects)
    response = await raising_client(error)
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert detail["code"] == "IN_USE"
    assert detail["projects"] == [{"id": f"p{n}", "name": f"Cut {n}"} for n in range(7)]
    error_model("IN_USE").model_validate(response.json())
