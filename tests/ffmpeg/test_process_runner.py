"""The media process runner with real child processes.

Each child is a small Python or shell program that behaves like a difficult ffmpeg:
one that sleeps, one that ignores SIGTERM, one that floods stderr, one that starts
a grandchild. Children say "ready" on stdout once they are set up, so no test
depends on guessing how long a start takes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stoat_ferret.ffmpeg import MediaProcess, media_process, run_process
from stoat_ferret.ffmpeg.runtime.process import settle_background_stops
from tests.support.processes import process_running, read_pid, wait_until_stopped

HANG_GUARD_S = 30.0
"""Only against a hang: far more than any of these runs takes."""


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


SLEEPER = python("import time; print('ready', flush=True); time.sleep(1000)")

IGNORES_TERM = python(
    "import signal, time\n"
    "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
    "print('ready', flush=True)\n"
    "time.sleep(1000)"
)


async def first_line(process: MediaProcess) -> str:
    async for line in process.stdout_lines():
        return line
    raise AssertionError("the child printed nothing")


@pytest.fixture
def grandchild_pid_file(tmp_path: Path) -> Iterator[Path]:
    """Where a wrapper writes its grandchild's pid; the grandchild is killed at the end."""
    pid_file = tmp_path / "grandchild.pid"
    yield pid_file
    if pid_file.exists() and pid_file.read_text().strip():
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid_file.read_text()), signal.SIGKILL)


# --- output --------------------------------------------------------------------------


async def test_run_process_captures_stdout_status_and_stderr() -> None:
    output = await run_process(
        python("import sys; sys.stdout.write('out'); sys.stderr.write('e1\\ne2\\n'); exit(3)")
    )

    assert output.returncode == 3
    assert output.stdout == b"out"
    assert output.stderr == "e1\ne2"


async def test_stdout_lines_arrive_while_the_child_still_runs() -> None:
    code = (
        "import time; print('frame=1', flush=True); print('frame=2', flush=True); time.sleep(1000)"
    )
    async with asyncio.timeout(HANG_GUARD_S), media_process(python(code)) as process:
        lines = []
        async for line in process.stdout_lines():
            lines.append(line)
            if len(lines) == 2:
                break
        # Streamed, not buffered until exit: the child is still sleeping.
        assert lines == ["frame=1", "frame=2"]
        assert process.returncode is None
    assert process.returncode is not None  # stopped and reaped on the way out


async def test_stdout_lines_split_exactly_across_chunks() -> None:
    # -progress output: key=value lines; a last line without newline; CRLF endings;
    # one line far longer than a pipe read, and one past the line limit.
    code = (
        "import sys\n"
        "sys.stdout.write('a=1\\r\\nb=2\\n' + 'x' * 100000 + '\\n' + 'y' * 10 + '\\nend')"
    )
    async with media_process(python(code), max_line_chars=200_000) as process:
        lines = [line async for line in process.stdout_lines()]
        assert await process.wait() == 0
    assert lines == ["a=1", "b=2", "x" * 100000, "y" * 10, "end"]

    async with media_process(python(code), max_line_chars=50) as process:
        cut = [line async for line in process.stdout_lines()]
        await process.wait()
    assert cut[2] == "x" * 50 + "..."
    assert cut[3] == "y" * 10


async def test_a_child_flooding_stderr_keeps_only_a_bounded_tail() -> None:
    # 200,000 lines (about 3 MB) plus one 5 MB line without a newline, then a result on
    # stdout: without a concurrent drain the child would block on the full pipe.
    code = (
        "import sys\n"
        "for n in range(200000): sys.stderr.write(f'line {n}\\n')\n"
        "sys.stderr.write('z' * 5000000 + '\\n')\n"
        "sys.stderr.write('the last line\\n')\n"
        "print('done')"
    )
    async with (
        asyncio.timeout(HANG_GUARD_S),
        media_process(python(code), stderr_tail_lines=50, max_line_chars=1000) as process,
    ):
        stdout = await process.read_stdout()
        assert await process.wait() == 0

    assert stdout == b"done\n"
    tail = process.stderr_tail
    assert len(tail) == 50
    assert tail[-1] == "the last line"
    assert tail[-2] == "z" * 1000 + "..."
    assert tail[-3] == "line 199999"
    assert tail[0] == "line 199952"


# --- stopping ------------------------------------------------------------------------


async def test_a_sleeping_child_stops_on_sigterm() -> None:
    async with media_process(SLEEPER, term_grace_s=HANG_GUARD_S) as process:
        assert await first_line(process) == "ready"
    # It died of the SIGTERM, well before the grace period would have sent SIGKILL.
    assert process.returncode == -signal.SIGTERM
    assert not process_running(process.pid)


