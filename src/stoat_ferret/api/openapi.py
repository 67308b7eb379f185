"""The OpenAPI schema says what the server really answers, on every route at once.

FastAPI documents what each route declares. Three answers come from layers no
route declares, so they are added here, from facts the schema already holds,
instead of being repeated (and forgotten) on every route:

- 401: an operation with a ``security`` requirement (every ``/api`` route, through
  ``require_token``) answers it whenever ``STOAT_API_TOKEN`` is set;
- 413: an operation with a request body answers it for a body over
  ``STOAT_MAX_BODY_BYTES``;
- 422: FastAPI declares its own validation shape (``{"detail": [...]}``), but
  ``api/errors.py`` answers ``{"detail": {"code", "message", "errors"}}``.

Every one uses the error shape; a fuzzer (schemathesis, ``tests/api``) holds the
server to this schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from pydantic.json_schema import models_json_schema

from stoat_ferret.api.schemas import ErrorResponse, ValidationErrorResponse

__all__ = ["document_common_answers", "install_openapi"]

_REF = "#/components/schemas/{model}"
_FASTAPI_VALIDATION_SCHEMAS = ("HTTPValidationError", "ValidationError")
_OPERATION_KEYS = frozenset({"get", "put", "post", "delete", "patch", "head", "options", "trace"})


def _response(description: str, model: str) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": _REF.format(model=model)}}}
    return {"description": description, "content": content}


def document_common_answers(schema: dict[str, Any]) -> dict[str, Any]:
    """Add 401, 413 and our 422 to the operations that can answer them, in place.

    Args:
        schema: an OpenAPI document as FastAPI builds it.

    Returns:
        The same document, for chaining.
    """
    _, definitions = models_json_schema(
        [(ErrorResponse, "serialization"), (ValidationErrorResponse, "serialization")],
        ref_template=_REF,
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(definitions.get("$defs", {}))
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if method not in _OPERATION_KEYS:
                continue
            responses = operation.setdefault("responses", {})
            if operation.get("security"):
                responses.setdefault("401", _response("Missing or wrong token", "ErrorResponse"))
            if "requestBody" in operation:
                responses.setdefault("413", _response("Body too large", "ErrorResponse"))
            if "422" in responses and _is_fastapi_validation(responses["422"]):
                responses["422"] = _response("Validation Error", "ValidationErrorResponse")
    for name in _FASTAPI_VALIDATION_SCHEMAS:
        components.pop(name, None)
    return schema


def _is_fastapi_validation(response: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get("application/json", {}).get("schema", {})
    return bool(schema.get("$ref") == _REF.format(model="HTTPValidationError"))


def install_openapi(app: FastAPI) -> None:
    """Make ``app.openapi()`` return the schema with the common answers added.

    FastAPI builds the schema on the first call and caches it in
    ``app.openapi_schema``; the additions run once, on that first build.
    """
    build: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_common_answers(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
