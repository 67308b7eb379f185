"""The "in use" lock of a database file: shared by its users, exclusive for a restore.

Every process that opens the database through ``Database.migrate`` (the server's
lifespan, ``stoat-ferret scan``, ``db upgrade``) and ``db backup`` hold a *shared*
``flock`` on ``<database>.lock`` for as long as they use it; ``db restore`` needs
it *exclusive*, so it is refused while anyone else holds it, and a server or scan
started during a restore is refused in turn. An advisory lock rather than a pid
file because the kernel drops it when its holder exits, however it exits (a
``SIGKILL`` or a crash leaves nothing stale to clean up).

The lock file itself is never deleted: removing it while another process is
between ``open`` and ``flock`` would let two holders lock two different files.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import Self

from stoat_ferret.errors import ConflictError


class DatabaseInUseError(ConflictError):
    """The database is held by another user in a way that forbids this one."""


def lock_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".lock")


class DatabaseLock:
    """A held ``flock`` on a database's lock file; ``release()`` (or exit) drops it."""

    def __init__(self, fd: int, *, exclusive: bool) -> None:
        self._fd: int | None = fd
        self.exclusive = exclusive

    @classmethod
    def acquire(cls, database_path: Path, *, exclusive: bool) -> Self:
        """Take the lock without waiting.

        Raises:
            DatabaseInUseError: another process (or another holder in this one)
                holds it in a conflicting mode.
        """
        path = lock_path(database_path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if exclusive:
                raise DatabaseInUseError(
                    f"the database {database_path} is in use (a server, a scan or a backup "
                    "holds it); stop it and try again"
                ) from None
            raise DatabaseInUseError(
                f"the database {database_path} is being restored; try again when "
                "`stoat-ferret db restore` has finished"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        return cls(fd, exclusive=exclusive)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def migration_lock_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".migrate.lock")


class MigrationLock:
    """An exclusive, waiting ``flock``: one process at a time migrates a SQLite file.

    A server and a worker started together on one file both found no tables and both
    created them ("table jobs already exists"): SQLite's driver commits DDL as it
    goes, so the migration's transaction does not serialise them. The second process
    waits here, then finds the schema at head and has nothing to do. (PostgreSQL takes
    an advisory lock for the same reason.)
    """

    def __init__(self, fd: int) -> None:
        self._fd = fd

    @classmethod
    def acquire(cls, database_path: Path) -> MigrationLock:
        fd = os.open(
            migration_lock_path(database_path), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644
        )
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # waits: called in a thread
        except BaseException:
            os.close(fd)
            raise
        return cls(fd)

    def release(self) -> None:
        os.close(self._fd)  # closing the descriptor drops the flock
