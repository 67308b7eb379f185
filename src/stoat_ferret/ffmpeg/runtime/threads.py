"""
Run blocking libav work on daemon threads and await it with a timeout.

Why threads: libav releases the GIL while it parses and decodes, so threads run
probes in parallel and keep the event loop responsive, with no pickling and no
worker start-up. Measured on 50 one-second clips (2 CPUs, PyAV 18): 0.6-0.7 ms per
probe in a ``ThreadPoolExecutor``, 0.8-1.1 ms in a ``ProcessPoolExecutor`` (the IPC
costs more than it saves).

Why our own pool rather than ``asyncio.to_thread`` or a ``ThreadPoolExecutor``: a
thread cannot be killed, and a libav call can block for good (a FIFO named
``x.mp4``, a stalled network mount). On timeout the caller stops waiting, reports
the error and abandons the call, which ends whenever its read returns. A
``concurrent.futures`` worker stuck like that would hold its slot forever and,
because ``concurrent.futures`` joins its workers at interpreter exit, would keep the
server from shutting down. Here every thread is a daemon, a stuck one simply stays
busy while new threads take the new work, and ``max_threads`` caps the busy threads,
abandoned ones included, so a folder of files that all hang cannot create threads
without end.

Why a pool and not one new thread per call (the first version): ``Thread.start()``
blocks its caller until the new thread has run, and the new thread needs the GIL to
run, which the busy decoder threads hold between libav calls. The caller is the
event loop, so every call stalled the loop: a profile of a 1,000-file scan showed
the loop thread blocked in ``Thread.start`` for 0.86 s (7 % of the scan, ~0.4 ms per
call, with spikes of several ms). Handing work to a parked thread is a queue ``put``
that never waits; a thread is started only when none is free, and a thread idle for
``idle_timeout_s`` exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["DecoderThreads", "DecoderThreadsBusyError"]

T = TypeVar("T")


class DecoderThreadsBusyError(RuntimeError):
    """``max_threads`` threads are busy (or stuck); no new work is accepted."""


class _Call(Generic[T]):
    """One unit of work and where its outcome goes."""

    __slots__ = ("abandoned", "future", "loop", "work")

    def __init__(
        self, loop: asyncio.AbstractEventLoop, future: asyncio.Future[T], work: Callable[[], T]
    ) -> None:
        self.loop = loop
        self.future = future
        self.work = work
        #: Set by the caller when it stopped waiting; a call not yet started is skipped.
        self.abandoned = False


class DecoderThreads:
    """
    Runs blocking work on a pool of daemon threads and waits for it with a timeout.

    One instance may serve several event loops (tests run one loop per test), so no
    asyncio object is kept on it.
    """

    def __init__(self, max_threads: int = 64, *, idle_timeout_s: float = 30.0) -> None:
        """
        Create the runner.

        Args:
            max_threads: most threads busy at once, including abandoned ones still
                blocked after a timeout. Beyond it, calls fail at once.
            idle_timeout_s: a thread with no work for this long exits.
        """
        if max_threads < 1:
            raise ValueError("max_threads must be at least 1")
        self.max_threads = max_threads
        self.idle_timeout_s = idle_timeout_s
        self._calls: queue.SimpleQueue[_Call[Any]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._busy = 0  # calls queued or running, abandoned ones included
        self._idle = 0  # parked threads that no queued call has claimed yet
        self._threads = 0

    @property
    def alive(self) -> int:
        """Calls queued or running right now, abandoned ones included."""
        with self._lock:
            return self._busy

    @property
    def threads(self) -> int:
        """Threads in the pool, busy and parked."""
        with self._lock:
            return self._threads

    async def run(self, work: Callable[[], T], *, timeout_s: float) -> T:
        """
        Run ``work()`` on a pool thread and return its result.

        Raises:
            TimeoutError: ``work`` did not finish within ``timeout_s``; the call is
                abandoned and finishes (or not) on its own.
            DecoderThreadsBusyError: ``max_threads`` calls are busy already.
            asyncio.CancelledError: the caller was cancelled; the call is abandoned
                the same way.
            Exception: whatever ``work`` raised.
        """
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        call = _Call(loop, future, work)
        with self._lock:
            if self._busy >= self.max_threads:
                raise DecoderThreadsBusyError(
                    f"{self._busy} PyAV threads are still busy (some may be blocked on "
                    "unreadable files); try again later"
                )
            self._busy += 1
            start_thread = self._idle == 0
            if start_thread:
                self._threads += 1
            else:
                self._idle -= 1  # a parked thread will take this call
        if start_thread:
            try:
                threading.Thread(target=self._serve, name="stoat-pyav", daemon=True).start()
            except BaseException:
                with self._lock:
                    self._busy -= 1
                    self._threads -= 1
                raise
        self._calls.put(call)
        try:
            async with asyncio.timeout(timeout_s):
                # Awaiting the bare future: a timeout or a cancel cancels the future,
                # and the thread's late result is then dropped by _settle.
                return await call.future
        except BaseException:
            call.abandoned = True
            raise

    def _serve(self) -> None:
        """A pool thread: take calls until none comes for ``idle_timeout_s``."""
        while True:
            try:
                call = self._calls.get(timeout=self.idle_timeout_s)
            except queue.Empty:
                with self._lock:
                    # Exit only if no queued call counts on this thread.
                    if self._idle > 0:
                        self._idle -= 1
                        self._threads -= 1
                        return
                continue
            outcome: tuple[Any, BaseException | None] = (None, None)
            if not call.abandoned:
                try:
                    outcome = (call.work(), None)
                except BaseException as exc:
                    outcome = (None, exc)
            # Counted free before the caller hears back, so a caller that saw its
            # result also sees the thread released.
            with self._lock:
                self._busy -= 1
                self._idle += 1
            # RuntimeError: the loop has closed, so nobody is waiting for the result.
            with contextlib.suppress(RuntimeError):
                call.loop.call_soon_threadsafe(_settle, call.future, outcome)


def _settle(future: asyncio.Future[T], outcome: tuple[T | None, BaseException | None]) -> None:
    # Runs on the loop thread; the future is done already if the caller gave up.
    if future.done():
        return
    result, error = outcome
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)  # type: ignore[arg-type]