async def test_a_child_ignoring_sigterm_gets_sigkill_after_the_grace_period() -> None:
    grace_s = 0.5
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(HANG_GUARD_S):
        async with media_process(IGNORES_TERM, term_grace_s=grace_s) as process:
            assert await first_line(process) == "ready"
            stopping = loop.time()
        stopped_after_s = loop.time() - stopping

    assert process.returncode == -signal.SIGKILL
    # SIGKILL came only once the grace period had passed, never before it.
    assert stopped_after_s >= grace_s
    assert not process_running(process.pid)


async def test_grace_zero_kills_at_once() -> None:
    async with media_process(IGNORES_TERM, term_grace_s=0) as process:
        assert await first_line(process) == "ready"
    assert process.returncode == -signal.SIGKILL


async def test_a_grandchild_in_the_group_is_stopped_too(
    tmp_path: Path, grandchild_pid_file: Path
) -> None:
    # A wrapper (like STOAT_FFMPEG_PATH naming a script) whose grandchild ignores
    # SIGTERM: the wrapper dies of SIGTERM, the grandchild only of the group SIGKILL.
    script = tmp_path / "wrapper.sh"
    script.write_text(
        "#!/bin/sh\n"
        "trap '' TERM\n"
        f"sleep 1000 &\necho $! > '{grandchild_pid_file}'\n"
        "trap - TERM\n"
        "echo ready\n"
        "wait\n"
    )
    script.chmod(0o755)
    async with asyncio.timeout(HANG_GUARD_S):
        async with media_process([str(script)], term_grace_s=0.3) as process:
            assert await first_line(process) == "ready"
            grandchild = await read_pid(grandchild_pid_file)
            assert process_running(grandchild)
        assert await wait_until_stopped(grandchild), "the grandchild still runs"
    assert process.returncode is not None


async def test_cancelling_the_awaiting_task_stops_and_reaps_the_child(
    tmp_path: Path, grandchild_pid_file: Path
) -> None:
    script = tmp_path / "wrapper.sh"
    script.write_text(
        f"#!/bin/sh\nsleep 1000 &\necho $! > '{grandchild_pid_file}'\necho ready\nwait\n"
    )
    script.chmod(0o755)
    seen: list[MediaProcess] = []
    ready = asyncio.Event()

    async def render_like() -> None:
        async with media_process([str(script)], term_grace_s=5.0) as process:
            seen.append(process)
            async for line in process.stdout_lines():
                if line == "ready":
                    ready.set()

    task = asyncio.create_task(render_like())
    async with asyncio.timeout(HANG_GUARD_S):
        await ready.wait()
        grandchild = await read_pid(grandchild_pid_file)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    (process,) = seen
    # Reaped before the cancelled task finished: there is an exit status, no zombie.
    assert process.returncode == -signal.SIGTERM
    assert process.finished
    assert await wait_until_stopped(grandchild), "the grandchild still runs"


async def cancel_a_stubborn_child_twice() -> MediaProcess:
    """A child ignoring SIGTERM whose awaiting task is cancelled again while it stops."""
    seen: list[MediaProcess] = []
    ready = asyncio.Event()

    async def stubborn() -> None:
        async with media_process(IGNORES_TERM, term_grace_s=0.5) as process:
            seen.append(process)
            assert await first_line(process) == "ready"
            ready.set()
            await asyncio.sleep(1000)

    task = asyncio.create_task(stubborn())
    await ready.wait()
    task.cancel()
    await asyncio.sleep(0)  # now inside the grace period, waiting to escalate
    task.cancel()  # the caller gives up; the kill goes on in the background
    with pytest.raises(asyncio.CancelledError):
        await task
    (process,) = seen
    return process


async def test_a_second_cancel_while_stopping_still_kills_and_reaps() -> None:
    process = await cancel_a_stubborn_child_twice()
    # The stop went on in the background; it still ends in SIGKILL and a reap.
    async with asyncio.timeout(HANG_GUARD_S):
        while not process.finished:
            await asyncio.sleep(0.01)
    assert process.returncode == -signal.SIGKILL


async def test_leaving_the_block_early_stops_the_child() -> None:
    with pytest.raises(RuntimeError, match="parser failed"):
        async with media_process(SLEEPER, term_grace_s=HANG_GUARD_S) as process:
            assert await first_line(process) == "ready"
            raise RuntimeError("parser failed")
    assert process.returncode == -signal.SIGTERM


async def test_a_missing_executable_raises_before_anything_runs(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        async with media_process([str(tmp_path / "no-such-ffmpeg")]):
            pass


@pytest.mark.parametrize(
    "options", [{"term_grace_s": -1.0}, {"stderr_tail_lines": 0}, {"max_line_chars": 0}]
)
async def test_nonsense_options_are_rejected(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        async with media_process(SLEEPER, **options):  # type: ignore[arg-type]
            pass


async def test_settling_background_stops_waits_for_the_reap() -> None:
    """What a cancelled scan awaits before its job may say ``cancelled``."""
    process = await cancel_a_stubborn_child_twice()
    assert not process.finished
    async with asyncio.timeout(HANG_GUARD_S):
        await settle_background_stops()
    assert process.finished and process.returncode == -signal.SIGKILL
