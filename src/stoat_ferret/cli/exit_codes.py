"""Exit codes: the CLI's mapping of the ``StoatError`` tree (documented in 06_cli.md)."""

from __future__ import annotations

import typer
from rich.console import Console

from stoat_ferret.errors import (
    ConflictError,
    DependencyUnavailableError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    StoatError,
)

OK = 0
FAILURE = 1
USAGE = 2
NOT_FOUND = 3
CONFLICT = 4
FORBIDDEN = 5
UNAVAILABLE = 6
INTERRUPTED = 130

_BY_ERROR: tuple[tuple[type[StoatError], int], ...] = (
    (NotFoundError, NOT_FOUND),
    (ConflictError, CONFLICT),
    (InvalidInputError, USAGE),
    (PermissionDeniedError, FORBIDDEN),
    (DependencyUnavailableError, UNAVAILABLE),
)

_BY_HTTP_STATUS = {
    400: USAGE,
    401: FORBIDDEN,
    403: FORBIDDEN,
    404: NOT_FOUND,
    409: CONFLICT,
    422: USAGE,
}


def for_error(error: StoatError) -> int:
    return next((code for cls, code in _BY_ERROR if isinstance(error, cls)), FAILURE)


def for_http_status(status: int) -> int:
    return _BY_HTTP_STATUS.get(status, UNAVAILABLE if status >= 500 else FAILURE)


def report(error: StoatError) -> typer.Exit:
    """Print ``CODE: message`` on stderr; returns the ``typer.Exit`` (with its code) to raise."""
    console = Console(stderr=True, soft_wrap=True, highlight=False)
    console.print(f"{error.code}: {error.message}", style="red", markup=False)
    return typer.Exit(for_error(error))
