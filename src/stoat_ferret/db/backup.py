"""``db backup`` and ``db restore``: a consistent copy out, a checked copy back in.

Both write a temporary file beside their target and rename it into place, so the
target is always either the old file or the complete new one, never half written.
The functions are synchronous (``sqlite3`` and plain file calls): the CLI runs
them directly, no event loop involved.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine

from stoat_ferret.db.engine import migration_scripts, upgrade_connection
from stoat_ferret.db.lock import DatabaseLock
from stoat_ferret.errors import ConflictError, InvalidInputError, NotFoundError, StoatError

#: Tables whose row counts the commands report (when the schema has them).
COUNTED_TABLES = ("videos", "jobs")


@dataclass(frozen=True)
class DatabaseSummary:
    """What a checked database file holds: its schema revision and a few counts."""

    revision: str
    counts: dict[str, int]

    def describe(self) -> str:
        counts = ", ".join(f"{count} {table}" for table, count in self.counts.items())
        return f"{counts or 'no rows counted'} (schema {self.revision})"


@dataclass(frozen=True)
class RestoreSummary:
    restored: DatabaseSummary
    backup_revision: str

    @property
    def upgraded(self) -> bool:
        return self.backup_revision != self.restored.revision


def backup_database(database_path: Path, destination: Path, *, force: bool) -> DatabaseSummary:
    """Copy the live database to ``destination`` with SQLite's online backup API.

    The copy is one consistent snapshot even while the server writes (WAL readers
    see a fixed state), is converted to a single self-contained file (no ``-wal``),
    and is checked before it is renamed into place.

    Raises:
        NotFoundError: there is no database to back up.
        InvalidInputError: ``destination`` is a folder, has no parent folder, or
            is the database itself.
        ConflictError: ``destination`` exists and ``force`` is false.
        DatabaseInUseError: a restore is replacing the database.
        StoatError: the copy failed (the database is not SQLite, the disk is full).
    """
    if not database_path.is_file():
        raise NotFoundError(f"no database at {database_path}")
    if destination.exists() and destination.samefile(database_path):
        raise InvalidInputError(f"{destination} is the database itself")
    check_destination(destination, force=force)
    with (
        DatabaseLock.acquire(database_path, exclusive=False),
        temporary_beside(destination) as staging,
    ):
        try:
            _copy_into(database_path, staging)
        except (sqlite3.Error, OSError) as exc:  # not SQLite, disk full, no permission
            raise StoatError(f"backup of {database_path} failed: {exc}") from exc
        summary = inspect_database(staging, shown_as=destination)
        fsync_path(staging)
        publish(staging, destination, overwrite=force)
    return summary


def check_destination(destination: Path, *, force: bool) -> None:
    """Refuse a backup file name that cannot be written (before any work is done).

    Raises:
        InvalidInputError: ``destination`` is a folder or has no parent folder.
        ConflictError: ``destination`` exists and ``force`` is false.
    """
    if destination.is_dir():
        raise InvalidInputError(f"{destination} is a folder; name the backup file")
    if not destination.parent.is_dir():
        raise InvalidInputError(f"folder {destination.parent} does not exist")
    if destination.exists() and not force:
        raise _exists(destination)


def restore_database(backup_path: Path, database_path: Path) -> RestoreSummary:
    """Replace the database with a checked copy of ``backup_path``, migrated to head.

    Only while nobody else uses the database (the exclusive lock). The backup file
    itself is never modified: it is copied beside the database, checked, migrated
    and only then renamed over the live file, after the old ``-wal`` and ``-shm``
    files are removed (a stale log replayed onto the restored file would corrupt it).

    Raises:
        NotFoundError: ``backup_path`` does not exist.
        InvalidInputError: it is not a sound stoat-ferret database, or comes from
            a newer version (an unknown schema revision).
        DatabaseInUseError: a server, scan or backup uses the database.
    """
    if not backup_path.is_file():
        raise NotFoundError(f"no backup file at {backup_path}")
    if database_path.exists() and backup_path.samefile(database_path):
        raise InvalidInputError(f"{backup_path} is the database itself")
    database_path.parent.mkdir(parents=True, exist_ok=True)
    with (
        DatabaseLock.acquire(database_path, exclusive=True),
        temporary_beside(database_path) as staging,
    ):
        shutil.copyfile(backup_path, staging)
        backup = inspect_database(staging, shown_as=backup_path)
        if backup.revision != migration_scripts().get_current_head():
            _upgrade_file(staging)
        _make_self_contained(staging)
        restored = inspect_database(staging, shown_as=backup_path)
        _set_mode(staging, like=database_path)
        fsync_path(staging)
        for suffix in ("-wal", "-shm"):
            database_path.with_name(database_path.name + suffix).unlink(missing_ok=True)
        os.replace(staging, database_path)
        fsync_path(database_path.parent)
    return RestoreSummary(restored=restored, backup_revision=backup.revision)


def inspect_database(path: Path, *, shown_as: Path) -> DatabaseSummary:
    """Check that ``path`` is a sound stoat-ferret database this version can use.

    ``shown_as`` is the name used in messages (the user's file, not a staging copy).

    Raises:
        InvalidInputError: not SQLite, fails ``PRAGMA integrity_check``, has no
            ``alembic_version`` table, or names a revision this version lacks.
    """
    connection = sqlite3.connect(path)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            shown = "; ".join(problems[:3])[:300]
            raise InvalidInputError(f"{shown_as} fails SQLite's integrity check: {shown}")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            raise InvalidInputError(
                f"{shown_as} is not a stoat-ferret database (no alembic_version table)"
            )
        versions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
        counts = {
            table: int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in COUNTED_TABLES
            if table in tables
        }
    except sqlite3.DatabaseError as exc:
        raise InvalidInputError(f"{shown_as} is not a SQLite database ({exc})") from exc
    finally:
        connection.close()
    return DatabaseSummary(revision=known_revision(versions, shown_as), counts=counts)


def known_revision(versions: list[str], shown_as: object) -> str:
    """The one schema revision in ``versions``, if this version of stoat-ferret has it.

    Raises:
        InvalidInputError: none, several, or one from a newer version.
    """
    known = {script.revision for script in migration_scripts().walk_revisions()}
    if len(versions) != 1 or versions[0] not in known:
        raise InvalidInputError(
            f"{shown_as} has schema revision {versions!r}, which this version of "
            f"stoat-ferret does not know (it knows {sorted(known)}); a backup from a "
            "newer version needs that version"
        )
    return versions[0]


def _copy_into(database_path: Path, staging: Path) -> None:
    source = sqlite3.connect(database_path, timeout=10)
    target = sqlite3.connect(staging)
    try:
        # pages=-1 (the default): one step, so the copy is one read transaction,
        # one snapshot; writers carry on meanwhile (WAL), no restart loop.
        source.backup(target)
        _set_rollback_journal(target)
    finally:
        target.close()
        source.close()


def _make_self_contained(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        _set_rollback_journal(connection)
    finally:
        connection.close()


def _set_rollback_journal(connection: sqlite3.Connection) -> None:
    # Leaving WAL mode folds any log into the file: a backup is then one file
    # that can be copied alone. The server switches it back to WAL on open.
    connection.execute("PRAGMA journal_mode=DELETE")


def _upgrade_file(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            upgrade_connection(connection)
    finally:
        engine.dispose()


@contextlib.contextmanager
def temporary_beside(target: Path) -> Iterator[Path]:
    """A fresh empty file in ``target``'s folder (same file system: rename is atomic)."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    staging = Path(name)
    try:
        yield staging
    finally:
        staging.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            staging.with_name(staging.name + suffix).unlink(missing_ok=True)


def publish(staging: Path, destination: Path, *, overwrite: bool) -> None:
    if overwrite:
        os.replace(staging, destination)
    else:
        # A hard link never replaces an existing name: no gap between the
        # existence check and the rename for another writer to slip into.
        try:
            os.link(staging, destination)
        except FileExistsError:
            raise _exists(destination) from None
        except OSError:  # no hard links here (FAT, some network shares): check, rename
            if destination.exists():
                raise _exists(destination) from None
            os.replace(staging, destination)
    fsync_path(destination.parent)


def _exists(destination: Path) -> ConflictError:
    return ConflictError(f"{destination} already exists; pass --force to replace it")


def _set_mode(staging: Path, *, like: Path) -> None:
    """The permissions of the file being replaced, or of a new file (not the 0600 of mkstemp)."""
    try:
        shutil.copymode(like, staging)
    except FileNotFoundError:
        umask = os.umask(0)  # reading the umask means setting it: put it straight back
        os.umask(umask)
        staging.chmod(0o666 & ~umask)


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
