"""
The ``StoatError`` tree: every expected failure of the product.

```
StoatError
├── NotFoundError              (404)   JobNotFoundError (also a KeyError)
├── ConflictError              (409)   JobAlreadyTerminalError, ScanInProgressError,
│   │                                   UnsafeFileError, NotARegularFileError, InUseError
│   └── VersionConflictError   (412)   a stale ``If-Match`` / ``expected_version``
├── InvalidInputError          (400)   InvalidPathError, UnknownJobTypeError
│   └── FieldValidationError   (422)   a value breaks a rule; names the field
├── PermissionDeniedError      (403)   PathNotAllowedError
├── MediaError                 (422)   FFprobeError, ThumbnailError
├── DependencyUnavailableError (503)   a binary such as ffprobe is missing
└── StorageError               (503)   the database or data folder cannot be written
    └── StorageFullError       (507)   no space left on the device
```

Services raise these; ``api/errors.py`` maps them to HTTP once and the CLI maps them
to exit codes. Each class carries a stable machine ``code`` for the API error shape,
and ``detail_fields`` names the attributes it adds to that shape (``job_id``,
``current_version``...) with their types: the API sends them and the OpenAPI schema
publishes one model per code from this very tree (``api/error_models.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from typing_extensions import TypedDict  # pydantic reads typing.TypedDict only on 3.12+

#: The most characters of a caller's value an error message repeats.
ECHO_LIMIT = 200


def capped(value: str, limit: int = ECHO_LIMIT) -> str:
    """
    ``repr(value)`` for an error message, cut to ``limit`` characters with an ellipsis.

    Messages name the offending value, but repeating a 100 kB path back in full (and
    into the logs) helps nobody; the length says how much was cut.
    """
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value)} characters)"


class FieldProblem(TypedDict):
    """One refused field, as the ``errors`` list of a ``VALIDATION_ERROR`` names it."""

    loc: list[str | int]
    msg: str
    type: str


class NamedProject(TypedDict):
    """A project named by an error (``IN_USE``): enough to find and show it."""

    id: str
    name: str


#: The longest message a rule error (``FieldValidationError``) carries.
MESSAGE_LIMIT = 300


def cap_message(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis (a message can quote a value)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class StoatError(Exception):
    """Root of every expected failure; ``code`` is the API's machine-readable code."""

    code = "ERROR"
    #: Attributes sent next to ``code`` and ``message`` in the API's ``detail``, with
    #: their types (for the published schema). A subclass that adds one declares it.
    detail_fields: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message

    def details(self) -> dict[str, Any]:
        """The ``detail_fields`` of this error, as the API sends them."""
        return {name: getattr(self, name) for name in self.detail_fields}


class NotFoundError(StoatError):
    code = "NOT_FOUND"


class ConflictError(StoatError):
    code = "CONFLICT"


class InvalidInputError(StoatError):
    code = "INVALID_INPUT"


class PermissionDeniedError(StoatError):
    code = "FORBIDDEN"


class MediaError(StoatError):
    code = "MEDIA_ERROR"


class DependencyUnavailableError(StoatError):
    code = "DEPENDENCY_UNAVAILABLE"


class StorageError(StoatError):
    """A write to the database or the data folder failed (I/O error, read-only disk)."""

    code = "STORAGE_UNAVAILABLE"


class StorageFullError(StorageError):
    """The disk holding the database or the data folder is full."""

    code = "INSUFFICIENT_STORAGE"


class JobNotFoundError(NotFoundError, KeyError):
    """Unknown job id. Also a ``KeyError``, as the queue protocol promises."""

    def __init__(self, job_id: str) -> None:
        super().__init__(f"job {capped(job_id)} not found")
        self.job_id = job_id

    def __str__(self) -> str:
        return self.message


