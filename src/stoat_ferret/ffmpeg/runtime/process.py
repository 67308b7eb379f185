"""
The media process runner: one way to run ffmpeg-family children, long or short.

Every child started here obeys one rule: it is dead and reaped before control
returns to the caller, whether the run finished, failed, timed out
(``asyncio.timeout`` cancels the awaiting task) or was cancelled by the job system.
A killed-but-unreaped child stays a zombie and keeps a pid; a never-killed one keeps
reading a file the user asked us to stop touching, or writing a render nobody wants.

- **Process group.** The child leads a new session, so a new process group
  (``start_new_session=True``; not ``process_group=0``, which uvloop, the server's
  loop, rejects), and every signal goes to the whole group with ``os.killpg``:
  ``STOAT_FFPROBE_PATH`` may name a wrapper script, and killing only the script
  left the ffprobe it started running, holding our pipes open.
- **Stopping.** SIGTERM to the group, up to ``term_grace_s`` for it to exit (ffmpeg
  finishes the file it writes), then SIGKILL. ``term_grace_s=0`` kills at once,
  which is right for a probe: it writes nothing worth finishing.
- **Output.** stdout is either read whole (:meth:`MediaProcess.read_stdout`, for a
  probe's JSON or a thumbnail's JPEG) or streamed line by line
  (:meth:`MediaProcess.stdout_lines`, for ``-progress pipe:1``). stderr is always
  drained by a task of its own, so a child that floods it never blocks on a full
  pipe, and only its last ``stderr_tail_lines`` lines are kept, each cut at
  ``max_line_chars``: memory stays bounded whatever the child prints.

Typical long run (the render job)::

    async with media_process(argv, term_grace_s=5.0) as proc:
        async for line in proc.stdout_lines():
            ...  # key=value lines from -progress pipe:1
        returncode = await proc.wait()
    if returncode != 0:
        error = "\\n".join(proc.stderr_tail)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections import deque
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

__all__ = [
    "DEFAULT_MAX_LINE_CHARS",
    "DEFAULT_STDERR_TAIL_LINES",
    "MediaProcess",
    "ProcessOutput",
    "media_process",
    "run_process",
]

DEFAULT_STDERR_TAIL_LINES = 50
"""stderr lines kept: enough for ffmpeg's decisive last lines and their context."""

DEFAULT_MAX_LINE_CHARS = 4096
"""Longest line kept (stdout or stderr); a child may print megabytes without a newline."""

_CHUNK_BYTES = 64 * 1024
"""Pipe reads of this size: lines are split here, not by ``StreamReader.readline``,
whose 64 KiB limit raises on a long line instead of cutting it."""

_DRAIN_AFTER_KILL_S = 1.0
"""How long stderr may stay open after the group was killed (see ``_stop_and_reap``)."""

_stoppers: set[asyncio.Task[None]] = set()
"""Strong references to stop-and-reap tasks that outlive a twice-cancelled caller."""


async def settle_background_stops() -> None:
    """Wait until every stop-and-reap still running in the background is done.

    A caller cancelled twice returns from ``stop`` before its child is reaped (the
    kill goes on in the background, see ``stop``). Work that must end with no child
    left, such as a cancelled scan before its job says ``cancelled``, awaits this.
    """
    while _stoppers:
        await asyncio.gather(*tuple(_stoppers), return_exceptions=True)


@dataclass(frozen=True, slots=True)
class ProcessOutput:
    """
    Exit status and output of a finished process.

    Attributes:
        returncode: the exit status; negative for a signal, as in ``subprocess``.
        stdout: everything the process wrote to stdout.
        stderr: the last lines of its stderr (see ``stderr_tail_lines``), joined
            with newlines.
    """

    returncode: int
    stdout: bytes
    stderr: str


class _LineSplitter:
    """
    Cuts a byte stream into lines, keeping at most ``max_bytes`` of each line.

    A line longer than that loses its middle-to-end and gets a ``...`` marker; the
    bytes beyond the limit are dropped as they arrive, never buffered.
    """

    def __init__(self, max_bytes: int) -> None:
        self._max = max_bytes
        self._line = bytearray()
        self._cut = False

    def feed(self, chunk: bytes) -> list[str]:
        lines: list[str] = []
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            room = self._max - len(self._line)
            if len(piece) > room:
                self._cut = True
            if room > 0:
                self._line += piece[:room]
            if end < 0:
                return lines
            lines.append(self._take())
            start = end + 1

    def finish(self) -> list[str]:
        """The last line, when the stream did not end with a newline."""
        return [self._take()] if self._line or self._cut else []

    def _take(self) -> str:
        text = self._line.decode("utf-8", errors="replace").removesuffix("\r")
        if self._cut:
            text += "..."
        self._line.clear()
        self._cut = False
        return text


