"""``stoat-ferret``: serve the API, scan from a terminal, manage jobs and the database."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from pydantic import ValidationError
from rich.console import Console

from stoat_ferret import __version__
from stoat_ferret.cli import exit_codes
from stoat_ferret.cli import jobs as jobs_cli
from stoat_ferret.cli import projects as projects_cli
from stoat_ferret.cli.client import DEFAULT_URL
from stoat_ferret.db import Database
from stoat_ferret.errors import StoatError
from stoat_ferret.settings import Settings, describe_settings_error, load_settings

app = typer.Typer(
    help="stoat-ferret: API-first video library and editing service.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(jobs_cli.app, name="jobs")
app.add_typer(projects_cli.app, name="projects")
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")
err_console = Console(stderr=True)


def settings_or_exit(**overrides: object) -> Settings:
    """Settings from the environment plus flags; one clear line per invalid value."""
    try:
        return load_settings(**overrides)
    except ValidationError as exc:
        err_console.print(
            describe_settings_error(exc), style="red", highlight=False, soft_wrap=True
        )
        raise typer.Exit(exit_codes.USAGE) from exc


def _version(value: bool) -> None:
    if value:
        typer.echo(f"stoat-ferret {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """stoat-ferret: API-first video library and editing service."""


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address [env STOAT_HOST].")] = None,
    port: Annotated[int | None, typer.Option(help="Port [env STOAT_PORT].")] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="Database and thumbnails [env STOAT_DATA_DIR].")
    ] = None,
    no_worker: Annotated[
        bool,
        typer.Option("--no-worker", help="Serve the API only; `worker` processes run the jobs."),
    ] = False,
) -> None:
    """Run the HTTP API, the GUI and the job workers."""
    settings = settings_or_exit(host=host, port=port, data_dir=data_dir)
    if no_worker and settings.queue_url is None:
        err_console.print(
            "--no-worker needs STOAT_QUEUE_URL: without a shared queue no other "
            "process could run the jobs this server accepts",
            style="red",
            soft_wrap=True,
        )
        raise typer.Exit(exit_codes.USAGE)
    if not settings.host_is_loopback and settings.api_token is None:
        err_console.print(
            f"refusing to listen on non-loopback host {settings.host!r} without "
            "STOAT_API_TOKEN: anyone on the network could drive the server",
            style="red",
            soft_wrap=True,
        )
        raise typer.Exit(exit_codes.USAGE)
    from stoat_ferret.api import create_app

    uvicorn.run(
        create_app(settings, run_jobs=not no_worker),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        access_log=False,
        # The standard library's loop, not uvloop: when more clients ask than one
        # core can answer, uvloop served some connections seconds late (p99 30x the
        # median, wrk timeouts) while asyncio's loop keeps every client within ~2x
        # of the median, at a few percent less throughput (docs/performance.md).
        loop="asyncio",
    )


@app.command()
def scan(
    path: Annotated[str, typer.Argument(help="Absolute path of the folder to scan.")],
    recursive: Annotated[
        bool, typer.Option("--recursive/--no-recursive", help="Also scan subfolders.")
    ] = True,
    data_dir: Annotated[Path | None, typer.Option(help="[env STOAT_DATA_DIR]")] = None,
) -> None:
    """Scan a folder into the library, with a progress bar (Ctrl-C cancels, keeps results)."""
    from stoat_ferret.cli.scan import scan_command

    scan_command(settings_or_exit(data_dir=data_dir), path, recursive)


@app.command()
def worker(
    concurrency: Annotated[
        int | None,
        typer.Option(min=1, max=64, help="Jobs of each type at once [env STOAT_JOB_WORKERS]."),
    ] = None,
    job_types: Annotated[
        str | None,
        typer.Option(help="Comma-separated job types to run, e.g. scan,render (default: all)."),
    ] = None,
    data_dir: Annotated[Path | None, typer.Option(help="[env STOAT_DATA_DIR]")] = None,
) -> None:
    """Run jobs from the shared queue (STOAT_QUEUE_URL) without serving the API."""
    from stoat_ferret.cli.worker import worker_command

    settings = settings_or_exit(data_dir=data_dir)
    try:
        worker_command(settings, concurrency, job_types)
    except ValueError as exc:
        err_console.print(str(exc), style="red", highlight=False, soft_wrap=True)
        raise typer.Exit(exit_codes.USAGE) from exc


@app.command()
def render(
    project_id: Annotated[str, typer.Argument(help="The project to render.")],
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help="Absolute path of the new file (default: data dir)."),
    ] = None,
    url: jobs_cli.UrlOption = DEFAULT_URL,
) -> None:
    """Render a project on the server with a progress bar (Ctrl-C cancels, removes the file)."""
    from stoat_ferret.cli.render import render_command

    render_command(url, project_id, output)


@db_app.command("upgrade")
def db_upgrade(
    data_dir: Annotated[Path | None, typer.Option(help="[env STOAT_DATA_DIR]")] = None,
) -> None:
    """Apply database migrations (the server also does this at start-up)."""
    settings = settings_or_exit(data_dir=data_dir)

    async def upgrade() -> None:
        database = Database.from_settings(settings)
        try:
            await database.migrate()
        finally:
            await database.dispose()

    try:
        asyncio.run(upgrade())
    except StoatError as exc:  # a restore is replacing the database
        raise exit_codes.report(exc) from exc
    typer.echo(f"database at {Database.from_settings(settings).describe()} is up to date")


@db_app.command("backup")
def db_backup(
    path: Annotated[Path, typer.Argument(help="The backup file to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
    data_dir: Annotated[Path | None, typer.Option(help="[env STOAT_DATA_DIR]")] = None,
) -> None:
    """Copy the database to PATH, consistently, even while the server runs."""
    from stoat_ferret.db.backup import backup_database

    settings = settings_or_exit(data_dir=data_dir)
    try:
        if settings.database_url is not None and settings.uses_postgres:
            from stoat_ferret.db.backup_pg import backup_postgres

            summary = backup_postgres(settings.database_url, path.absolute(), force=force)
        else:
            summary = backup_database(settings.database_path, path.absolute(), force=force)
    except StoatError as exc:
        raise exit_codes.report(exc) from exc
    shown = Database.from_settings(settings).describe()
    typer.echo(f"backed up {shown} to {path}: {summary.describe()}")


@db_app.command("restore")
def db_restore(
    path: Annotated[Path, typer.Argument(help="A file written by `db backup`.")],
    data_dir: Annotated[Path | None, typer.Option(help="[env STOAT_DATA_DIR]")] = None,
) -> None:
    """Replace the database with a backup (refused while a server or scan uses it)."""
    from stoat_ferret.db.backup import restore_database

    settings = settings_or_exit(data_dir=data_dir)
    try:
        if settings.database_url is not None and settings.uses_postgres:
            from stoat_ferret.db.backup_pg import restore_postgres

            summary = restore_postgres(path.absolute(), settings.database_url)
        else:
            summary = restore_database(path.absolute(), settings.database_path)
    except StoatError as exc:
        raise exit_codes.report(exc) from exc
    upgraded = f", upgraded from schema {summary.backup_revision}" if summary.upgraded else ""
    shown = Database.from_settings(settings).describe()
    typer.echo(f"restored {path} into {shown}: {summary.restored.describe()}{upgraded}")


@app.command()
def openapi() -> None:
    """Print the OpenAPI schema (used to generate the GUI's API types)."""
    from stoat_ferret.api import create_app

    schema = create_app(Settings(), configure_logs=False).openapi()
    typer.echo(json.dumps(schema, indent=2, sort_keys=True))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
