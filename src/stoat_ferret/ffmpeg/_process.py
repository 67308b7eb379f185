"""Run an ffmpeg-family subprocess without ever leaving it behind.

The probe and thumbnail code share one rule: a child process started here is dead
and reaped before control returns to the caller, whether the call finished, failed,
timed out (``asyncio.timeout`` cancels the awaiting task) or was cancelled by the
job system. A killed-but-unreaped child stays a zombie and keeps a pid; a never-killed
one keeps reading a file the user asked us to stop touching.

The child runs in a process group of its own and a kill goes to the whole group:
``STOAT_FFPROBE_PATH`` may name a wrapper script, and killing only the script left
the ffprobe it started running (holding our pipes open) after the timeout.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
from collections.abc import Sequence
from dataclasses import dataclass

from stoat_ferret.errors import DependencyUnavailableError

__all__ = [
    "ProcessOutput",
    "as_file_url",
    "clean_stderr",
    "run_ffmpeg_bounded",
    "run_ffmpeg_tool",
    "run_process",
]

_STDERR_LIMIT_CHARS = 2000
"""Longest message kept from stderr; corrupt files can make ffmpeg print megabytes."""

_CONTEXT_ADDRESS = re.compile(r" @ 0x[0-9a-fA-F]+\]")
"""The object address in ``[mov,mp4 @ 0x55d0...]``: differs on every run, means nothing."""

_reapers: set[asyncio.Task[int]] = set()
"""Strong references to reaping tasks that outlive a twice-cancelled caller."""


def as_file_url(path: str) -> str:
    """``path`` as a ``file:`` URL, the way every ffmpeg command line here names files.

    Without it, libav reads a relative name such as ``12:30.mp4`` as the protocol
    ``12`` and ffmpeg reads ``-clip.mp4`` as an option; ``file:`` makes both a plain
    local file. The PyAV backend opens the same URL, so both backends see the same
    thing.
    """
    return path if path.startswith("file:") else f"file:{path}"


@dataclass(frozen=True, slots=True)
class ProcessOutput:
    """Exit status and captured output of a finished process."""

    returncode: int
    stdout: bytes
    stderr: bytes


async def run_process(argv: Sequence[str]) -> ProcessOutput:
    """Run ``argv`` (no shell) to completion and capture stdout and stderr.

    Callers bound the run time by wrapping this in ``asyncio.timeout``; the timeout
    arrives here as a cancellation, which the ``finally`` turns into kill + reap. The
    child leads a new session and so a new process group (``start_new_session``), so
    the kill reaches everything it started too.

    Args:
        argv: executable and arguments; passed to ``execve`` as is, so file names
            with spaces, quotes or leading dashes are safe.

    Returns:
        The exit status and the raw output.

    Raises:
        FileNotFoundError: the executable does not exist.
        PermissionError: the executable is not executable.
        asyncio.CancelledError: the caller was cancelled (the child is already gone).
    """
    process = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        # Not process_group=0: uvloop (uvicorn's loop) rejects that argument.
        start_new_session=True,
    )
    finished = False
    try:
        stdout, stderr = await process.communicate()
        finished = True
    finally:
        # Not finished: communicate() was interrupted by a timeout, a job cancel or
        # an error. Kill the group and reap the child here so no ffprobe keeps
        # running (or lingers as a zombie) after we gave up on it. The child itself
        # may have exited already while a process it started still holds the pipes,
        # hence the flag rather than ``returncode is None``.
        if not finished:
            await _kill_and_reap(process)
    return ProcessOutput(returncode=process.returncode or 0, stdout=stdout, stderr=stderr)


async def _kill_and_reap(process: asyncio.subprocess.Process) -> None:
    # The group id is the child's pid. While the child is unreaped or any member of
    # its group lives, the kernel does not hand that id out again, so the signal
    # reaches only what the child started; an empty group is ESRCH.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            # The child may have left its group (setsid) or exited meanwhile.
            process.kill()
    reaper = asyncio.ensure_future(process.wait())
    _reapers.add(reaper)
    reaper.add_done_callback(_reapers.discard)
    # Shielded: if the caller is cancelled a second time while we wait, the kill has
    # already been sent and the reaper still collects the exit status in the
    # background instead of leaving a zombie.
    await asyncio.shield(reaper)


def clean_stderr(stderr: bytes, *names: str) -> str:
    """Turn ffmpeg/ffprobe stderr into a one-paragraph reason for an error message.

    ffprobe prefixes its final line with the file name (``/a/b.mp4: Invalid data
    ...``); the error class already names the file, so that prefix is dropped to
    avoid printing the path twice. The memory address in libav's context tags
    (``[matroska,webm @ 0x55d0c...]``) is dropped too, so the same file always gives
    the same message. Lines are joined with ``"; "``. Very long output keeps its
    end, where the decisive line is.

    Args:
        stderr: raw bytes from the process.
        names: the spellings of the file name the process was given (with and
            without a ``file:`` prefix); a line starting with ``<name>: `` loses it.

    Returns:
        The cleaned text; empty when the process printed nothing.
    """
    text = stderr.decode("utf-8", errors="replace")
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
    """``run_process`` for ffprobe/ffmpeg: a binary that cannot start is a missing dependency.

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
    """``run_ffmpeg_tool`` for ``ffmpeg`` within ``timeout_s``; past it, ``late`` is raised.

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
