"""A real PostgreSQL server for the test session, from Debian's ``postgresql`` package.

``running_postgres()`` runs ``initdb`` in a fresh temporary folder and starts the
server with ``pg_ctl`` on a free loopback port (and a Unix socket in the same folder,
so nothing under ``/run/postgresql`` is needed); leaving the block stops it and
removes the folder. PostgreSQL refuses to run as root, so when the tests run as root
the server runs as the ``postgres`` system user (created by the Debian package)
through ``runuser``.

Every test gets its own database (``create_database``), so tests never see each
other's rows and need no cleanup. The cluster runs with ``fsync`` off: its data is
thrown away at the end of the session, and durability costs seconds per test run.

Use it through the session fixture ``postgres_server`` (``tests/conftest.py``), or
``database_url`` for a fresh database's URL.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "stoat"
"""The cluster's superuser (``initdb -U``); local connections are trusted."""

_START_TIMEOUT_S = 60


class PostgresUnavailableError(RuntimeError):
    """The PostgreSQL server binaries are not installed here."""


def postgres_bin_dir() -> Path:
    """The newest ``/usr/lib/postgresql/<version>/bin`` that has ``initdb`` and ``pg_ctl``.

    Raises:
        PostgresUnavailableError: no such folder (``apt-get install postgresql``;
            ``./scripts/test`` installs it when missing).
    """
    root = Path("/usr/lib/postgresql")
    candidates = [
        path / "bin"
        for path in root.glob("*")
        if (path / "bin" / "initdb").is_file() and (path / "bin" / "pg_ctl").is_file()
    ]
    if not candidates:
        raise PostgresUnavailableError(
            "PostgreSQL server binaries not found under /usr/lib/postgresql; "
            "install Debian's `postgresql` package (./scripts/test does)"
        )

    def version(bin_dir: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in bin_dir.parent.name.split(".") if part.isdigit())

    return max(candidates, key=version)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run_as() -> list[str]:
    """The command prefix that runs the server binaries as a user PostgreSQL accepts."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:  # pragma: no cover - util-linux is everywhere
        raise PostgresUnavailableError("running as root needs `runuser` to start PostgreSQL")
    return ["runuser", "-u", "postgres", "--"]


@dataclass
class PostgresServer:
    """A running cluster: where it listens and how to make databases in it."""

    bin_dir: Path
    folder: Path
    port: int
    host: str = "127.0.0.1"
    user: str = SUPERUSER
    _names: Iterator[int] = field(default_factory=itertools.count)

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres", *, driver: str = "asyncpg") -> str:
        """A SQLAlchemy URL (``postgresql+asyncpg://`` by default; ``driver=""`` for libpq)."""
        scheme = f"postgresql+{driver}" if driver else "postgresql"
        return f"{scheme}://{self.user}@{self.host}:{self.port}/{database}"

    def psql(self, sql: str, *, database: str = "postgres") -> str:
        """Run ``sql`` with ``psql`` (one transaction unless it says otherwise); its output."""
        completed = subprocess.run(
            [
                str(self.bin_dir / "psql"),
                "--no-psqlrc",
                "--quiet",
                "--tuples-only",
                "--no-align",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                self.host,
                "-p",
                str(self.port),
                "-U",
                self.user,
                "-d",
                database,
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        if completed.returncode != 0:
            raise RuntimeError(f"psql failed: {completed.stderr.strip()}")
        return completed.stdout.strip()

    def create_database(self, prefix: str = "test", *, template: str | None = None) -> str:
        """A new database with a unique name, empty or a copy of ``template``; its name.

        A copy of a migrated template takes a few milliseconds where migrating a new
        database takes half a second: tests that just need the schema use one.
        """
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        copy = f' TEMPLATE "{template}"' if template else ""
        self.psql(f'CREATE DATABASE "{name}"{copy}')
        return name

    def drop_database(self, name: str) -> None:
        """Drop ``name``, closing whatever connections a test left open to it."""
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _server_command(server: PostgresServer, *args: str) -> list[str]:
    return [*_run_as(), str(server.bin_dir / "pg_ctl"), "-D", str(server.data_dir), *args]


def _initdb(server: PostgresServer) -> None:
    subprocess.run(
        [
            *_run_as(),
            str(server.bin_dir / "initdb"),
            "-D",
            str(server.data_dir),
            "-U",
            server.user,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def _start(server: PostgresServer) -> None:
    options = " ".join(
        [
            f"-p {server.port}",
            f"-c listen_addresses={server.host}",
            f"-c unix_socket_directories={server.folder}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=300",
            "-c shared_buffers=32MB",
        ]
    )
    subprocess.run(
        _server_command(
            server, "-o", options, "-l", str(server.folder / "server.log"), "-w", "start"
        ),
        check=True,
        capture_output=True,
        timeout=_START_TIMEOUT_S,
    )


def _wait_until_ready(server: PostgresServer) -> None:
    deadline = time.monotonic() + _START_TIMEOUT_S
    while True:
        try:
            server.psql("SELECT 1")
            return
        except RuntimeError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _stop(server: PostgresServer) -> None:
    with contextlib.suppress(subprocess.SubprocessError, OSError):
        subprocess.run(
            _server_command(server, "-m", "immediate", "-w", "stop"),
            check=False,
            capture_output=True,
            timeout=60,
        )


@contextlib.contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """Start a throw-away PostgreSQL cluster; stop it and delete its folder on exit.

    The folder is made with ``tempfile`` (not pytest's ``tmp_path``, which is private
    to root) and handed to the ``postgres`` user when the tests run as root.

    Raises:
        PostgresUnavailableError: the server binaries are not installed.
    """
    bin_dir = postgres_bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="stoat-pg-"))
    server = PostgresServer(bin_dir=bin_dir, folder=folder, port=free_port())
    try:
        if os.geteuid() == 0:
            shutil.chown(folder, user="postgres", group="postgres")
        _initdb(server)
        for attempt in range(3):
            try:
                _start(server)
                break
            except subprocess.CalledProcessError:
                # Another process took the free port in the meantime: pick another.
                if attempt == 2:
                    raise
                server.port = free_port()
        _wait_until_ready(server)
        yield server
    finally:
        _stop(server)
        shutil.rmtree(folder, ignore_errors=True)
