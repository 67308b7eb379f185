"""Latency sampling and the small statistics the reports use."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Sequence
from typing import Any

import httpx


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100): always one of the measured values.

    With few samples this is honest about what was seen: the p95 of 5 values is the
    largest one, not an interpolation below it.
    """
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def latency_summary(seconds: Sequence[float]) -> dict[str, Any]:
    """``n``, p50, p95, p99 and max of a list of durations, in milliseconds."""
    return {
        "n": len(seconds),
        "p50_ms": round(percentile(seconds, 50) * 1000, 2),
        "p95_ms": round(percentile(seconds, 95) * 1000, 2),
        "p99_ms": round(percentile(seconds, 99) * 1000, 2),
        "max_ms": round(max(seconds, default=math.nan) * 1000, 2),
    }


class HealthSampler(threading.Thread):
    """``GET /health/live`` every ``interval_s`` from its own thread and connection.

    It keeps a fixed schedule (a slow answer does not shift the following samples)
    and records ``(time.perf_counter() at send, latency)`` pairs. A latency is the full round
    trip a client sees: anything that holds the server's event loop shows up here.
    """

    def __init__(self, url: str, interval_s: float = 0.02) -> None:
        super().__init__(name="health-sampler", daemon=True)
        self.url = url
        self.interval_s = interval_s
        self.samples: list[tuple[float, float]] = []
        self.failures = 0
        self._stop_event = threading.Event()
        self.started_at = 0.0

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=10) as client:
            client.get("/health/live")  # open the connection before timing anything
            self.started_at = time.perf_counter()
            tick = 0
            while not self._stop_event.is_set():
                began = time.perf_counter()
                try:
                    ok = client.get("/health/live").status_code == 200
                except httpx.HTTPError:
                    ok = False
                ended = time.perf_counter()
                if ok:
                    self.samples.append((began, ended - began))
                else:
                    self.failures += 1
                tick += 1
                next_at = self.started_at + tick * self.interval_s
                if next_at < ended:  # fell behind: skip the missed ticks, keep the grid
                    tick = math.ceil((ended - self.started_at) / self.interval_s)
                    next_at = self.started_at + tick * self.interval_s
                self._stop_event.wait(max(0.0, next_at - time.perf_counter()))

    def finish(self) -> list[float]:
        """Stop sampling and return the latencies in seconds."""
        self._stop_event.set()
        self.join()
        return [latency for _, latency in self.samples]

    def summary(self) -> dict[str, Any]:
        result = latency_summary([latency for _, latency in self.samples])
        result["failures"] = self.failures
        return result


def sample_idle(url: str, duration_s: float = 3.0, interval_s: float = 0.02) -> dict[str, Any]:
    """``/health/live`` latency of an idle server: the baseline for the busy figures."""
    sampler = HealthSampler(url, interval_s)
    sampler.start()
    time.sleep(duration_s)
    sampler.finish()
    return sampler.summary()
