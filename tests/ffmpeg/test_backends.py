"""Backend selection, the PyAV thread discipline, and import-time behaviour."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from stoat_ferret.errors import DependencyUnavailableError, FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg import (
    FFprobeBackend,
    ProbeBackend,
    PyAVBackend,
    make_probe_backend,
    pyav_available,
)
from stoat_ferret.ffmpeg.runtime.threads import DecoderThreads, DecoderThreadsBusyError
from stoat_ferret.settings import Settings
from tests.ffmpeg.conftest import release_fifo


async def wait_until(condition: object, *, timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.01)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (import-time behaviour needs one)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# --- make_probe_backend ---------------------------------------------------------


def test_explicit_ffprobe_uses_resolved_binaries(ffprobe_path: str, ffmpeg_path: str) -> None:
    backend = make_probe_backend(Settings(probe_backend="ffprobe"))

    assert isinstance(backend, FFprobeBackend)
    assert backend.name == "ffprobe"
    assert backend.ffprobe_path == ffprobe_path
    assert backend.ffmpeg_path == ffmpeg_path


def test_explicit_ffprobe_with_configured_paths(tmp_path: Path, ffprobe_path: str) -> None:
    backend = make_probe_backend(
        Settings(probe_backend="ffprobe", ffprobe_path=ffprobe_path, ffmpeg_path="/nope/ffmpeg")
    )

    assert isinstance(backend, FFprobeBackend)
    assert backend.ffprobe_path == ffprobe_path
    # A missing binary does not stop start-up; calls fail with a clear error instead.
    assert backend.ffmpeg_path == "/nope/ffmpeg"


async def test_missing_ffprobe_fails_per_call_not_at_start_up(
    corpus_files: dict[str, Path],
) -> None:
    backend = make_probe_backend(Settings(probe_backend="ffprobe", ffprobe_path="/nope/ffprobe"))

    with pytest.raises(DependencyUnavailableError, match="/nope/ffprobe"):
        await backend.probe(corpus_files["h264_aac_mp4"], timeout_s=5)


def test_explicit_pyav() -> None:
    backend = make_probe_backend(Settings(probe_backend="pyav"))

    assert isinstance(backend, PyAVBackend)
    assert backend.name == "pyav"


def test_auto_prefers_pyav_when_it_imports() -> None:
    assert pyav_available()

    backend = make_probe_backend(Settings(probe_backend="auto"))

    assert isinstance(backend, PyAVBackend)


def test_pyav_thread_cap_follows_scan_concurrency() -> None:
    backend = make_probe_backend(Settings(probe_backend="pyav", scan_concurrency=100))

    assert isinstance(backend, PyAVBackend)
    assert backend.threads.max_threads == 200


def test_auto_falls_back_to_ffprobe_without_pyav() -> None:
    # sys.modules["av"] = None makes "import av" raise ImportError in that process.
    result = run_python(
        """
        import sys
        sys.modules["av"] = None
        from stoat_ferret.ffmpeg import make_probe_backend, pyav_available
        from stoat_ferret.settings import Settings
        assert not pyav_available()
        print(type(make_probe_backend(Settings(probe_backend="auto"))).__name__)
        try:
            make_probe_backend(Settings(probe_backend="pyav"))
        except Exception as exc:
            print(type(exc).__name__, exc)
        """
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "FFprobeBackend"
    assert lines[1].startswith("DependencyUnavailableError")
    assert "STOAT_PROBE_BACKEND=ffprobe" in lines[1]


def test_importing_the_package_does_not_import_av() -> None:
    result = run_python(
        """
        import sys
        import stoat_ferret.ffmpeg
        import stoat_ferret.ffmpeg.backends.pyav, stoat_ferret.ffmpeg.probe.pyav
        import stoat_ferret.ffmpeg.thumbnail.pyav
        print("av" in sys.modules)
        """
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


# --- PyAV timeouts, cancellation and the thread cap ------------------------------


async def test_pyav_timeout_reports_and_abandons_the_thread(fifo_video: Path) -> None:
    backend = PyAVBackend()
    started = time.monotonic()

    with pytest.raises(FFprobeError, match=r"timed out after 0\.2 s") as caught:
        await backend.probe(fifo_video, timeout_s=0.2)

    assert time.monotonic() - started < 2
    assert caught.value.path == str(fifo_video)
    assert "abandoned" in caught.value.reason
    assert backend.threads.alive == 1

    # When the stalled read returns, the abandoned thread ends on its own.
    release_fifo(fifo_video)
    await wait_until(lambda: backend.threads.alive == 0)


async def test_pyav_cancel_returns_at_once(fifo_video: Path) -> None:
    backend = PyAVBackend()
    task = asyncio.create_task(backend.probe(fifo_video, timeout_s=60))
    await wait_until(lambda: backend.threads.alive == 1)

    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task

    release_fifo(fifo_video)
    await wait_until(lambda: backend.threads.alive == 0)


def feed_fifo_later(fifo: Path, data: bytes, release: threading.Event) -> threading.Thread:
    """Write ``data`` into ``fifo`` once ``release`` is set (from a helper thread)."""

    def writer() -> None:
        release.wait(30)
        with fifo.open("wb") as handle:
            handle.write(data)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return thread


async def test_abandoned_pyav_thumbnail_is_never_written(
    fifo_video: Path, corpus_files: dict[str, Path], tmp_path: Path
) -> None:
    # MPEG-TS can be read from a pipe, so once fed the abandoned thread really does
    # decode a frame; it must still not write the thumbnail the caller gave up on.
    backend = PyAVBackend()
    dest = tmp_path / "late.jpg"
    release = threading.Event()
    writer = feed_fifo_later(fifo_video, corpus_files["h264_mpegts"].read_bytes(), release)

    with pytest.raises(ThumbnailError, match="timed out"):
        await backend.thumbnail(fifo_video, dest, duration_s=1.0, timeout_s=0.2)

    release.set()
    await wait_until(lambda: backend.threads.alive == 0)
    await asyncio.to_thread(writer.join, 10)
    assert not dest.exists()


async def test_thread_cap_refuses_new_work_while_threads_hang() -> None:
    threads = DecoderThreads(max_threads=1)
    unblock = threading.Event()

    with pytest.raises(TimeoutError):
        await threads.run(lambda: unblock.wait(30), timeout_s=0.1)
    assert threads.alive == 1
    with pytest.raises(DecoderThreadsBusyError):
        await threads.run(lambda: 42, timeout_s=1)

    unblock.set()
    await wait_until(lambda: threads.alive == 0)
    assert await threads.run(lambda: 42, timeout_s=1) == 42


async def test_pyav_backend_turns_a_full_cap_into_ffprobe_error(
    fifo_video: Path, corpus_files: dict[str, Path]
) -> None:
    backend = PyAVBackend(max_threads=1)
    with pytest.raises(FFprobeError, match="timed out"):
        await backend.probe(fifo_video, timeout_s=0.1)

    with pytest.raises(FFprobeError, match="still busy") as caught:
        await backend.probe(corpus_files["h264_aac_mp4"], timeout_s=1)

    assert caught.value.path == str(corpus_files["h264_aac_mp4"])
    release_fifo(fifo_video)
    await wait_until(lambda: backend.threads.alive == 0)


async def test_thread_errors_reach_the_caller() -> None:
    threads = DecoderThreads()

    def boom() -> None:
        raise ValueError("from the thread")

    with pytest.raises(ValueError, match="from the thread"):
        await threads.run(boom, timeout_s=5)
    assert threads.alive == 0


def test_thread_cap_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        DecoderThreads(max_threads=0)


# --- the event loop stays responsive -------------------------------------------


@pytest.mark.parametrize("backend_name", ["ffprobe", "pyav"])
async def test_event_loop_stays_responsive_while_probing(
    backend_name: str,
    corpus_files: dict[str, Path],
    ffprobe_backend: FFprobeBackend,
    pyav_backend: PyAVBackend,
    tmp_path: Path,
) -> None:
    backend: ProbeBackend = ffprobe_backend if backend_name == "ffprobe" else pyav_backend
    worst_lag_s = 0.0
    done = asyncio.Event()

    async def heartbeat() -> None:
        nonlocal worst_lag_s
        while not done.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            worst_lag_s = max(worst_lag_s, time.perf_counter() - before - 0.01)

    # Bounded like the scan (STOAT_SCAN_CONCURRENCY defaults to the CPU count): with
    # dozens of ffprobe processes on two CPUs the loop would starve for CPU, which
    # is oversubscription, not blocking.
    limit = asyncio.Semaphore(os.cpu_count() or 2)

    async def work(name: str, path: Path) -> None:
        async with limit:
            await probe_and_thumbnail(name, path)

    async def probe_and_thumbnail(name: str, path: Path) -> None:
        meta = await backend.probe(path, timeout_s=30)
        await backend.thumbnail(
            path, tmp_path / f"{name}.jpg", duration_s=meta.duration_s, timeout_s=30
        )

    beat = asyncio.create_task(heartbeat())
    async with asyncio.TaskGroup() as group:
        for name, path in corpus_files.items():
            group.create_task(work(name, path))
    done.set()
    await beat

    # Generous: the point is "never blocked for the length of a probe or decode".
    assert worst_lag_s < 0.25, worst_lag_s


def test_fifo_helper_does_not_block_without_a_reader(tmp_path: Path) -> None:
    fifo = tmp_path / "f.mp4"
    os.mkfifo(fifo)

    # On a thread, so a helper that blocked (a plain open for writing waits for a
    # reader) fails this test instead of hanging the whole run.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        done = pool.submit(release_fifo, fifo)
        try:
            assert done.result(timeout=10) is None
        finally:
            if not done.done():
                with open(fifo, "rb"):  # unblock the stuck helper so the pool can exit
                    pass
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # left as it was
