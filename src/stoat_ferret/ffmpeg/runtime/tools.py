"""
Helpers every ffmpeg-family command line here shares.

``file:`` URLs for every file argument, stderr turned into a one-paragraph reason,
and :func:`run_ffmpeg_tool`, the media process runner's short-run entry point with
a binary that cannot start reported as a missing dependency.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence

from stoat_ferret.errors import DependencyUnavailableError
from stoat_ferret.ffmpeg.runtime.process import ProcessOutput, run_process

__all__ = ["as_file_url", "clean_stderr", "run_ffmpeg_bounded", "run_ffmpeg_tool"]

_STDERR_LIMIT_CHARS = 2000
"""Longest message kept from stderr; corrupt files can make ffmpeg print megabytes."""

_CONTEXT_ADDRESS = re.compile(r" @ 0x[0-9a-fA-F]+\]")
"""The object address in ``[mov,mp4 @ 0x55d0...]``: differs on every run, means nothing."""


def as_file_url(path: str) -> str:
    """
    ``path`` as a ``file:`` URL, the way every ffmpeg command line here names files.

    Without it, libav reads a relative name such as ``12:30.mp4`` as the protocol
    ``12`` and ffmpeg reads ``-clip.mp4`` as an option; ``file:`` makes both a plain
    local file. The PyAV backend opens the same URL, so both backends see the same
    thing.
    """
    return path if path.startswith("file:") else f"file:{path}"


def clean_stderr(stderr: str | bytes, *names: str) -> str:
    """
    Turn ffmpeg/ffprobe stderr into a one-paragraph reason for an error message.

    ffprobe prefixes its final line with the file name (``/a/b.mp4: Invalid data
    ...``); the error class already names the file, so that prefix is dropped to
    avoid printing the path twice. The memory address in libav's context tags
    (``[matroska,webm @ 0x55d0c...]``) is dropped too, so the same file always gives
    the same message. Lines are joined with ``"; "``. Very long output keeps its
    end, where the decisive line is.

    Args:
        stderr: the process's stderr (its tail, from the runner) or raw bytes.
        names: the spellings of the file name the process was given (with and
            without a ``file:`` prefix); a line starting with ``<name>: `` loses it.

    Returns:
        The cleaned text; empty when the process printed nothing.
    """
    text = stderr.decode("utf-8", errors="replace") if isinstance(stderr, bytes) else stderr
    prefixes = sorted((f"{name}: " for name in names), key=len, reverse=True)
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        for prefix in prefixes:
            if stripped.startswith(prefix):
                stripped = stripped[len(prefix) :]
                break
        lines.append(_CONTEXT_ADDRESS.sub("]", stripped))
    cleaned = "; ".join(lines)
    if len(cleaned) > _STDERR_LIMIT_CHARS:
        cleaned = "..." + cleaned[-_STDERR_LIMIT_CHARS:]
    return cleaned


async def run_ffmpeg_tool(argv: Sequence[str], *, tool: str, setting: str) -> ProcessOutput:
    """
    ``run_process`` for ffprobe/ffmpeg: a binary that cannot start is a missing dependency.

    Args:
        argv: the command; ``argv[0]`` is the binary.
        tool: its name for the message (``"ffprobe"``, ``"ffmpeg"``).
        setting: the environment variable that points at it (``STOAT_FFPROBE_PATH``).

    Raises:
        DependencyUnavailableError: the binary is missing or not executable.
    """
    try:
        return await run_process(argv)
    except (FileNotFoundError, PermissionError) as exc:
        raise DependencyUnavailableError(
            f"cannot run {tool} at {argv[0]!r}: {exc.strerror or exc}; "
            f"install FFmpeg or set {setting}"
        ) from exc


async def run_ffmpeg_bounded(
    argv: Sequence[str], *, timeout_s: float, late: DependencyUnavailableError
) -> ProcessOutput:
    """
    ``run_ffmpeg_tool`` for ``ffmpeg`` within ``timeout_s``; past it, ``late`` is raised.

    The timeout cancels ``run_process``, which kills ffmpeg's process group and reaps
    it before ``late`` leaves here.

    Raises:
        DependencyUnavailableError: ``late`` on a timeout, or the binary cannot run.
    """
    try:
        async with asyncio.timeout(timeout_s):
            return await run_ffmpeg_tool(argv, tool="ffmpeg", setting="STOAT_FFMPEG_PATH")
    except TimeoutError:
        raise late from None
