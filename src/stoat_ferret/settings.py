"""All configuration of stoat-ferret, read from ``STOAT_*`` environment variables.

``Settings`` is never built at import time: ``create_app()`` and the CLI build it,
so tests can pass their own instance without touching the environment.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

ProbeBackendName = Literal["auto", "ffprobe", "pyav"]

DATABASE_FILENAME = "stoat-ferret.db"


def _default_scan_concurrency() -> int:
    return os.cpu_count() or 2


class Settings(BaseSettings):
    """Every setting of the product; see ``docs/manual/08_configuration.md``."""

    model_config = SettingsConfigDict(env_prefix="STOAT_", extra="ignore", frozen=True)

    host: str = Field("127.0.0.1", description="Address the server binds to.")
    port: int = Field(8765, ge=1, le=65535, description="TCP port of the server.")
    data_dir: Path = Field(Path("./data"), description="Database file and thumbnails.")
    database_url: str | None = Field(
        None,
        description=(
            "SQLAlchemy URL of the database: unset = the SQLite file in the data dir; "
            "or `postgresql+asyncpg://user:password@host:port/name` (`postgresql://` too)."
        ),
        repr=False,  # it may carry a password
    )
    allowed_scan_roots: Annotated[list[Path], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated absolute directories a scan may touch; empty = all.",
    )
    scan_concurrency: int = Field(
        default_factory=_default_scan_concurrency, ge=1, le=256, description="Probes at once."
    )
    job_workers: int = Field(2, ge=1, le=64, description="Jobs running at once.")
    job_timeout: float = Field(3600.0, gt=0, description="Seconds a job may run.")
    job_cancel_grace: float = Field(
        10.0, ge=0, description="Seconds a running job gets to stop after a cancel request."
    )
    job_lease: float = Field(
        30.0,
        ge=0.3,
        le=3600,
        description="Seconds a process holds its jobs without renewing (every third of it).",
    )
    ffprobe_path: str | None = Field(None, description="ffprobe binary; found on PATH if unset.")
    ffmpeg_path: str | None = Field(None, description="ffmpeg binary; found on PATH if unset.")
    ffprobe_timeout: float = Field(30.0, gt=0, description="Seconds per probed file.")
    preview_timeout: float = Field(
        10.0, gt=0, le=300, description="Seconds an effect preview's ffmpeg run may take."
    )
    probe_backend: ProbeBackendName = Field(
        "auto", description="`ffprobe`, `pyav`, or `auto` (the fastest available)."
    )
    api_token: SecretStr | None = Field(None, description="Bearer token for /api and /ws.")
    max_body_bytes: int = Field(
        1_048_576, ge=1, description="Largest request body accepted; larger ones get 413."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated origins a browser page may call the API from; none if empty.",
    )
    event_retention: int = Field(10_000, ge=100, description="Events kept for `/ws?since=` replay.")
    queue_url: str | None = Field(
        None, description="SAQ broker (`redis://…` or `postgresql://…`); unset: embedded queue."
    )
    queue_name: str = Field(
        "stoat", pattern=r"^[A-Za-z0-9_-]{1,40}$", description="Prefix of the SAQ queues."
    )
    queue_heartbeat: float = Field(
        15.0, ge=1, le=3600, description="Seconds without a heartbeat before SAQ sweeps a job."
    )
    queue_sweep_interval: float = Field(
        10.0, ge=1, le=3600, description="Seconds between SAQ sweeps for jobs of dead workers."
    )
    log_level: str = Field("info", description="Log level: debug, info, warning, error.")
    log_format: Literal["json", "console"] = Field("json", description="Log rendering.")

    @field_validator("allowed_scan_roots", "cors_origins", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("allowed_scan_roots")
    @classmethod
    def _roots_are_absolute(cls, roots: list[Path]) -> list[Path]:
        for root in roots:
            if not root.is_absolute():
                raise ValueError(f"scan root {str(root)!r} is not an absolute path")
        return roots

    @field_validator("api_token")
    @classmethod
    def _token_is_usable(cls, token: SecretStr | None) -> SecretStr | None:
        # An empty token would compare equal to an empty ``?token=`` and so switch
        # authentication off while still satisfying the non-loopback guard of ``serve``.
        if token is None:
            return None
        value = token.get_secret_value()
        if not value.strip():
            raise ValueError("the token is empty or blank; unset it or set a long random value")
        if value != value.strip():
            # An HTTP header cannot carry leading or trailing whitespace: no client
            # could ever present such a token in ``Authorization``.
            raise ValueError("the token starts or ends with whitespace")
        return token

    @field_validator("cors_origins")
    @classmethod
    def _origins_are_origins(cls, origins: list[str]) -> list[str]:
        for origin in origins:
            scheme, _, rest = origin.partition("://")
            if scheme not in {"http", "https"} or not rest or "/" in rest or "*" in rest:
                raise ValueError(
                    f"{origin!r} is not an origin such as https://example.org "
                    "(scheme, host and optional port; no path, no wildcard)"
                )
        return origins

    @field_validator("queue_url")
    @classmethod
    def _queue_url_is_a_broker(cls, url: str | None) -> str | None:
        if url is None or not url.strip():
            return None
        scheme = url.partition("://")[0].split("+", 1)[0].lower()
        if scheme not in {"redis", "rediss", "postgresql", "postgres"} or "://" not in url:
            # Only the scheme is named: the rest of a broker URL may hold a password.
            raise ValueError(f"scheme {scheme[:20]!r} is not redis:// or postgresql://")
        return url

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str | None) -> str | None:
        if url is None:
            return None
        return _async_database_url(url).render_as_string(hide_password=False)

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, level: str) -> str:
        if level.lower() not in {"debug", "info", "warning", "error", "critical"}:
            raise ValueError(f"unknown log level {level!r}")
        return level.lower()

    @property
    def database_path(self) -> Path:
        """The SQLite file: the one ``database_url`` names, else the data dir's default."""
        if self.database_url is not None:
            url = make_url(self.database_url)
            if url.get_backend_name() == "sqlite" and url.database:
                return Path(url.database)
        return self.data_dir / DATABASE_FILENAME

    @property
    def uses_postgres(self) -> bool:
        return self.database_url is not None and self.database_url.startswith("postgresql")

    @property
    def thumbnails_dir(self) -> Path:
        return self.data_dir / "thumbnails"

    @property
    def host_is_loopback(self) -> bool:
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