class JobAlreadyTerminalError(ConflictError):
    code = "ALREADY_TERMINAL"

    def __init__(self, job_id: str, status: str) -> None:
        super().__init__(f"job {job_id!r} is already {status}; it cannot be cancelled")
        self.job_id = job_id
        self.status = status


class UnknownJobTypeError(InvalidInputError):
    code = "UNKNOWN_JOB_TYPE"

    def __init__(self, job_type: str, known: list[str]) -> None:
        names = ", ".join(sorted(known)) or "none"
        super().__init__(f"no handler for job type {job_type!r}; registered types: {names}")
        self.job_type = job_type


class InvalidPathError(InvalidInputError):
    code = "INVALID_PATH"


class PathNotAllowedError(PermissionDeniedError):
    code = "PATH_NOT_ALLOWED"


class ScanInProgressError(ConflictError):
    code = "SCAN_IN_PROGRESS"
    detail_fields: ClassVar[Mapping[str, Any]] = {"job_id": str}

    def __init__(self, message: str, *, job_id: str) -> None:
        super().__init__(message)
        self.job_id = job_id


class InUseError(ConflictError):
    """
    A delete refused because other parts of the product still use the thing.

    ``projects`` names each user as ``{"id", "name"}``; nothing was deleted.
    """

    code = "IN_USE"
    detail_fields: ClassVar[Mapping[str, Any]] = {"projects": list[NamedProject]}

    def __init__(self, message: str, *, projects: Sequence[NamedProject]) -> None:
        super().__init__(message)
        self.projects = [NamedProject(id=p["id"], name=p["name"]) for p in projects]


class UnsafeFileError(ConflictError):
    """
    A file delete refused: the file, or a folder on its stored path, is a symlink.

    Following the link could remove something other than the library file (maybe
    outside every allowed root), so nothing is removed and the record stays.
    """

    code = "SYMLINK_IN_PATH"


class NotARegularFileError(UnsafeFileError):
    """A file delete refused: a folder or special file stands where the video was."""

    code = "NOT_A_REGULAR_FILE"


class FFprobeError(MediaError):
    """ffprobe (or the in-process backend) could not read a file; names the file."""

    code = "PROBE_FAILED"

    def __init__(self, path: str, reason: str) -> None:
        reason = reason.strip() or "ffprobe failed without a message"
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ThumbnailError(MediaError):
    code = "THUMBNAIL_FAILED"

    def __init__(self, path: str, reason: str) -> None:
        reason = reason.strip() or "ffmpeg failed without a message"
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class VersionConflictError(ConflictError):
    """
    A change was based on a version that is no longer current (HTTP 412).

    The editor's optimistic concurrency (SPEC §9): a client sends the version it
    edited (``If-Match`` or ``expected_version``); when another change came first,
    nothing is stored and ``current_version`` says what to reload.
    """

    code = "VERSION_CONFLICT"
    detail_fields: ClassVar[Mapping[str, Any]] = {"current_version": int}

    def __init__(self, what: str, *, expected: int, current_version: int) -> None:
        super().__init__(
            f"{what} is at version {current_version}, not {expected}; "
            "reload it and apply the change again"
        )
        self.expected = expected
        self.current_version = current_version


class FieldValidationError(InvalidInputError):
    """
    A value is well-formed but breaks a rule; ``field`` names it (HTTP 422).

    ``field`` is a path into the request (``out_point``, ``operations[2].out_point``,
    ``parameters.font_size``). The answer has the shape of a request validation error
    (``errors``, one entry) plus ``field``, so a client handles both alike.
    """

    code = "VALIDATION_ERROR"
    detail_fields: ClassVar[Mapping[str, Any]] = {"field": str, "errors": list[FieldProblem]}

    def __init__(self, field: str, message: str) -> None:
        super().__init__(cap_message(f"{field}: {message}"))
        self.field = field
        self.reason = message

    @property
    def errors(self) -> list[FieldProblem]:
        return [FieldProblem(loc=[self.field], msg=self.reason, type="value_error")]
