"""Shell scripts that stand in for ffmpeg as ``STOAT_FFMPEG_PATH``: counting, or stuck."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.media import ffmpeg_binary


def _script(path: Path, body: str) -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


def counting_ffmpeg(folder: Path) -> tuple[Path, Path]:
    """The real ffmpeg, but each run first appends its arguments to a log: (script, log)."""
    log = folder / "ffmpeg-calls.log"
    body = f'echo "$*" >> "{log}"\nexec "{ffmpeg_binary()}" "$@"'
    return _script(folder / "counting-ffmpeg", body), log


def runs(log: Path) -> list[str]:
    """The argument lines the counting ffmpeg logged, one per run."""
    return log.read_text().splitlines() if log.exists() else []


def stuck_ffmpeg(folder: Path) -> tuple[Path, Path]:
    """An "ffmpeg" that never answers; its ``sleep`` child writes its pid: (script, pid file)."""
    pid_file = folder / "grandchild.pid"
    body = f'sleep 1000 &\necho $! > "{pid_file}"\nwait'
    return _script(folder / "stuck-ffmpeg", body), pid_file


def assert_names_field(response: httpx.Response, field: str) -> None:
    """A 422 ``VALIDATION_ERROR`` whose message starts with ``field``."""
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail["code"] == "VALIDATION_ERROR"
    assert detail["message"].startswith(f"{field}:"), detail
