"""Reading an uploaded OTIO JSON document without trusting it.

The OTIO core parses JSON in C++; a body nested ten thousand levels deep must not reach
it, so the text is first read by Python's ``json`` (bounded depth, no ``NaN`` or
``Infinity``, a ``Timeline`` at the top), and only then handed to OTIO. Every failure
is an :class:`InterchangeFormatError` naming the problem; the body's size is the HTTP
layer's limit (``STOAT_MAX_BODY_BYTES``).
"""

from __future__ import annotations

import json
from typing import Any

import opentimelineio as otio

from stoat_ferret.editing.interchange.errors import InterchangeFormatError
from stoat_ferret.editing.interchange.values import NAMESPACE

__all__ = ["MAX_DEPTH", "read_timeline"]

MAX_DEPTH = 64
"""How deeply objects may nest (a timeline with effect parameters needs about 12)."""

_REASON = 200


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _depth(value: Any) -> int:
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                break
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return deepest


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:_REASON]


def _restore_metadata(item: Any, data: Any) -> None:
    """Put our metadata back as Python read it, onto ``item`` and its children.

    OTIO's C++ JSON reader may return a 17-digit float one unit in the last place off
    (``2.8260595299362707e-21`` comes back as ``...271e-21``); Python's reader is exact,
    and a value handed over in memory stays exact, so our namespace is copied across.
    """
    if not isinstance(data, dict):
        return
    stored = data.get("metadata")
    if isinstance(stored, dict) and isinstance(stored.get(NAMESPACE), dict):
        item.metadata[NAMESPACE] = stored[NAMESPACE]
    if isinstance(item, otio.schema.Timeline):
        _restore_metadata(item.tracks, data.get("tracks"))
        return
    children = data.get("children")
    if isinstance(item, otio.core.Composition) and isinstance(children, list):
        for child, child_data in zip(item, children, strict=False):
            _restore_metadata(child, child_data)
    effects = data.get("effects")
    if isinstance(item, otio.schema.Clip) and isinstance(effects, list):
        for effect, effect_data in zip(item.effects, effects, strict=False):
            _restore_metadata(effect, effect_data)


def read_timeline(text: str | bytes) -> Any:
    """The ``otio.schema.Timeline`` in ``text`` (OTIO JSON).

    Raises:
        InterchangeFormatError: not UTF-8 JSON, nested too deeply, not an OTIO
            ``Timeline``, or refused by OTIO's own reader (the message says why).
    """
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        data = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise InterchangeFormatError("body", f"not JSON: {_reason(error)}") from None
    if _depth(data) > MAX_DEPTH:
        raise InterchangeFormatError("body", f"nested more than {MAX_DEPTH} levels deep")
    schema = data.get("OTIO_SCHEMA") if isinstance(data, dict) else None
    if not isinstance(schema, str) or not schema.startswith("Timeline."):
        found = schema[:60] if isinstance(schema, str) else type(data).__name__
        raise InterchangeFormatError(
            "OTIO_SCHEMA", f"expected an OTIO Timeline document, got {found!r}"
        )
    try:
        timeline = otio.adapters.read_from_string(text, "otio_json")
    except Exception as error:  # OTIO raises many kinds; each means a bad document.
        raise InterchangeFormatError(
            "body", f"not a valid OTIO document: {_reason(error)}"
        ) from None
    if not isinstance(timeline, otio.schema.Timeline):
        raise InterchangeFormatError("OTIO_SCHEMA", "expected an OTIO Timeline document")
    _restore_metadata(timeline, data)
    return timeline
