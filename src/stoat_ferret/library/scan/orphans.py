"""Removing thumbnails that no library record names.

A thumbnail is written before its record is stored (the writer batches records), so a
crash between the two leaves ``<id>.jpg`` files that no record will ever name, and an
interrupted atomic write leaves a ``.<id>.jpg.*.tmp`` file. Every scan removes them
while it works. Cheap: the folder is listed by name only, the ids come from the
database in one streamed query, and only the few candidates are ``stat``-ed.

A file younger than ``ORPHAN_MIN_AGE_S`` is left alone, because a scan running right
now (in this process or another, such as ``stoat-ferret scan``) may have written a
thumbnail whose record is still on its way to the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import stat
import time
from pathlib import Path

import structlog

from stoat_ferret.db import UnitOfWorkFactory
from stoat_ferret.library.repository import VideoRepository

log = structlog.get_logger("stoat_ferret.scan")

ORPHAN_MIN_AGE_S = 600.0
"""Far longer than any record waits for its batch (``batch_interval_s``, 0.5 s)."""

_THUMBNAIL_SUFFIX = ".jpg"
_TEMP_SUFFIX = ".tmp"


def _thumbnail_names(folder: Path) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return [
                entry.name
                for entry in entries
                if entry.name.endswith(_THUMBNAIL_SUFFIX)
                or (entry.name.startswith(".") and entry.name.endswith(_TEMP_SUFFIX))
            ]
    except FileNotFoundError:
        return []


def _remove_old(folder: Path, names: list[str], cutoff: float) -> int:
    removed = 0
    for name in names:
        path = folder / name
        # Vanished, or not ours to judge: leave it.
        with contextlib.suppress(OSError):
            info = path.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                path.unlink()
                removed += 1
    return removed


async def remove_orphan_thumbnails(
    units: UnitOfWorkFactory, folder: Path, *, min_age_s: float = ORPHAN_MIN_AGE_S
) -> int:
    """Delete the thumbnails in ``folder`` that no record names; returns how many.

    Never raises: a cleanup problem is logged and must not fail the scan.
    """
    try:
        cutoff = time.time() - min_age_s
        # Listed before the ids are read, so a thumbnail stored in between is kept.
        names = await asyncio.to_thread(_thumbnail_names, folder)
        if not names:
            return 0
        async with units() as uow:
            known = await VideoRepository(uow.session).ids()
        candidates = [
            name
            for name in names
            if name.endswith(_TEMP_SUFFIX) or name[: -len(_THUMBNAIL_SUFFIX)] not in known
        ]
        removed = await asyncio.to_thread(_remove_old, folder, candidates, cutoff)
    except Exception as exc:
        log.warning("scan.orphan_cleanup_failed", folder=str(folder), error=str(exc))
        return 0
    if removed:
        log.info("scan.orphan_thumbnails_removed", folder=str(folder), count=removed)
    return removed
