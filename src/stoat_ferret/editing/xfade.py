"""
The transitions the local ffmpeg's ``xfade`` really has: asked once, then cached.

A transition's name is checked when it is chosen (``add_transition``), against what
``ffmpeg -hide_banner -h filter=xfade`` lists (``ffmpeg/xfade.py``, the same answer
``GET /api/v1/transitions`` gives). Without a usable ffmpeg (not installed,
it fails, or its help has no list) the names of FFmpeg 5.1 are used, so the editor keeps
working and the render reports the missing binary where it matters.
"""

from __future__ import annotations

import asyncio

import structlog

from stoat_ferret.editing.transitions import XFADE_TRANSITIONS
from stoat_ferret.errors import DependencyUnavailableError
from stoat_ferret.ffmpeg import resolve_binary
from stoat_ferret.ffmpeg.xfade import xfade_transitions

__all__ = ["XfadeCatalog"]

log = structlog.get_logger("stoat_ferret.editing")


class XfadeCatalog:
    """
    Name to description of every xfade transition of the local ffmpeg.

    ``configured`` is ``STOAT_FFMPEG_PATH`` (or None: ``ffmpeg`` on ``PATH``); it is
    resolved on the first question, so building the catalog touches nothing.
    """

    def __init__(self, configured: str | None) -> None:
        self._configured = configured
        self._names: dict[str, str] | None = None
        # One question to ffmpeg, however many requests arrive before it answers.
        self._lock = asyncio.Lock()

    async def names(self) -> dict[str, str]:
        if self._names is None:
            async with self._lock:
                if self._names is None:
                    self._names = await self._ask()
        return self._names

    async def _ask(self) -> dict[str, str]:
        # to_thread: finding the executable searches PATH on the disk.
        ffmpeg = await asyncio.to_thread(resolve_binary, "ffmpeg", self._configured)
        if ffmpeg is None:
            return dict(XFADE_TRANSITIONS)
        try:
            return dict(await xfade_transitions(ffmpeg))
        except DependencyUnavailableError as exc:
            log.warning("xfade.unusable", error=exc.message)
            return dict(XFADE_TRANSITIONS)