async def _read_lines(stream: asyncio.StreamReader, max_chars: int) -> AsyncIterator[str]:
    splitter = _LineSplitter(max_chars)
    while chunk := await stream.read(_CHUNK_BYTES):
        for line in splitter.feed(chunk):
            yield line
    for line in splitter.finish():
        yield line


class MediaProcess:
    """
    A running child process; see the module docstring for the guarantees.

    Create one with :func:`media_process`, which also stops it on the way out.
    """

    def __init__(
        self,
        process: asyncio.subprocess.Process,
        *,
        term_grace_s: float,
        stderr_tail_lines: int,
        max_line_chars: int,
    ) -> None:
        """
        Wrap a child started by :func:`media_process`; starts the stderr drain.

        Args:
            process: the child, leading its own process group.
            term_grace_s: seconds between SIGTERM and SIGKILL when stopping.
            stderr_tail_lines: how many stderr lines to keep.
            max_line_chars: longest line kept.
        """
        self._process = process
        self._term_grace_s = term_grace_s
        self._max_line_chars = max_line_chars
        self._tail: deque[str] = deque(maxlen=stderr_tail_lines)
        self._stderr_done = asyncio.create_task(self._drain_stderr(), name="stoat-stderr")
        self._finished = False

    @property
    def pid(self) -> int:
        """The child's pid, which is also its process group id."""
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        """The exit status once the child has been reaped, else None."""
        return self._process.returncode

    @property
    def finished(self) -> bool:
        """True once :meth:`wait` returned: the child is reaped and its pipes closed."""
        return self._finished

    @property
    def stderr_tail(self) -> list[str]:
        """The last stderr lines seen so far (all of them once :meth:`wait` returned)."""
        return list(self._tail)

    async def stdout_lines(self) -> AsyncIterator[str]:
        """
        Yield stdout line by line as the child writes it (without the newline).

        Ends at end of file, i.e. when every process holding the pipe has closed it.
        Lines over ``max_line_chars`` are cut and end in ``...``.
        """
        stdout = self._process.stdout
        if stdout is None:  # pragma: no cover - media_process always pipes stdout
            return
        async for line in _read_lines(stdout, self._max_line_chars):
            yield line

    async def read_stdout(self) -> bytes:
        """Read stdout to end of file and return it whole (a probe's JSON, a JPEG)."""
        stdout = self._process.stdout
        return b"" if stdout is None else await stdout.read()

    async def wait(self) -> int:
        """
        Wait for the child to exit and its pipes to close; return the exit status.

        Unread stdout is read and dropped first, so a caller that does not want the
        output cannot deadlock the child on a full pipe.
        """
        stdout = self._process.stdout
        if stdout is not None:
            while await stdout.read(_CHUNK_BYTES):
                pass
        await self._stderr_done
        returncode = await self._process.wait()
        self._finished = True
        return returncode

    async def stop(self) -> None:
        """
        Stop the child and everything in its group, and reap it.

        SIGTERM, then SIGKILL after ``term_grace_s`` (at once when it is 0). The work
        runs in a task of its own and is awaited through ``asyncio.shield``: if the
        caller is cancelled again meanwhile, the kill still happens and the exit
        status is still collected, in the background, instead of a zombie remaining.
        """
        stopper = asyncio.ensure_future(self._stop_and_reap())
        _stoppers.add(stopper)
        stopper.add_done_callback(_stoppers.discard)
        await asyncio.shield(stopper)

    async def _stop_and_reap(self) -> None:
        if self._term_grace_s > 0 and self._signal_group(signal.SIGTERM):
            # The whole group gets the grace period: the child exiting is not enough
            # while a process it started still holds the pipes (then it is writing).
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._term_grace_s):
                    await self._process.wait()
                    await asyncio.shield(self._stderr_done)
        # SIGKILL also when SIGTERM worked: it reaches whatever in the group outlived
        # the child (a wrapper's grandchild that ignores SIGTERM).
        self._signal_group(signal.SIGKILL)
        await self._process.wait()
        # The group is dead, so stderr normally reaches end of file at once. A process
        # that left the group (its own setsid) may still hold the pipe: stop reading
        # then rather than wait for it.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(_DRAIN_AFTER_KILL_S):
                await asyncio.shield(self._stderr_done)
        self._stderr_done.cancel()
        self._finished = True

    def _signal_group(self, signum: signal.Signals) -> bool:
        """
        Send ``signum`` to the child's group; False when nothing was left to signal.

        The group id is the child's pid. While the child is unreaped or any member of
        its group lives, the kernel does not hand that id out again, so the signal
        reaches only what the child started; an empty group is ESRCH.
        """
        delivered = False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signum)
            delivered = True
        if self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                # The child may have left its group (setsid) or exited meanwhile.
                # os.kill, not Process.send_signal: that polls the child first
                # (Popen.poll, a waitpid) and so can reap it before asyncio's child
                # watcher does, which then reports exit status 255.
                os.kill(self._process.pid, signum)
                delivered = True
        return delivered

    async def _drain_stderr(self) -> None:
        stderr = self._process.stderr
        if stderr is None:  # pragma: no cover - media_process always pipes stderr
            return
        async for line in _read_lines(stderr, self._max_line_chars):
            self._tail.append(line)


