"""The scan's running counts: its result, its partial result and its progress."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from stoat_ferret.library.names import display_path


@dataclass
class ScanTally:
    """Running counts; ``as_result()`` is the job's result (or partial result)."""

    total: int = 0
    processed: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0
    missing: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    current: str | None = None
    walking: bool = True
    started: float = field(default_factory=time.monotonic)

    def as_result(self) -> dict[str, Any]:
        return {
            "scanned": self.processed,
            "new": self.new,
            "updated": self.updated,
            "skipped": self.skipped,
            "missing": self.missing,
            "errors": list(self.errors),
        }

    def add_error(self, path: str, error: str) -> None:
        """Record a per-file error; the path is shown escaped if it is not UTF-8."""
        self.errors.append({"path": display_path(path), "error": error})

    def progress(self) -> tuple[float, dict[str, Any]]:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.processed / elapsed
        remaining = self.total - self.processed
        eta = remaining / rate if rate > 0 and not self.walking else None
        fraction = self.processed / self.total if self.total else 1.0
        # No true fraction before the total is known (see the scan module's docstring).
        value = 0.0 if self.walking else fraction
        return value, {
            "processed": self.processed,
            "total": self.total,
            "current": self.current,
            "files_per_s": round(rate, 2),
            "eta_s": None if eta is None else round(eta, 1),
        }
