"""The pure parts of the fan-out scan: cutting batches, payloads, summing the children."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from stoat_ferret.jobs import JobResult, JobStatus
from stoat_ferret.jobs.saq_options import takes
from stoat_ferret.library.models import FileStamp
from stoat_ferret.library.scan.discovery import FoundFile
from stoat_ferret.library.scan.fanout import (
    BatchCutter,
    ChildrenTally,
    batch_payload,
    failure_message,
    files_of,
    summed,
)
from stoat_ferret.library.scan.tally import ScanTally

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def found(n: int) -> FoundFile:
    return FoundFile(f"/v/clip_{n:03d}.mp4", FileStamp(1000 + n, 10**18 + n), "video")


def child(
    job_id: str,
    status: JobStatus,
    *,
    processed: int | None = None,
    result: dict[str, Any] | None = None,
    index: int = 0,
    error: str | None = None,
) -> JobResult:
    detail = None if processed is None else {"processed": processed, "total": 5}
    return JobResult(
        job_id=job_id,
        job_type="scan.batch",
        status=status,
        progress=None,
        progress_detail=detail,
        result=result,
        error=error,
        cancel_requested=False,
        created_at=NOW,
        started_at=None,
        finished_at=None,
        payload={"parent_id": "p", "index": index},
    )


def counts(scanned: int, new: int = 0, updated: int = 0, skipped: int = 0, **extra: Any) -> Any:
    return {"scanned": scanned, "new": new, "updated": updated, "skipped": skipped, **extra}


def test_the_cutter_cuts_full_batches_in_walk_order_and_hands_out_the_rest() -> None:
    cutter = BatchCutter(3)
    cut = [batch for n in range(8) if (batch := cutter.add(found(n))) is not None]
    rest = cutter.rest()
    assert [[f.path for f in batch] for batch in cut] == [
        [found(n).path for n in range(3)],
        [found(n).path for n in range(3, 6)],
    ]
    assert rest is not None and [f.path for f in rest] == [found(6).path, found(7).path]
    assert cutter.rest() is None  # nothing twice
    assert cutter.cut == 3


def test_a_payload_carries_the_relation_and_gives_back_the_same_files() -> None:
    files = [found(1), FoundFile("/v/song.flac", FileStamp(5, 6), "audio")]
    payload = batch_payload("parent1", "/v", 4, files)
    assert payload["parent_id"] == "parent1" and payload["index"] == 4 and payload["path"] == "/v"
    assert files_of(payload) == files


def test_children_counts_never_go_back_when_a_child_starts_over() -> None:
    tally = ChildrenTally()
    tally.see(child("a", JobStatus.RUNNING, processed=4))
    tally.see(child("b", JobStatus.RUNNING, processed=2))
    assert tally.total_processed() == 6
    # Its worker died: the re-run of "a" counts from 0 again.
    tally.see(child("a", JobStatus.RUNNING, processed=1))
    assert tally.total_processed() == 6
    tally.see(child("a", JobStatus.COMPLETE, result=counts(5, new=5)))
    assert tally.total_processed() == 7
    assert tally.unfinished_ids == ["b"]
    # An ended child is final: a stale read after it changes nothing.
    tally.see(child("a", JobStatus.RUNNING, processed=0))
    assert tally.total_processed() == 7 and tally.unfinished_ids == ["b"]


def test_the_parent_sums_its_own_counts_and_its_ended_childrens_results() -> None:
    local = ScanTally(total=12, processed=2, skipped=2, walking=False)
    local.add_error("/v/bad\udcff.mp4", "name")
    tally = ChildrenTally()
    errors_b = [{"path": "/v/b1.mp4", "error": "corrupt"}]
    errors_a = [{"path": "/v/a1.mp4", "error": "corrupt"}]
    tally.see(child("b", JobStatus.COMPLETE, result=counts(5, new=3, errors=errors_b), index=1))
    tally.see(
        child("a", JobStatus.COMPLETE, result=counts(5, updated=2, skipped=2, errors=errors_a))
    )
    total = summed(local, tally)
    assert total.as_result() == {
        "scanned": 12,
        "new": 3,
        "updated": 2,
        "skipped": 4,
        "missing": 0,
        "errors": [{"path": "/v/bad\\xff.mp4", "error": "name"}, *errors_a, *errors_b],
    }
    assert total.progress()[0] == 1.0
    assert local.errors == [{"path": "/v/bad\\xff.mp4", "error": "name"}]  # not changed


def test_a_running_child_adds_its_progress_but_no_counts_yet() -> None:
    local = ScanTally(total=10, walking=False)
    tally = ChildrenTally()
    tally.see(child("a", JobStatus.RUNNING, processed=3))
    total = summed(local, tally)
    assert total.processed == 3 and total.new == 0
    assert total.progress()[0] == 0.3


def test_no_fraction_while_the_walk_runs_and_never_past_the_total_after() -> None:
    tally = ChildrenTally()
    tally.see(child("a", JobStatus.COMPLETE, result=counts(6, new=6)))
    walking = ScanTally(total=5, walking=True)
    assert summed(walking, tally).progress()[0] == 0.0
    # A child named a file that is gone from the re-walk: the count stops at the total.
    done = ScanTally(total=5, walking=False)
    assert summed(done, tally).processed == 5


def test_failed_timed_out_and_cancelled_children_are_failures_and_named() -> None:
    tally = ChildrenTally()
    tally.see(child("ok", JobStatus.COMPLETE, result=counts(5)))
    tally.see(child("f", JobStatus.FAILED, error="disk full", index=1))
    tally.see(child("c", JobStatus.CANCELLED, index=2))
    failures = tally.failures()
    assert {c.job_id for c in failures} == {"f", "c"}
    message = failure_message(failures, 3)
    assert message.startswith("2 of 3 scan batches did not complete")
    assert "disk full" in message or "cancelled" in message


def test_a_worker_limited_to_a_type_also_takes_its_sub_types() -> None:
    assert takes(None, "scan.batch")
    assert takes(frozenset({"scan"}), "scan.batch")
    assert takes(frozenset({"scan"}), "scan")
    assert not takes(frozenset({"render"}), "scan.batch")
    assert takes(frozenset({"scan.batch"}), "scan.batch")
    assert not takes(frozenset({"scan.batch"}), "scan")
