"""Errors of the interchange: each names what was refused, so the API can answer 422.

```
EditRuleError (VALIDATION_ERROR, 422)
├── InterchangeFormatError   the body is not an OTIO timeline we can read, or a value
│                            in it is out of range; ``field`` is its place in the file
├── UnsupportedFormatError   an export format that is unknown or whose adapter is missing
└── UnknownMediaError        (UNKNOWN_MEDIA) media references that are not library files,
                             all of them at once in ``missing``
```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from stoat_ferret.editing.errors import EditRuleError

__all__ = ["InterchangeFormatError", "UnknownMediaError", "UnsupportedFormatError"]

# How many unknown media the message names (all of them are in ``missing``).
_NAMED = 10
_LONGEST_NAME = 120


class InterchangeFormatError(EditRuleError):
    """An OTIO document (or one value in it) that cannot become a project."""


class UnsupportedFormatError(EditRuleError):
    """An export format that is not known, or whose OTIO adapter is not installed."""

    def __init__(self, requested: str, available: Iterable[str]) -> None:
        names = ", ".join(available) or "none"
        super().__init__("format", f"{requested[:40]!r} is not available; available: {names}")
        self.requested = requested


def _short(name: str) -> str:
    return name if len(name) <= _LONGEST_NAME else name[: _LONGEST_NAME - 1] + "…"


class UnknownMediaError(EditRuleError):
    """Media references of an imported timeline that match no library file.

    Every unknown reference is collected before this is raised, so one answer names them
    all (``missing``: target URLs, or clip names where a reference has no URL).
    """

    code = "UNKNOWN_MEDIA"
    detail_fields: ClassVar[Mapping[str, Any]] = {
        **EditRuleError.detail_fields,
        "missing": list[str],
    }

    def __init__(self, missing: Iterable[str]) -> None:
        self.missing = sorted(set(missing))
        shown = ", ".join(_short(name) for name in self.missing[:_NAMED])
        more = len(self.missing) - _NAMED
        suffix = f" and {more} more" if more > 0 else ""
        super().__init__(
            "media", f"{len(self.missing)} media are not library files: {shown}{suffix}"
        )

    def relocated(self, prefix: str) -> EditRuleError:
        return UnknownMediaError(self.missing)
