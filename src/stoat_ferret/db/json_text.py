"""
``EncodedJSON``: a value for a JSON column that its writer has already encoded.

SQLAlchemy encodes a JSON column's value with the engine's ``json_serializer`` on every
write. A project's document is large and mostly the same from one version to the next,
so the editor encodes it from remembered per-clip parts instead (``docs/performance.md``)
and hands over the text; :func:`json_serializer` stores that text as it is and encodes
every other value as before. Reading is unchanged: the column gives back plain JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

__all__ = ["EncodedJSON", "json_serializer"]


@dataclass(frozen=True, slots=True)
class EncodedJSON:
    """JSON text, stored verbatim (its writer guarantees it is one valid JSON value)."""

    text: str


def json_serializer(value: Any) -> str:
    """The engine's JSON encoder: ``EncodedJSON`` as it is, anything else ``json.dumps``."""
    if isinstance(value, EncodedJSON):
        return value.text
    return json.dumps(value)
