"""
The OpenAPI schema says what the server really answers, on every route at once.

FastAPI documents what each route declares. Three answers come from layers no
route declares, so they are added here, from facts the schema already holds,
instead of being repeated (and forgotten) on every route:

- 401: an operation with a ``security`` requirement (every ``/api`` route, through
  ``require_token``) answers it whenever ``STOAT_API_TOKEN`` is set;
- 413: an operation with a request body answers it for a body over
  ``STOAT_MAX_BODY_BYTES``, and 400 ``BAD_REQUEST`` for a body that is not JSON
  (FastAPI's parser, before the route runs: next to the route's own 400 codes);
- 422: FastAPI declares its own validation shape (``{"detail": [...]}``), but
  ``api/errors.py`` answers ``{"detail": {"code", "message", "errors"}}``.

Every one uses the model of its code (``api/error_models.py``). Two contracts no
route carries are published as components too: the model of every error code, and
the ``/ws`` ``Event`` union with its members (``api/events.py``). A fuzzer
(schemathesis, ``tests/api``) holds the server to this schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from stoat_ferret.api.error_models import error_models, model_name
from stoat_ferret.api.events import Event
from stoat_ferret.api.schemas import ErrorResponse

__all__ = ["document_common_answers", "install_openapi"]

_REF = "#/components/schemas/{model}"
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")
_OPERATION_KEYS = frozenset({"get", "put", "post", "delete", "patch", "head", "options", "trace"})


def _response(description: str, model: str) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": _REF.format(model=model)}}}
    return {"description": description, "content": content}


def document_common_answers(schema: dict[str, Any]) -> dict[str, Any]:
    """
    Add 401, 413 and our 422 to the operations that can answer them, in place,
    and publish every error model and the ``Event`` union as components.

    Args:
        schema: an OpenAPI document as FastAPI builds it.

    Returns:
        The same document, for chaining.
    """
    published: list[type[BaseModel]] = [ErrorResponse, Event, *error_models().values()]
    _, definitions = models_json_schema(
        [(model, "serialization") for model in published], ref_template=_REF
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in _FASTAPI_VALIDATION_SCHEMAS:
        components.pop(name, None)
    for name, definition in definitions.get("$defs", {}).items():
        # A model a route already uses keeps FastAPI's rendering of it (the same
        # model; FastAPI leaves out response defaults), so the refs stay one schema.
        components.setdefault(name, definition)
    unauthorized, too_large = model_name("UNAUTHORIZED"), model_name("PAYLOAD_TOO_LARGE")
    invalid, not_json = model_name("VALIDATION_ERROR"), model_name("BAD_REQUEST")
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in _OPERATION_KEYS:
                continue
            responses = operation.setdefault("responses", {})
            if operation.get("security"):
                responses.setdefault("401", _response("Missing or wrong token", unauthorized))
            if "requestBody" in operation:
                responses.setdefault("413", _response("Body too large", too_large))
                _add_answer(responses, "400", "BAD_REQUEST: the body is not JSON", not_json)
            if "422" in responses and _is_fastapi_validation(responses["422"]):
                responses["422"] = _response("Validation Error", invalid)
    return schema


def _add_answer(responses: dict[str, Any], status: str, description: str, model: str) -> None:
    """Declare ``model`` for ``status`` too, next to what the route already declares."""
    if status not in responses:
        responses[status] = _response(description, model)
        return
    content = responses[status].setdefault("content", {}).setdefault("application/json", {})
    schema = content.get("schema", {})
    choices = schema.get("anyOf", [schema] if schema else [])
    ref = {"$ref": _REF.format(model=model)}
    if ref not in choices:
        content["schema"] = {
            **{k: v for k, v in schema.items() if k != "$ref"},
            "anyOf": [*choices, ref],
        }
        responses[status]["description"] += f", {description}"


def _is_fastapi_validation(response: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return bool(schema.get("$ref") == _REF.format(model="HTTPValidationError"))


def install_openapi(app: FastAPI) -> None:
    """
    Make ``app.openapi()`` return the schema with the common answers added.

    FastAPI builds the schema on the first call and caches it in
    ``app.openapi_schema``; the additions run once, on that first build.
    """
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_common_answers(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