_ASYNC_DRIVERS = {"postgresql": "asyncpg", "sqlite": "aiosqlite"}


def _async_database_url(text: str) -> URL:
    """``text`` as a URL of a database we support, on its async driver.

    Messages name the scheme only: the URL may carry a password.
    """
    if not text.strip():
        raise ValueError("the URL is empty; unset it to use the SQLite file in the data dir")
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise ValueError("not a database URL such as postgresql+asyncpg://host/name") from None
    # Split by hand: SQLAlchemy's own getters import the dialect to answer.
    backend, _, driver = url.drivername.partition("+")
    if backend == "postgres":  # the libpq spelling, as in Heroku-style DATABASE_URLs
        backend = "postgresql"
    wanted = _ASYNC_DRIVERS.get(backend)
    if wanted is None:
        raise ValueError(f"unsupported database {url.drivername!r}: use postgresql or sqlite")
    if driver not in ("", wanted):
        raise ValueError(f"unsupported driver {driver!r}: {backend} runs on {wanted}")
    if backend == "sqlite" and url.database in (None, "", ":memory:"):
        raise ValueError("a sqlite URL must name a file (sqlite:///path/to/file.db)")
    if backend == "postgresql" and not url.database:
        raise ValueError("the URL names no database (postgresql+asyncpg://host/name)")
    return url.set(drivername=f"{backend}+{wanted}")


def describe_settings_error(error: ValidationError) -> str:
    """One line per invalid setting, naming the environment variable, for start-up errors."""
    lines = []
    for item in error.errors():
        field = str(item["loc"][0]) if item["loc"] else "?"
        lines.append(f"invalid setting STOAT_{field.upper()}: {item['msg']}")
    return "\n".join(lines)


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment with explicit overrides (CLI flags) on top."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})  # type: ignore[arg-type]
