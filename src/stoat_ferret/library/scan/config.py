"""What a scan is told: the backend, the thumbnails folder, its limits and pacing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stoat_ferret.ffmpeg import ProbeBackend

SCAN_JOB_TYPE = "scan"

FANOUT_BATCH_FILES = 50
"""Files per ``scan.batch`` child on the distributed queue (``fanout_job.py``). Large
enough that a child's own cost (a job row, a broker round trip, its events: tens of
ms) is small next to its 50 probes and thumbnails; small enough that a 1,000-file
scan is shared by many workers and a killed worker redoes at most one batch."""

IN_PROCESS_BACKENDS = frozenset({"pyav"})
"""Backends whose probes and thumbnails run as threads in this process (see ``_Pipeline``)."""


@dataclass(frozen=True)
class ScanConfig:
    backend: ProbeBackend
    thumbnails_dir: Path
    concurrency: int = 2
    probe_timeout_s: float = 30.0
    batch_size: int = 200
    batch_interval_s: float = 0.5
    progress_interval_s: float = 0.25
    walk_chunk_max: int = 1024
    allowed_roots: tuple[Path, ...] = ()
    """``STOAT_ALLOWED_SCAN_ROOTS``: the walk never follows a symlink out of them."""
    fanout_batch_files: int = FANOUT_BATCH_FILES
    """Files per ``scan.batch`` child on the distributed queue."""
