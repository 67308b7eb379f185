"""Why a project cannot be compiled to an ffmpeg command.

```
ConflictError
├── EmptyProjectError      EMPTY_PROJECT: nothing to render (SPEC §10, 409)
└── SourceMissingError     SOURCE_MISSING: a clip's source has no input file (409)
InvalidInputError
└── EditRuleError
    └── RenderRequestError a request outside the project (a frame ``at`` past the end,
                           a main-track clip without pictures): 422 naming the field
```
"""

from __future__ import annotations

from stoat_ferret.editing.errors import EditRuleError
from stoat_ferret.errors import ConflictError

__all__ = ["EmptyProjectError", "RenderRequestError", "SourceMissingError"]


class EmptyProjectError(ConflictError):
    """The project plays nothing: no clip on any track."""

    code = "EMPTY_PROJECT"

    def __init__(self) -> None:
        super().__init__("the project has no clips to render")


class SourceMissingError(ConflictError):
    """A clip names a source the caller gave no input file for."""

    code = "SOURCE_MISSING"

    def __init__(self, clip_id: str, source_id: str) -> None:
        super().__init__(f"clip {clip_id[:60]!r}: source {source_id[:60]!r} has no media file")
        self.clip_id = clip_id
        self.source_id = source_id


class RenderRequestError(EditRuleError):
    """A render or frame request the project cannot satisfy, naming the field."""
