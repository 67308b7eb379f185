"""Write failures of the database and the data folder: naming them, and surviving a full disk.

A full disk reaches us in two shapes: ``OSError(ENOSPC)`` from our own file writes
(thumbnails), and SQLite's ``SQLITE_FULL`` ("database or disk is full"), which is what
SQLite returns when ``write()`` fails with ``ENOSPC``. :func:`storage_error` turns both
(and the other "cannot write" failures) into one :class:`StorageError` whose message
starts with the operating system's own words, so a failed job and an API answer say
``No space left on device`` instead of a SQL statement or a 500.

:class:`SpaceReserve` keeps a small file beside the database and gives it up when the
disk is full, so the last write that matters, a job's terminal state, still fits.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from stoat_ferret.errors import StorageError, StorageFullError

__all__ = ["RESERVE_BYTES", "SpaceReserve", "describe_failure", "storage_error"]

RESERVE_BYTES = 1024 * 1024
"""Room for hundreds of WAL frames: far more than one job's terminal state needs."""

_FILL_CHUNK_BYTES = 64 * 1024
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})
_UNWRITABLE_ERRNOS = frozenset({errno.EIO, errno.EROFS})
_SQLITE_FULL = 13
# Primary result codes (the low byte of an extended code) that mean "cannot write".
_SQLITE_UNWRITABLE = frozenset({8, 10, 14})  # READONLY, IOERR, CANTOPEN


def _from_sqlite(error: sqlite3.Error) -> StorageError | None:
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == _SQLITE_FULL:
        # SQLite maps ENOSPC to SQLITE_FULL and drops the errno: name the OS's words.
        return StorageFullError(
            f"{os.strerror(errno.ENOSPC)}: the database could not be written ({error})"
        )
    if primary in _SQLITE_UNWRITABLE:
        return StorageError(f"the database could not be written: {error}")
    return None


def _from_os(error: OSError) -> StorageError | None:
    if error.errno not in _FULL_ERRNOS | _UNWRITABLE_ERRNOS:
        return None
    reason = error.strerror or os.strerror(error.errno or 0)
    message = f"{reason}: could not write {error.filename}" if error.filename else reason
    if error.errno in _FULL_ERRNOS:
        return StorageFullError(message)
    return StorageError(message)


def storage_error(exc: BaseException) -> StorageError | None:
    """The :class:`StorageError` that ``exc`` (or its cause) stands for, else None."""
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 4:
        if isinstance(current, StorageError):
            return current
        if isinstance(current, DBAPIError) and isinstance(current.orig, sqlite3.Error):
            return _from_sqlite(current.orig)
        if isinstance(current, sqlite3.Error):
            return _from_sqlite(current)
        if isinstance(current, OSError):
            return _from_os(current)
        current = current.__cause__
        seen += 1
    return None


def describe_failure(exc: BaseException) -> str:
    """A job's ``error`` text: a storage failure in the OS's words, else ``str(exc)``."""
    storage = storage_error(exc)
    if storage is not None:
        return storage.message
    return str(exc) or type(exc).__name__


class SpaceReserve:
    """A file of ``size_bytes`` beside the database, given up when the disk is full.

    Without it, a full disk leaves a failed job recorded as ``running`` (the write of
    its terminal state fails too), so after a restart it runs again and, until then,
    its folder looks busy. The methods are blocking: call them through
    ``asyncio.to_thread``.
    """

    def __init__(self, path: Path, size_bytes: int = RESERVE_BYTES) -> None:
        self.path = path
        self.size_bytes = size_bytes
        self.released = False

    def fill(self) -> bool:
        """Create or top up the reserve; False when the disk has no room for all of it.

        Whatever fits is kept: part of a reserve still saves the next terminal state.
        """
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            size = 0
        try:
            with open(self.path, "ab") as handle:
                while size < self.size_bytes:
                    # Random bytes: zeros could be compressed away by the file system.
                    chunk = os.urandom(min(_FILL_CHUNK_BYTES, self.size_bytes - size))
                    handle.write(chunk)
                    handle.flush()
                    size += len(chunk)
                os.fsync(handle.fileno())
        except OSError:
            # The disk is full (or unwritable): keep what was written before the error.
            with contextlib.suppress(OSError):
                os.truncate(self.path, size)
        self.released = size < self.size_bytes
        return not self.released

    def release(self) -> bool:
        """Delete the reserve to free its space; False if there was none to give."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        finally:
            self.released = True
        return True
