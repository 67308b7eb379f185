"""
``PyAVBackend``: probes and thumbnails in-process with PyAV, on decoder threads.

The work itself is in :mod:`stoat_ferret.ffmpeg.probe.pyav` and
:mod:`stoat_ferret.ffmpeg.thumbnail.pyav`; this class runs it on
:class:`~stoat_ferret.ffmpeg.runtime.threads.DecoderThreads` and turns timeouts and
a full pool into the backend's error types. Waveforms of sound files are drawn by
the ``ffmpeg`` binary, as for :class:`FFprobeBackend` (see
:mod:`stoat_ferret.ffmpeg.thumbnail.ffmpeg` for why).
"""

from __future__ import annotations

import asyncio
import os
import threading

from stoat_ferret.errors import FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg.probe.metadata import MediaType, VideoMetadata
from stoat_ferret.ffmpeg.probe.pyav import probe_with_pyav
from stoat_ferret.ffmpeg.runtime.threads import DecoderThreads, DecoderThreadsBusyError
from stoat_ferret.ffmpeg.thumbnail.ffmpeg import extract_waveform
from stoat_ferret.ffmpeg.thumbnail.pyav import thumbnail_with_pyav
from stoat_ferret.ffmpeg.thumbnail.rules import THUMBNAIL_WIDTH_PX

__all__ = ["PyAVBackend"]


class PyAVBackend:
    """
    Probe and thumbnail in-process with PyAV; the default when PyAV imports.

    Produces the same ``VideoMetadata`` as
    :class:`~stoat_ferret.ffmpeg.backends.ffprobe.FFprobeBackend` (proven by
    ``tests/ffmpeg/test_backend_parity.py``) and raises the same error types.
    ``import av`` happens on first use, never at import time.

    A timeout cannot kill a thread: the call reports the error at once and the
    thread is abandoned (see :mod:`stoat_ferret.ffmpeg.runtime.threads`); the file it was
    reading stays open until libav returns.
    """

    name: str = "pyav"

    def __init__(
        self,
        *,
        max_threads: int = 64,
        thumbnail_width_px: int = THUMBNAIL_WIDTH_PX,
        ffmpeg_path: str = "ffmpeg",
    ) -> None:
        """
        Create the backend.

        Args:
            max_threads: cap on live decoder threads, abandoned ones included.
            thumbnail_width_px: width of generated thumbnails.
            ffmpeg_path: the ffmpeg executable that draws waveforms of sound files.
        """
        self._threads = DecoderThreads(max_threads)
        self._thumbnail_width_px = thumbnail_width_px
        self._ffmpeg_path = ffmpeg_path

    @property
    def threads(self) -> DecoderThreads:
        """The thread runner, exposed for diagnostics and tests."""
        return self._threads

    async def probe(
        self,
        path: str | os.PathLike[str],
        *,
        timeout_s: float = 30.0,
        media_type: MediaType = "video",
    ) -> VideoMetadata:
        """
        Read the file's metadata on a decoder thread.

        Raises:
            FFprobeError: unreadable file, no video (no audio, for a sound file),
                timeout (the thread is abandoned) or too many busy threads; names the file.
            DependencyUnavailableError: PyAV is not installed.
        """
        name = os.fspath(path)
        try:
            return await self._threads.run(
                lambda: probe_with_pyav(name, media_type=media_type), timeout_s=timeout_s
            )
        except TimeoutError:
            raise FFprobeError(
                name, f"timed out after {timeout_s:g} s (PyAV thread abandoned)"
            ) from None
        except DecoderThreadsBusyError as exc:
            raise FFprobeError(name, str(exc)) from None

    async def thumbnail(
        self,
        path: str | os.PathLike[str],
        dest: str | os.PathLike[str],
        *,
        duration_s: float,
        timeout_s: float = 30.0,
    ) -> None:
        """
        Decode the thumbnail frame and write the JPEG atomically, on a thread.

        Raises:
            ThumbnailError: undecodable file, timeout or too many busy threads.
            DependencyUnavailableError: PyAV is not installed.
        """
        name = os.fspath(path)
        width = self._thumbnail_width_px
        abandoned = threading.Event()

        def work() -> None:
            thumbnail_with_pyav(name, dest, duration_s=duration_s, width=width, abandoned=abandoned)

        try:
            await self._threads.run(work, timeout_s=timeout_s)
        except TimeoutError:
            abandoned.set()
            raise ThumbnailError(
                name, f"timed out after {timeout_s:g} s (PyAV thread abandoned)"
            ) from None
        except asyncio.CancelledError:
            abandoned.set()
            raise
        except DecoderThreadsBusyError as exc:
            raise ThumbnailError(name, str(exc)) from None

    async def waveform(
        self,
        path: str | os.PathLike[str],
        dest: str | os.PathLike[str],
        *,
        timeout_s: float = 30.0,
    ) -> None:
        """
        Draw the waveform with the ffmpeg binary (a process group, killed on timeout).

        Raises:
            ThumbnailError: ffmpeg failed, timed out or drew nothing; names the file.
            DependencyUnavailableError: the ffmpeg executable cannot be run.
        """
        await extract_waveform(
            path,
            dest,
            ffmpeg_path=self._ffmpeg_path,
            width=self._thumbnail_width_px,
            timeout_s=timeout_s,
        )
