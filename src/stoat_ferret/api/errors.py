"""The one place where errors become HTTP answers: ``{"detail": {"code", "message"}}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from stoat_ferret.api.headers import SECURITY_HEADERS
from stoat_ferret.api.methods import allowed_methods
from stoat_ferret.db.storage import storage_error
from stoat_ferret.errors import (
    ConflictError,
    DependencyUnavailableError,
    FieldProblem,
    FieldValidationError,
    InvalidInputError,
    MediaError,
    NotFoundError,
    PermissionDeniedError,
    StoatError,
    StorageError,
    StorageFullError,
    VersionConflictError,
    capped,
)

log = structlog.get_logger("stoat_ferret.api")

#: Most specific class first; the first match wins.
STATUS_BY_ERROR: tuple[tuple[type[StoatError], int], ...] = (
    (NotFoundError, 404),
    (VersionConflictError, 412),
    (ConflictError, 409),
    (FieldValidationError, 422),
    (InvalidInputError, 400),
    (PermissionDeniedError, 403),
    (MediaError, 422),
    (DependencyUnavailableError, 503),
    (StorageFullError, 507),
    (StorageError, 503),
    (StoatError, 500),
)

HTTP_CODES = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    422: "VALIDATION_ERROR",
    503: "UNAVAILABLE",
    507: "INSUFFICIENT_STORAGE",
}


#: Codes answered from outside the ``StoatError`` tree (the framework, the middleware,
#: the last-resort handler), with the fields each adds to ``detail``; with the tree,
#: they make the schema's error models (``api/error_models.py``).
FRAMEWORK_CODES: dict[str, Mapping[str, Any]] = {
    **{code: {} for code in HTTP_CODES.values()},
    "VALIDATION_ERROR": {"errors": list[FieldProblem]},
    "CORS_REJECTED": {},
    "INTERNAL_ERROR": {},
    "HTTP_ERROR": {},
}


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"detail": {"code": code, "message": message, **extra}}


def status_for(error: StoatError | type[StoatError]) -> int:
    """The HTTP status of an error (or of every error of a class)."""
    cls = error if isinstance(error, type) else type(error)
    return next(status for base, status in STATUS_BY_ERROR if issubclass(cls, base))


async def _stoat_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StoatError)
    body = error_body(exc.code, exc.message, **exc.details())
    return JSONResponse(body, status_code=status_for(exc))


def _describe(error: dict[str, Any]) -> str:
    location = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return f"{location}: {error.get('msg', 'invalid')}" if location else str(error.get("msg"))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        FieldProblem(loc=list(e.get("loc", ())), msg=str(e.get("msg")), type=str(e.get("type")))
        for e in exc.errors()
    ]
    message = "; ".join(_describe(e) for e in exc.errors()) or "invalid request"
    return JSONResponse(error_body("VALIDATION_ERROR", message, errors=errors), status_code=422)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail: object = exc.detail  # FastAPI's HTTPException allows any JSON detail
    headers = exc.headers
    if exc.status_code == 405:
        # Starlette's Allow names the methods of one matching route; a path can have
        # several (GET and DELETE /videos/{id}), and HEAD goes wherever GET does.
        allow = ", ".join(allowed_methods(request.app.routes, request.scope))
        headers = {**(headers or {}), "Allow": allow}
        detail = f"method {request.method[:20]} is not allowed here; allowed: {allow}"
    if isinstance(detail, dict) and "code" in detail:
        body: dict[str, object] = {"detail": detail}
    else:
        code = HTTP_CODES.get(exc.status_code, "HTTP_ERROR")
        message = str(detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route for {request.method} {capped(request.url.path)}"
        body = error_body(code, message)
    return JSONResponse(body, status_code=exc.status_code, headers=headers)


async def _write_failure(request: Request, exc: Exception) -> JSONResponse:
    """A database or file error: a full disk is 507, another write failure 503, else 500."""
    storage = storage_error(exc)
    if storage is None:
        return await _unexpected_error(request, exc)
    log.warning("api.storage_error", path=request.url.path, error=storage.message)
    return await _stoat_error(request, storage)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("api.unhandled_error", path=request.url.path)
    # This answer is sent from outside every middleware, so it brings its own headers.
    return JSONResponse(
        error_body("INTERNAL_ERROR", "internal server error"),
        status_code=500,
        headers=SECURITY_HEADERS,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StoatError, _stoat_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(DBAPIError, _write_failure)
    app.add_exception_handler(OSError, _write_failure)
    app.add_exception_handler(Exception, _unexpected_error)
