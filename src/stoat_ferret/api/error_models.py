"""
One OpenAPI model per error code, made from the error tree itself.

Every ``StoatError`` subclass has a ``code`` and declares the fields it adds to the
error shape (``detail_fields``); ``api/errors.py`` lists the codes answered from
outside the tree (``FRAMEWORK_CODES``). From those two sources each code gets a model
``{"detail": {"code": <that code>, "message", ...its fields}}``, named after the code
(``SCAN_IN_PROGRESS`` -> ``ScanInProgressError``), so a client reads *which* error a
route answers from the schema, and a new error class is published the moment it
exists. Routes name the errors they raise (``error_responses(NotFoundError)``); the
statuses come from ``STATUS_BY_ERROR``, so the table stays the one place that maps
errors to HTTP.

Several classes may share a code (every ``EditRuleError`` is a ``VALIDATION_ERROR``):
a field all of them send is required, a field only some send is optional, and two
sources giving one field different types is a bug caught at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, Literal, Union

from pydantic import BaseModel, Field, create_model

from stoat_ferret.api.errors import FRAMEWORK_CODES, status_for
from stoat_ferret.editing import errors as editing_errors
from stoat_ferret.editing.interchange import errors as interchange_errors
from stoat_ferret.errors import StoatError
from stoat_ferret.ffmpeg import frames as frame_errors
from stoat_ferret.render import errors as render_errors
from stoat_ferret.render import preview_service as preview_errors

#: Modules whose error classes are part of the tree before a route of theirs exists
#: (a test checks that no module's class is missing from the schema).
TREE_MODULES = (editing_errors, interchange_errors, render_errors, frame_errors, preview_errors)

__all__ = [
    "TREE_MODULES",
    "error_model",
    "error_models",
    "error_responses",
    "model_name",
    "stoat_error_classes",
]


def stoat_error_classes() -> list[type[StoatError]]:
    """``StoatError`` and every subclass, depth first (parents before children)."""

    def walk(cls: type[StoatError]) -> Iterator[type[StoatError]]:
        yield cls
        for sub in cls.__subclasses__():
            yield from walk(sub)

    return list(dict.fromkeys(walk(StoatError)))


def model_name(code: str) -> str:
    """
    ``NOT_FOUND`` -> ``NotFoundError``; ``VALIDATION_ERROR`` -> ``ValidationError``.

    The root's bare ``ERROR`` is ``StoatError``, after its class: ``Error`` would
    read as the shape of every error, which ``ErrorResponse`` is.
    """
    if code == StoatError.code:
        return StoatError.__name__
    camel = "".join(part.capitalize() for part in code.split("_"))
    return camel if camel.endswith("Error") else f"{camel}Error"


def _summary(cls: type[StoatError]) -> str | None:
    doc = cls.__dict__.get("__doc__")
    return doc.strip().splitlines()[0] if doc else None


@cache
def error_models() -> dict[str, type[BaseModel]]:
    """Every error code and its response model, sorted by code."""
    sources: dict[str, list[Mapping[str, Any]]] = {}
    notes: dict[str, list[str]] = {}
    for cls in stoat_error_classes():
        sources.setdefault(cls.code, []).append(cls.detail_fields)
        note = f"HTTP {status_for(cls)}" + (f": {_summary(cls)}" if _summary(cls) else "")
        notes.setdefault(cls.code, []).append(note)
    for code, fields in FRAMEWORK_CODES.items():
        sources.setdefault(code, []).append(fields)
    return {code: _model(code, sources[code], notes.get(code, [])) for code in sorted(sources)}


def _model(code: str, sources: list[Mapping[str, Any]], notes: list[str]) -> type[BaseModel]:
    name = model_name(code)
    fields: dict[str, Any] = {}
    for field in dict.fromkeys(f for source in sources for f in source):
        types = {source[field] for source in sources if field in source}
        if len(types) > 1:
            raise TypeError(f"error code {code}: field {field!r} has several types {types}")
        (kind,) = types
        if all(field in source for source in sources):
            fields[field] = (kind, ...)
        else:
            fields[field] = (kind | None, Field(None, description="Sent by some sources only."))
    literal: Any = Literal[code]
    detail = create_model(
        f"{name}Detail",
        __doc__=f"The ``detail`` of a ``{code}`` answer.",
        code=(literal, Field(examples=[code])),
        message=(str, Field(description="For people; may change. `code` is for programs.")),
        **fields,
    )
    doc = f"Error `{code}`." + "".join(f"\n\n{note}" for note in dict.fromkeys(notes))
    model: type[BaseModel] = create_model(name, __doc__=doc, detail=(detail, ...))
    return model


def error_model(code: str) -> type[BaseModel]:
    """The response model of one code (``KeyError`` for a code nothing sends)."""
    return error_models()[code]


def error_responses(*errors: type[StoatError]) -> dict[int | str, dict[str, Any]]:
    """
    OpenAPI ``responses=`` for the errors a route can raise, grouped by status.

    Args:
        errors: ``StoatError`` classes; their status comes from ``STATUS_BY_ERROR``.

    Returns:
        ``{status: {"model": ..., "description": ...}}``; a status with several codes
        gets the union of their models (an ``anyOf`` in the schema).
    """
    by_status: dict[int, list[str]] = {}
    for error in errors:
        by_status.setdefault(status_for(error), []).append(error.code)
    responses: dict[int | str, dict[str, Any]] = {}
    for status, codes in sorted(by_status.items()):
        models = tuple(error_model(code) for code in dict.fromkeys(codes))
        union: Any = models[0] if len(models) == 1 else Union[models]  # noqa: UP007
        responses[status] = {"model": union, "description": ", ".join(dict.fromkeys(codes))}
    return responses
