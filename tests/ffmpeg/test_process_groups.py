"""A timeout or cancel kills everything the binary started, not only the binary.

``STOAT_FFPROBE_PATH`` / ``STOAT_FFMPEG_PATH`` may name a wrapper script (a
container shim, ``nice``, a logging wrapper). The wrapper here starts a sleeping
grandchild that inherits its pipes, as a real ffprobe would, and writes its pid to
a file. Killing only the wrapper left that grandchild running.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvloop

from stoat_ferret.errors import FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg import ProbeBackend, make_probe_backend
from stoat_ferret.settings import Settings
from tests.support.processes import process_running, read_pid, wait_until_stopped, written_pid

Call = Callable[[ProbeBackend, Path, Path, float], Awaitable[object]]


async def _probe(backend: ProbeBackend, clip: Path, _: Path, timeout_s: float) -> object:
    return await backend.probe(clip, timeout_s=timeout_s)


async def _thumbnail(backend: ProbeBackend, clip: Path, dest: Path, timeout_s: float) -> object:
    await backend.thumbnail(clip, dest, duration_s=1.0, timeout_s=timeout_s)
    return None


async def _waveform(backend: ProbeBackend, clip: Path, dest: Path, timeout_s: float) -> object:
    await backend.waveform(clip, dest, timeout_s=timeout_s)
    return None


LIMIT_S = 10.0
"""Far more than a kill takes; the old code did not return before the grandchild ended."""

CALLS = {
    "probe": (_probe, FFprobeError),
    "thumbnail": (_thumbnail, ThumbnailError),
    "waveform": (_waveform, ThumbnailError),
}
#: Calls that also run the binary under the PyAV backend (sound files' waveforms).
PYAV_CALLS = {"pyav-waveform": "waveform"}


@pytest.fixture
def wrapper(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A shell script standing in for ffprobe/ffmpeg that never ends, and its pid file.

    The grandchild is killed at the end whatever happened, so a failing run leaves
    no ``sleep`` behind.
    """
    pid_file = tmp_path / "grandchild.pid"
    script = tmp_path / "wrapped-tool"
    script.write_text(f'#!/bin/sh\nsleep 1000 &\necho $! > "{pid_file}"\nwait\n')
    script.chmod(0o755)
    yield script, pid_file
    pid = written_pid(pid_file)
    if pid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def backend_for(script: Path, data_dir: Path, backend: str = "ffprobe") -> ProbeBackend:
    settings = Settings(
        data_dir=data_dir,
        probe_backend=backend,
        ffprobe_path=str(script),
        ffmpeg_path=str(script),
    )
    return make_probe_backend(settings)


@dataclass(frozen=True)
class Wrapped:
    """One backend call (probe or thumbnail) going through the wrapper script."""

    run: Callable[[float], Awaitable[object]]
    error: type[Exception]
    pid_file: Path


@pytest.fixture(params=[*sorted(CALLS), *PYAV_CALLS])
def wrapped(
    request: pytest.FixtureRequest,
    wrapper: tuple[Path, Path],
    corpus_files: dict[str, Path],
    tmp_path: Path,
) -> Wrapped:
    script, pid_file = wrapper
    name = PYAV_CALLS.get(request.param, request.param)
    call, error = CALLS[name]
    kind = "pyav" if request.param in PYAV_CALLS else "ffprobe"
    backend = backend_for(script, tmp_path / "data", kind)
    clip, dest = corpus_files["h264_aac_mp4"], tmp_path / "t.jpg"
    return Wrapped(lambda timeout_s: call(backend, clip, dest, timeout_s), error, pid_file)


async def test_timeout_kills_the_wrappers_grandchild(wrapped: Wrapped) -> None:
    # The outer bound: killing only the wrapper left the grandchild holding the
    # pipes, and reaping then waited for it (1000 s).
    async with asyncio.timeout(LIMIT_S):
        with pytest.raises(wrapped.error, match="timed out"):
            await wrapped.run(0.5)

    assert await wait_until_stopped(await read_pid(wrapped.pid_file)), "the grandchild still runs"


async def test_cancel_kills_the_wrappers_grandchild(wrapped: Wrapped) -> None:
    task = asyncio.create_task(wrapped.run(60))
    grandchild = await read_pid(wrapped.pid_file)
    assert await asyncio.to_thread(process_running, grandchild)

    task.cancel()
    async with asyncio.timeout(LIMIT_S):
        with pytest.raises(asyncio.CancelledError):
            await task

    assert await wait_until_stopped(grandchild), "the grandchild still runs"


def test_probes_and_thumbnails_run_on_uvloop(
    corpus_files: dict[str, Path], ffprobe_path: str, ffmpeg_path: str, tmp_path: Path
) -> None:
    # uvicorn serves on uvloop, whose subprocess_exec rejects process_group=0 (every
    # probe of a real server failed with "unexpected kwargs"); the tests' own loop is
    # asyncio's, so this one runs the real binaries on uvloop itself.
    settings = Settings(
        data_dir=tmp_path / "data",
        probe_backend="ffprobe",
        ffprobe_path=ffprobe_path,
        ffmpeg_path=ffmpeg_path,
    )
    backend = make_probe_backend(settings)
    clip, dest = corpus_files["h264_aac_mp4"], tmp_path / "t.jpg"

    async def probe_and_thumbnail() -> float:
        metadata = await backend.probe(clip)
        await backend.thumbnail(clip, dest, duration_s=metadata.duration_s)
        return metadata.duration_s

    assert uvloop.run(probe_and_thumbnail()) > 0
    assert dest.read_bytes().startswith(b"\xff\xd8")
