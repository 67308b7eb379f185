"""
The pure parts of a fan-out scan: cutting batches, naming them, summing children.

On the distributed queue (``STOAT_QUEUE_URL``) a ``scan`` job walks its folder and
hands the files that changed to ``scan.batch`` child jobs, which any worker takes
(``fanout_job.py``; SPEC §12). Nothing here does I/O: the batches a walk is cut into
and the parent's progress and result, summed from what its children report, are
tested on plain values (``tests/library/test_fanout_parts.py``).

Summing is monotonic: a child's ``processed`` count is remembered at its highest, so
a child that runs again after its worker died (and so starts counting from 0) never
makes the parent's count go back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from stoat_ferret.ffmpeg import MediaType
from stoat_ferret.jobs import JobResult, JobStatus
from stoat_ferret.library.models import FileStamp
from stoat_ferret.library.scan.config import FANOUT_BATCH_FILES
from stoat_ferret.library.scan.discovery import FoundFile
from stoat_ferret.library.scan.tally import ScanTally

__all__ = [
    "FANOUT_BATCH_FILES",
    "FANOUT_WINDOW",
    "SCAN_BATCH_JOB_TYPE",
    "BatchCutter",
    "ChildrenTally",
    "batch_payload",
    "failure_message",
    "file_entry",
    "files_of",
    "summed",
]

SCAN_BATCH_JOB_TYPE = "scan.batch"

FANOUT_WINDOW = 32
"""At most this many children of one scan are unfinished at a time: the parent reads
each of them on every tick, a cancel has at most this many to stop, and the broker
never holds a whole library's worth of batches."""


def file_entry(found: FoundFile) -> dict[str, Any]:
    """A found file as a child's payload carries it (JSON: path, stamp, media type)."""
    return {
        "path": found.path,
        "size": found.stamp.size,
        "mtime_ns": found.stamp.mtime_ns,
        "media_type": found.media_type,
    }


def files_of(payload: Mapping[str, Any]) -> list[FoundFile]:
    """The files a ``scan.batch`` payload names, as the walk found them."""
    return [
        FoundFile(
            str(entry["path"]),
            FileStamp(int(entry["size"]), int(entry["mtime_ns"])),
            cast(MediaType, entry.get("media_type", "video")),
        )
        for entry in payload.get("files", [])
    ]


def batch_payload(parent_id: str, root: str, index: int, files: list[FoundFile]) -> dict[str, Any]:
    """A child's payload: its parent (the relation), the scanned folder, its files."""
    return {
        "parent_id": parent_id,
        "path": root,
        "index": index,
        "files": [file_entry(found) for found in files],
    }


@dataclass
class BatchCutter:
    """Cuts the files of a walk into batches of ``size``, in walk order."""

    size: int
    _pending: list[FoundFile] = field(default_factory=list)
    cut: int = 0
    """How many batches were handed out (the next batch's index)."""

    def add(self, found: FoundFile) -> list[FoundFile] | None:
        """Add one file; returns a full batch when this file completes one."""
        self._pending.append(found)
        if len(self._pending) >= max(1, self.size):
            return self._take()
        return None

    def rest(self) -> list[FoundFile] | None:
        """The last, partly filled batch at the end of the walk (None if empty)."""
        return self._take() if self._pending else None

    def _take(self) -> list[FoundFile]:
        batch, self._pending = self._pending, []
        self.cut += 1
        return batch


#: A child that ended so does not make its files part of the library.
_UNFINISHED = frozenset({JobStatus.FAILED, JobStatus.TIMEOUT, JobStatus.CANCELLED})


@dataclass
class ChildrenTally:
    """What the children of one scan reported, read again on every tick."""

    processed: dict[str, int] = field(default_factory=dict)
    """Highest ``processed`` seen per child: never goes back."""
    ended: dict[str, JobResult] = field(default_factory=dict)
    running: dict[str, JobResult] = field(default_factory=dict)

    def see(self, child: JobResult) -> None:
        """Take in a child's latest state (a terminal one is final)."""
        if child.job_id in self.ended:
            return
        count = _processed_of(child)
        self.processed[child.job_id] = max(self.processed.get(child.job_id, 0), count)
        if child.status.is_terminal:
            self.ended[child.job_id] = child
            self.running.pop(child.job_id, None)
        else:
            self.running[child.job_id] = child

    @property
    def unfinished_ids(self) -> list[str]:
        """Children seen but not ended yet."""
        return list(self.running)

    def failures(self) -> list[JobResult]:
        """Children that ended without scanning their files (failed, timeout, cancelled)."""
        return [child for child in self.ended.values() if child.status in _UNFINISHED]

    def total_processed(self) -> int:
        return sum(self.processed.values())


def _processed_of(child: JobResult) -> int:
    """A child's files done: its result's ``scanned`` once over, else its progress."""
    if isinstance(child.result, dict) and "scanned" in child.result:
        return int(child.result["scanned"])
    detail = child.progress_detail or {}
    return int(detail.get("processed", 0))


def summed(local: ScanTally, children: ChildrenTally) -> ScanTally:
    """
    The parent's tally: its own counts (the walk's errors, unchanged files it skipped
    without a child, the total) plus what its children did.

    Counts come from the children that ended (their results); a running child adds
    only its ``processed`` count, so the result never counts a file twice.
    """
    total = ScanTally(
        total=local.total,
        processed=local.processed + children.total_processed(),
        new=local.new,
        updated=local.updated,
        skipped=local.skipped,
        missing=local.missing,
        errors=list(local.errors),
        current=None,
        walking=local.walking,
        started=local.started,
    )
    for child in _in_order(children.ended.values()):
        result = child.result if isinstance(child.result, dict) else {}
        total.new += int(result.get("new", 0))
        total.updated += int(result.get("updated", 0))
        total.skipped += int(result.get("skipped", 0))
        total.errors += [dict(error) for error in result.get("errors", [])]
    if not local.walking:  # a file named by a child but gone since must not exceed 100 %
        total.processed = min(total.processed, total.total)
    return total


def _in_order(children: Iterable[JobResult]) -> list[JobResult]:
    """Children by batch index, so the merged error list follows the walk."""
    return sorted(children, key=lambda child: int(child.payload.get("index", 0)))


def failure_message(failures: list[JobResult], batches: int) -> str:
    """Why the parent failed: how many children did not finish, and the first reason."""
    first = failures[0]
    reason = first.error or first.status.value
    return (
        f"{len(failures)} of {batches} scan batches did not complete "
        f"(batch {first.job_id} ended {first.status.value}: {reason[:300]})"
    )