@contextlib.asynccontextmanager
async def media_process(
    argv: Sequence[str],
    *,
    term_grace_s: float = 5.0,
    stderr_tail_lines: int = DEFAULT_STDERR_TAIL_LINES,
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS,
) -> AsyncIterator[MediaProcess]:
    """
    Start ``argv`` (no shell) in its own process group; stop it on the way out.

    Leaving the block before :meth:`MediaProcess.wait` returned (an exception, a
    timeout, a cancelled job, a ``break`` out of the line loop) stops the child:
    SIGTERM, SIGKILL after ``term_grace_s``, reaped in ``finally``.

    Args:
        argv: executable and arguments; passed to ``execve`` as is, so file names
            with spaces, quotes or leading dashes are safe.
        term_grace_s: seconds between SIGTERM and SIGKILL; 0 kills at once.
        stderr_tail_lines: how many of the last stderr lines to keep.
        max_line_chars: longest stdout or stderr line kept.

    Yields:
        The running process.

    Raises:
        FileNotFoundError: the executable does not exist.
        PermissionError: the executable is not executable.
    """
    if term_grace_s < 0:
        raise ValueError(f"term_grace_s must be >= 0, got {term_grace_s}")
    if stderr_tail_lines < 1 or max_line_chars < 1:
        raise ValueError("stderr_tail_lines and max_line_chars must be at least 1")
    process = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        # Not process_group=0: uvloop (uvicorn's loop) rejects that argument.
        start_new_session=True,
    )
    running = MediaProcess(
        process,
        term_grace_s=term_grace_s,
        stderr_tail_lines=stderr_tail_lines,
        max_line_chars=max_line_chars,
    )
    try:
        yield running
    finally:
        # Not finished: the block was left by a timeout, a job cancel or an error.
        # Stop the group and reap the child here so nothing keeps running (or
        # lingers as a zombie) after we gave up on it. The child may have exited
        # already while a process it started still holds the pipes, hence the flag
        # rather than ``returncode is None``.
        if not running.finished:
            await running.stop()


async def run_process(
    argv: Sequence[str], *, stderr_tail_lines: int = DEFAULT_STDERR_TAIL_LINES
) -> ProcessOutput:
    """
    Run ``argv`` to completion; capture stdout whole and the tail of stderr.

    For short runs (probes, thumbnails): bound the run time by wrapping this in
    ``asyncio.timeout``; the timeout arrives as a cancellation, which kills the
    whole group at once (there is nothing worth a grace period) and reaps it.

    Args:
        argv: executable and arguments (no shell).
        stderr_tail_lines: how many of the last stderr lines to keep.

    Returns:
        The exit status and the output.

    Raises:
        FileNotFoundError: the executable does not exist.
        PermissionError: the executable is not executable.
        asyncio.CancelledError: the caller was cancelled (the child is already gone).
    """
    async with media_process(
        argv, term_grace_s=0.0, stderr_tail_lines=stderr_tail_lines
    ) as running:
        stdout = await running.read_stdout()
        returncode = await running.wait()
    return ProcessOutput(returncode, stdout, "\n".join(running.stderr_tail))
