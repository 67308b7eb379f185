"""The library scan: find video and audio files, probe what changed, store it, report progress.

The ``scan`` package: ``config`` (``ScanConfig``), ``discovery`` (the synchronous walk),
``walker`` (the walk in a thread, in chunks), ``pipeline`` (triage, probe, thumbnail),
``tally`` (the counts), ``writer`` (batched upserts), ``orphans`` and ``handler`` (the
job itself). The public names are importable from ``stoat_ferret.library.scan``.

Runs as the ``scan`` job (``make_scan_handler``) for the API and the CLI alike, as a
pipeline whose stages overlap (each with its own transactions: the batch writer
commits one transaction per batch, not one per job; measurements in
``docs/performance.md``):

1. walk: a worker thread walks the folder (``walker.py`` over ``discovery.walk_videos``)
   and hands the files over in chunks (1, 2, 4 ... up to ``walk_chunk_max`` files, at
   least every 50 ms), so the first file is probed while the walk goes on; meanwhile
   the stored stamps of the folder are read in chunks (``VideoRepository.known_stamps``);
2. triage, on the event loop (``pipeline.py``): a file whose size and mtime match its
   stored record is ``skipped`` without a probe; the others are queued for probing;
3. probe: ``concurrency`` workers read the metadata;
4. thumbnail: ``concurrency`` more workers make the thumbnails, so slow thumbnails
   (decoding up to the frame of a 1080p HEVC clip takes ~0.1 s) never hold up
   probing, and probes keep the CPUs busy between thumbnails (with the ``ffprobe``
   backend both stages share ``concurrency`` process slots instead);
5. write: results are upserted in batches by one writer task, so a cancelled worker
   can never interrupt a database write, and at most ``batch_interval_s`` of work is
   redone after a crash (``writer.py``: a batch refused because of one row is written
   row by row, a storage failure fails the scan);
6. records under the folder whose file is gone are marked ``missing``.

Meanwhile thumbnails that no record names (left by a crash) are removed
(``orphans.py``). A file whose name is not valid UTF-8 is a per-file error
(``library/names.py``).

Progress: ``progress_detail.total`` grows while the walk runs, and ``processed``
never goes backwards. The progress value stays 0 until the walk has ended, because
until then there is no true fraction to report (``processed / total-so-far`` would
run ahead and then have to stall); after the walk it is ``processed / total``.

Cancellation is checked before each file; when it arrives, in-flight probes and
thumbnails are cancelled at once (which kills their ffprobe/ffmpeg processes), files
probed but not yet thumbnailed are dropped (the next scan picks them up), the writer
stores what was finished, and the job ends ``cancelled`` with the partial counts.
"""

from stoat_ferret.library.scan.config import IN_PROCESS_BACKENDS, SCAN_JOB_TYPE, ScanConfig
from stoat_ferret.library.scan.discovery import (
    AUDIO_EXTENSIONS,
    LINK_OUTSIDE_ROOTS,
    VIDEO_EXTENSIONS,
    FoundFile,
    WalkError,
    is_video_name,
    media_type_of,
    walk_videos,
)
from stoat_ferret.library.scan.handler import make_scan_handler, scan_directory
from stoat_ferret.library.scan.orphans import ORPHAN_MIN_AGE_S, remove_orphan_thumbnails
from stoat_ferret.library.scan.tally import ScanTally
from stoat_ferret.library.scan.writer import BatchWriter

__all__ = [
    "AUDIO_EXTENSIONS",
    "IN_PROCESS_BACKENDS",
    "LINK_OUTSIDE_ROOTS",
    "ORPHAN_MIN_AGE_S",
    "SCAN_JOB_TYPE",
    "VIDEO_EXTENSIONS",
    "BatchWriter",
    "FoundFile",
    "ScanConfig",
    "ScanTally",
    "WalkError",
    "is_video_name",
    "make_scan_handler",
    "media_type_of",
    "remove_orphan_thumbnails",
    "scan_directory",
    "walk_videos",
]
