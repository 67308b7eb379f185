"""The OpenAPI schema documents what the server answers; HEAD, OPTIONS and ``Allow``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr

from stoat_ferret.api import create_app
from stoat_ferret.api.error_models import error_model
from stoat_ferret.api.schemas import ErrorResponse
from stoat_ferret.db import Database
from stoat_ferret.settings import Settings

VIDEO_ID = "f" * 32
"""A well-formed video id that names no video."""

OPERATION_KEYS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in OPERATION_KEYS
    ]


def response_refs(operation: dict[str, Any], status: str) -> set[str]:
    """The component names a status may answer with (one ``$ref`` or an ``anyOf`` of them)."""
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    refs = [item["$ref"] for item in schema.get("anyOf", [schema])]
    return {str(ref).rsplit("/", 1)[-1] for ref in refs}


@pytest.fixture
def schema(app: FastAPI) -> dict[str, Any]:
    return app.openapi()


def test_every_api_route_documents_401_in_the_error_shape(schema: dict[str, Any]) -> None:
    api = [(m, p, op) for m, p, op in operations(schema) if p.startswith("/api/")]
    assert len(api) >= 10
    for method, path, operation in api:
        assert operation.get("security"), f"{method} {path} declares no security"
        assert response_refs(operation, "401") == {"UnauthorizedError"}, f"{method} {path}"


def test_routes_with_a_body_document_413(schema: dict[str, Any]) -> None:
    with_body = [(m, p, op) for m, p, op in operations(schema) if "requestBody" in op]
    assert ("POST", "/api/v1/videos/scan") in [(m, p) for m, p, _ in with_body]
    for method, path, operation in with_body:
        assert response_refs(operation, "413") == {"PayloadTooLargeError"}, f"{method} {path}"


def test_422_is_declared_in_our_shape_everywhere(schema: dict[str, Any]) -> None:
    declared = [(m, p, op) for m, p, op in operations(schema) if "422" in op["responses"]]
    assert len(declared) >= 10
    for method, path, operation in declared:
        # Our shape, never FastAPI's default; a route may add a media error beside it.
        assert "ValidationError" in response_refs(operation, "422"), f"{method} {path}"
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    detail = schema["components"]["schemas"]["ValidationErrorDetail"]
    assert {"code", "message", "errors"} <= set(detail["required"])


def test_every_integer_parameter_has_an_upper_bound(schema: dict[str, Any]) -> None:
    seen = []
    for method, path, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["schema"].get("type") in {"integer", "number"}:
                seen.append(parameter["name"])
                assert "maximum" in parameter["schema"], f"{method} {path} {parameter['name']}"
    assert {"limit", "offset", "timeout"} <= set(seen)


def test_metrics_and_thumbnail_declare_their_media_types(schema: dict[str, Any]) -> None:
    metrics = schema["paths"]["/metrics"]["get"]["responses"]["200"]["content"]
    assert list(metrics) == ["text/plain"]
    thumbnail = schema["paths"]["/api/v1/videos/{video_id}/thumbnail"]["get"]
    assert list(thumbnail["responses"]["200"]["content"]) == ["image/jpeg"]


async def test_a_real_422_has_the_declared_shape(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/videos/scan", content=b"[]")
    assert response.status_code == 422
    error_model("VALIDATION_ERROR").model_validate(response.json())


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        (f"/api/v1/videos/{VIDEO_ID}", "DELETE, GET, HEAD"),
        ("/api/v1/videos/search", "GET, HEAD"),
        ("/api/v1/videos/scan", "POST"),
        (f"/api/v1/jobs/{VIDEO_ID}/cancel", "POST"),
        ("/api/v1/jobs", "GET, HEAD"),
        ("/health/live", "GET, HEAD"),
    ],
)
@pytest.mark.parametrize("method", ["OPTIONS", "PUT", "PATCH"])
async def test_an_unsupported_method_is_405_with_every_allowed_method(
    client: httpx.AsyncClient, path: str, allow: str, method: str
) -> None:
    response = await client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    body = ErrorResponse.model_validate(response.json())
    assert body.detail.code == "METHOD_NOT_ALLOWED"
    assert method in body.detail.message and allow in body.detail.message


async def test_a_static_path_is_not_taken_for_a_video_id(client: httpx.AsyncClient) -> None:
    # /videos/{video_id} matched /videos/search and /videos/scan: DELETE was routed
    # to the delete of a video called "search".
    assert (await client.delete("/api/v1/videos/search")).status_code == 405
    assert (await client.get("/api/v1/videos/scan")).status_code == 405
    not_an_id = await client.get("/api/v1/videos/not-an-id")
    assert not_an_id.status_code == 404
    assert not_an_id.json()["detail"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize(
    "path", ["/api/v1/jobs", "/api/v1/videos?limit=5", "/health/live", "/metrics", "/openapi.json"]
)
async def test_head_answers_like_get_without_a_body(client: httpx.AsyncClient, path: str) -> None:
    got = await client.get(path)
    head = await client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    if path != "/metrics":  # the metrics change between the two calls
        assert head.headers["content-length"] == got.headers["content-length"]


async def test_head_of_a_missing_video_is_404(client: httpx.AsyncClient) -> None:
    head = await client.head(f"/api/v1/videos/{VIDEO_ID}")
    assert head.status_code == 404
    assert head.content == b""


async def test_head_on_a_post_route_is_405(client: httpx.AsyncClient) -> None:
    head = await client.head("/api/v1/videos/scan")
    assert head.status_code == 405
    assert head.headers["allow"] == "POST"


async def test_head_needs_the_token_like_get(settings: Settings, database: Database) -> None:
    secured = settings.model_copy(update={"api_token": SecretStr("s3cret")})
    app = create_app(secured, database=database, configure_logs=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            assert (await client.head("/api/v1/jobs")).status_code == 401
            bearer = {"Authorization": "Bearer s3cret"}
            assert (await client.head("/api/v1/jobs", headers=bearer)).status_code == 200
