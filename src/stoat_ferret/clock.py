"""The one clock every domain stamps its records and events with.

Not in ``db/``: events, jobs and the API stamp times too, and none of them should
import the database package for it.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time, time-zone aware in UTC (what ``UTCDateTime`` stores)."""
    return datetime.now(UTC)
