"""Why a project cannot be compiled to an ffmpeg command.

```
ConflictError
├── EmptyProjectError      EMPTY_PROJECT: nothing to render (SPEC §10, 409)
└── SourceMissingError     SOURCE_MISSING: a clip's source has no input file (409)
InvalidInputError
└── EditRuleError
    ├── RenderRequestError a request outside the project (a frame ``at`` past the end,
    │                      a main-track clip without pictures): 422 naming the field
    └── UnsupportedFormatError  a container or codec the local ffmpeg cannot write
                           (422 VALIDATION_ERROR naming the field)
```
"""

from __future__ import annotations

from stoat_ferret.editing.errors import EditRuleError
from stoat_ferret.errors import ConflictError

__all__ = [
    "EmptyProjectError",
    "RenderFailedError",
    "RenderRequestError",
    "SourceMissingError",
    "UnsupportedFormatError",
]


class EmptyProjectError(ConflictError):
    """The project plays nothing: no clip on any track."""

    code = "EMPTY_PROJECT"

    def __init__(self) -> None:
        super().__init__("the project has no clips to render")


class SourceMissingError(ConflictError):
    """A clip names a source the caller gave no input file for."""

    code = "SOURCE_MISSING"

    def __init__(self, clip_id: str, source_id: str, reason: str = "has no media file") -> None:
        super().__init__(f"clip {clip_id[:60]!r}: source {source_id[:60]!r} {reason}")
        self.clip_id = clip_id
        self.source_id = source_id


class RenderRequestError(EditRuleError):
    """A render or frame request the project cannot satisfy, naming the field."""


class UnsupportedFormatError(EditRuleError):
    """A container, codec or preset the local ffmpeg cannot render (422 naming it).

    A ``VALIDATION_ERROR`` like every 422: ``field`` says which setting, and the
    message what this ffmpeg has instead.
    """


class RenderFailedError(Exception):
    """The render job's failure: ffmpeg's last stderr lines, or what verification found.

    Not a ``StoatError``: it never reaches an HTTP answer, only the job's ``error``.
    """
