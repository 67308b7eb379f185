"""``db backup`` and ``db restore`` on PostgreSQL: ``pg_dump`` out, ``pg_restore`` back in.

The SQLite commands copy a file; on PostgreSQL the server's own tools make the
consistent copy (``pg_dump`` reads one snapshot while the server writes) in its
custom archive format. The archive is written beside its target and renamed into
place, as on SQLite. A restore is refused while anyone else is connected to the
database (PostgreSQL's counterpart of the SQLite file's "in use" lock), replaces
every stoat-ferret object in one transaction, then migrates to the head revision.

The password of ``STOAT_DATABASE_URL`` reaches the tools through ``PGPASSWORD``, never
their command line (which any local user can read). Synchronous like ``backup.py``:
the CLI calls these directly, and runs their few queries with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import create_async_engine

from stoat_ferret.db.backup import (
    COUNTED_TABLES,
    DatabaseSummary,
    RestoreSummary,
    check_destination,
    fsync_path,
    known_revision,
    publish,
    temporary_beside,
)
from stoat_ferret.db.engine import Database
from stoat_ferret.db.lock import DatabaseInUseError
from stoat_ferret.errors import (
    DependencyUnavailableError,
    InvalidInputError,
    NotFoundError,
    StoatError,
)

_TOOL_TIMEOUT_S = 3600
_VERSION_TABLE = "TABLE DATA public alembic_version"


def pg_tool(name: str) -> str:
    """``pg_dump`` or ``pg_restore``: on ``PATH``, else in Debian's server folder.

    Raises:
        DependencyUnavailableError: not installed (Debian: ``postgresql-client``).
    """
    found = shutil.which(name)
    if found is not None:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    raise DependencyUnavailableError(f"{name} not found; install the PostgreSQL client tools")


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    """The libpq URI (no driver, no password) and the environment that carries the password."""
    plain = url.set(drivername="postgresql", password=None)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return plain.render_as_string(hide_password=False), env


def _run(argv: list[str], env: dict[str, str], what: str) -> str:
    completed = subprocess.run(
        argv, capture_output=True, text=True, env=env, timeout=_TOOL_TIMEOUT_S, check=False
    )
    if completed.returncode != 0:
        detail = completed.stderr.strip()[:500] or f"exit status {completed.returncode}"
        raise StoatError(f"{what} failed: {detail}")
    return completed.stdout


async def _summary(url: URL) -> DatabaseSummary:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            versions = await connection.execute(text("SELECT version_num FROM alembic_version"))
            revision = known_revision(list(versions.scalars()), "the database")
            counts = {}
            for table in COUNTED_TABLES:
                found = await connection.execute(text(f"SELECT count(*) FROM {table}"))
                counts[table] = int(found.scalar_one())
    finally:
        await engine.dispose()
    return DatabaseSummary(revision=revision, counts=counts)


async def _others_connected(url: URL) -> int:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            found = await connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            return int(found.scalar_one())
    finally:
        await engine.dispose()


async def _migrate(url: URL) -> None:
    database = Database(url.render_as_string(hide_password=False))
    try:
        await database.migrate()
    finally:
        await database.dispose()


def backup_postgres(database_url: str, destination: Path, *, force: bool) -> DatabaseSummary:
    """Write a ``pg_dump`` archive (custom format) of the live database to ``destination``.

    Raises:
        InvalidInputError: ``destination`` is a folder or has no parent folder.
        ConflictError: ``destination`` exists and ``force`` is false.
        DependencyUnavailableError: ``pg_dump`` is not installed.
        StoatError: ``pg_dump`` failed (its message included).
    """
    check_destination(destination, force=force)
    url = make_url(database_url)
    uri, env = _libpq(url)
    with temporary_beside(destination) as staging:
        argv = [pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={staging}", uri]
        _run(argv, env, "pg_dump")
        summary = asyncio.run(_summary(url))
        fsync_path(staging)
        publish(staging, destination, overwrite=force)
    return summary


def _archive_revision(backup_path: Path, env: dict[str, str]) -> str:
    """The schema revision stored in a ``pg_dump`` archive, read without restoring it."""
    tool = pg_tool("pg_restore")
    try:
        listing = _run([tool, "--list", str(backup_path)], env, "pg_restore --list")
    except StoatError as exc:
        raise InvalidInputError(f"{backup_path} is not a pg_dump archive ({exc.message})") from exc
    if _VERSION_TABLE not in listing:
        raise InvalidInputError(
            f"{backup_path} is not a stoat-ferret database (no alembic_version table)"
        )
    data = _run(
        [tool, "--data-only", "--table=alembic_version", "--file=-", str(backup_path)],
        env,
        "pg_restore",
    )
    # The table's COPY block: a header line, one line per row, then a line "\\.".
    lines = data.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("COPY "))
    end = lines.index("\\.", start)
    return known_revision(lines[start + 1 : end], backup_path)


def restore_postgres(backup_path: Path, database_url: str) -> RestoreSummary:
    """Replace the database's contents with a ``pg_dump`` archive, then migrate to head.

    Raises:
        NotFoundError: ``backup_path`` does not exist.
        InvalidInputError: not a ``pg_dump`` archive of a stoat-ferret database, or
            from a newer version (an unknown schema revision).
        DatabaseInUseError: another session (a server, a worker, a scan) is connected.
        StoatError: ``pg_restore`` failed; its single transaction left the database as it was.
    """
    if not backup_path.is_file():
        raise NotFoundError(f"no backup file at {backup_path}")
    url = make_url(database_url)
    uri, env = _libpq(url)
    backup_revision = _archive_revision(backup_path, env)
    others = asyncio.run(_others_connected(url))
    if others:
        raise DatabaseInUseError(
            f"the database is in use ({others} other connection(s): a server, a worker or "
            "a scan); stop them and try again"
        )
    restore = [pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner"]
    restore += ["--single-transaction", "--exit-on-error", f"--dbname={uri}", str(backup_path)]
    _run(restore, env, "pg_restore")
    asyncio.run(_migrate(url))
    restored = asyncio.run(_summary(url))
    return RestoreSummary(restored=restored, backup_revision=backup_revision)
