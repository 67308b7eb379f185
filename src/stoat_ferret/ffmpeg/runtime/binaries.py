"""
Find the ``ffprobe`` and ``ffmpeg`` executables and report the missing ones.

Resolution is synchronous and cheap (a few ``stat`` calls through ``shutil.which``):
it runs once at start-up when the app or CLI builds its probe backend, and from the
readiness check. Nothing here runs at import time.

A missing binary is not fatal at start-up: the server still starts so that
``/health/ready`` can answer 503 with a clear message instead of the process dying
before anyone can ask it what is wrong. Calls that need the binary then fail with
:class:`~stoat_ferret.errors.DependencyUnavailableError`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from stoat_ferret.errors import DependencyUnavailableError
from stoat_ferret.settings import Settings

__all__ = [
    "BinaryName",
    "BinaryStatus",
    "binary_statuses",
    "missing_binaries",
    "require_binary",
    "resolve_binary",
]

BinaryName = Literal["ffprobe", "ffmpeg"]

_SETTING_FOR: dict[str, str] = {"ffprobe": "STOAT_FFPROBE_PATH", "ffmpeg": "STOAT_FFMPEG_PATH"}


@dataclass(frozen=True, slots=True)
class BinaryStatus:
    """
    Where one executable was found, or why it was not.

    Attributes:
        name: ``"ffprobe"`` or ``"ffmpeg"``.
        configured: the value of the setting (``STOAT_FFPROBE_PATH`` ...), or None.
        path: the absolute executable path, or None when not found.
    """

    name: str
    configured: str | None
    path: str | None

    @property
    def available(self) -> bool:
        """True when the executable exists and may be executed."""
        return self.path is not None

    @property
    def error(self) -> DependencyUnavailableError | None:
        """The error to raise or report when unavailable, else None."""
        if self.path is not None:
            return None
        setting = _SETTING_FOR.get(self.name, "the setting")
        if self.configured:
            message = (
                f"{self.name} not found or not executable at {self.configured!r} "
                f"(from {setting}); fix the path or unset it to search PATH"
            )
        else:
            message = (
                f"{self.name} not found on PATH; install FFmpeg or set {setting} "
                f"to the {self.name} executable"
            )
        return DependencyUnavailableError(message)


def resolve_binary(name: str, configured: str | None = None) -> str | None:
    """
    Return the absolute path of an executable, or None when it cannot be run.

    Args:
        name: the default command name, searched on ``PATH`` when nothing is configured.
        configured: an explicit path or command name from settings; when given, only
            that is tried (a configured path that is wrong must not silently fall back
            to a different binary on ``PATH``).
    """
    candidate = configured or name
    found = shutil.which(candidate)
    return str(Path(found).absolute()) if found else None


def _status(name: str, configured: str | None) -> BinaryStatus:
    return BinaryStatus(name=name, configured=configured, path=resolve_binary(name, configured))


def binary_statuses(settings: Settings) -> dict[str, BinaryStatus]:
    """
    Resolve both executables from ``settings`` (or ``PATH``).

    Returns:
        ``{"ffprobe": BinaryStatus, "ffmpeg": BinaryStatus}``.
    """
    return {
        "ffprobe": _status("ffprobe", settings.ffprobe_path),
        "ffmpeg": _status("ffmpeg", settings.ffmpeg_path),
    }


def missing_binaries(settings: Settings) -> list[DependencyUnavailableError]:
    """
    Report every missing executable, for ``/health/ready`` and ``serve`` start-up.

    Returns:
        One ``DependencyUnavailableError`` per missing binary, each naming the binary
        and the setting to fix; an empty list when everything is present.
    """
    return [
        status.error for status in binary_statuses(settings).values() if status.error is not None
    ]


def require_binary(name: BinaryName, settings: Settings) -> str:
    """
    Return the absolute path of ``name`` or raise a clear error.

    Raises:
        DependencyUnavailableError: the binary is not installed or not executable.
    """
    configured = settings.ffprobe_path if name == "ffprobe" else settings.ffmpeg_path
    status = _status(name, configured)
    if status.path is None:
        raise status.error or DependencyUnavailableError(f"{name} is not available")
    return status.path
