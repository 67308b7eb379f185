"""
One picture out of ffmpeg for a preview: a bounded run and a small LRU of answers.

A preview is asked for while a person drags a slider, so each run is short-lived by
design: it gets a few seconds (``STOAT_PREVIEW_TIMEOUT``), after which ffmpeg's whole
process group is killed (``_process.run_process``) and the request answers
``PREVIEW_TIMEOUT``. Answers are kept in a :class:`JpegCache` bounded by count and by
bytes, keyed by everything that decides the picture, so scrubbing back costs nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

from stoat_ferret.errors import DependencyUnavailableError, MediaError
from stoat_ferret.ffmpeg.runtime.tools import clean_stderr, run_ffmpeg_bounded

__all__ = ["JpegCache", "PreviewFailedError", "PreviewTimeoutError", "grab_jpeg"]

_JPEG_START = b"\xff\xd8"

K = TypeVar("K", bound=Hashable)


class PreviewFailedError(MediaError):
    """ffmpeg could not make the preview picture (its message says why)."""

    code = "PREVIEW_FAILED"


class PreviewTimeoutError(DependencyUnavailableError):
    """ffmpeg took longer than ``STOAT_PREVIEW_TIMEOUT``; it was stopped. Try again."""

    code = "PREVIEW_TIMEOUT"


async def grab_jpeg(argv: Sequence[str], *, timeout_s: float, what: str) -> bytes:
    """
    Run ``argv`` (an ffmpeg command writing one JPEG to stdout) and return the JPEG.

    Args:
        argv: the command; it must print exactly one JPEG on stdout.
        timeout_s: how long the run may take; then ffmpeg's process group is killed.
        what: the picture's name for messages (``"the preview of clip.mp4 at 2 s"``).

    Raises:
        PreviewTimeoutError: the run took longer than ``timeout_s``.
        PreviewFailedError: ffmpeg failed or printed no picture.
        DependencyUnavailableError: the ffmpeg binary cannot be run.
        asyncio.CancelledError: the caller was cancelled; ffmpeg is already gone.
    """
    late = PreviewTimeoutError(
        f"{what} took longer than {timeout_s:g} s (STOAT_PREVIEW_TIMEOUT); ffmpeg was stopped"
    )
    output = await run_ffmpeg_bounded(argv, timeout_s=timeout_s, late=late)
    if output.returncode != 0 or not output.stdout.startswith(_JPEG_START):
        reason = (
            clean_stderr(output.stderr) or f"ffmpeg exited {output.returncode} without a picture"
        )
        raise PreviewFailedError(f"{what}: {reason}")
    return output.stdout


class JpegCache(Generic[K]):
    """
    Least recently used pictures, at most ``max_entries`` and ``max_bytes`` in all.

    Not thread-safe; used from the event loop only (no await inside, so no races).
    """

    def __init__(self, *, max_entries: int = 64, max_bytes: int = 32 * 1024 * 1024) -> None:
        self._entries: OrderedDict[K, bytes] = OrderedDict()
        self._max_entries = max_entries
        self._max_bytes = max_bytes
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: K) -> bytes | None:
        picture = self._entries.get(key)
        if picture is not None:
            self._entries.move_to_end(key)
        return picture

    def put(self, key: K, picture: bytes) -> None:
        if len(picture) > self._max_bytes:
            return  # would evict everything and still not fit
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old)
        self._entries[key] = picture
        self._bytes += len(picture)
        while len(self._entries) > self._max_entries or self._bytes > self._max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._bytes -= len(evicted)
