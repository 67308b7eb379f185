"""The in-process probe backend: libavformat through PyAV, normalised to ffprobe.

PyAV reads the same demuxers as ffprobe but returns Python objects, and it saves
the ~55 ms it costs to start an ``ffprobe`` process per file (see the numbers in
:mod:`stoat_ferret.ffmpeg.backends`). Its answers are converted to exactly what
ffprobe prints, so both backends produce identical ``VideoMetadata``:

- codec names: ``Codec.canonical_name`` (``avcodec_get_name``), the name ffprobe
  prints as ``codec_name`` (``h264``, ``vp9``, ``opus``), never a decoder name such
  as ``libdav1d``;
- container: ``InputContainer.format.name``, the demuxer name ffprobe prints as
  ``format_name`` (``"mov,mp4,m4a,3gp,3g2,mj2"``);
- duration: the container's ``duration`` (microseconds), as ffprobe; the video
  stream's ``duration * time_base`` when the container has none;
- frame rate: ``average_rate`` (ffprobe ``avg_frame_rate``), else ``base_rate``
  (``r_frame_rate``);
- bit rate: the container ``bit_rate``, which is the number ffprobe prints as
  ``format.bit_rate`` (libavformat fills it from the header or, failing that, from
  file size and duration); stream bit rates are not used by either backend;
- audio: ``channels`` and ``sample_rate`` of the first audio stream's codec context;
- the same demuxer option ffprobe sets (``scan_all_pmts=1``, which finds every
  program of an MPEG-TS file);
- the same cover-art rule (streams flagged ``attached_pic`` are not video).

Both backends then pass their raw values through the same
:func:`~stoat_ferret.ffmpeg.metadata.build_metadata`.

Threads, not processes. libav calls release the GIL while they parse and decode, so
plain threads run probes in parallel and keep the event loop responsive, with no
pickling or worker start-up. Measured on 50 one-second clips (2 CPUs): 0.6-0.7 ms
per file in a thread pool, 0.8-1.1 ms in a ``ProcessPoolExecutor`` (IPC costs more
than it saves) and 1.1-1.6 ms with one daemon thread per call.

We still use one daemon thread per call, not ``asyncio.to_thread``: a thread
cannot be killed, and a libav call can block for good (a FIFO named ``x.mp4``, a
stalled network mount). On timeout we stop waiting, report ``FFprobeError`` and
abandon the thread; it ends when the read finally returns. A pool thread stuck
like that would hold a pool slot forever and, because ``concurrent.futures`` joins
its workers at interpreter exit, would also stop the server from shutting down.
Daemon threads do neither. The extra ~0.5 ms per file is small next to ffprobe's
55 ms. ``max_threads`` caps live threads, abandoned ones included, so a folder of
files that all hang cannot create threads without end.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

from stoat_ferret.errors import DependencyUnavailableError, FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg.metadata import RawProbe, VideoMetadata, build_metadata
from stoat_ferret.ffmpeg.thumbnail import (
    THUMBNAIL_WIDTH_PX,
    scaled_size,
    thumbnail_at_s,
    write_atomic,
)

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.video.frame import VideoFrame
    from av.video.stream import VideoStream

__all__ = [
    "DecoderThreads",
    "DecoderThreadsBusyError",
    "PyAVBackend",
    "probe_with_pyav",
    "pyav_available",
    "thumbnail_with_pyav",
]

T = TypeVar("T")

_JPEG_QUALITY = 90
"""Pillow's scale (1-95); close to ffmpeg's ``-q:v 3`` in size and look."""

_DEMUXER_OPTIONS = {"scan_all_pmts": "1"}
"""ffprobe sets this by default; without it some MPEG-TS programs go unseen."""

_AV_LOG_ERROR = 16
"""libav's ``AV_LOG_ERROR``; lines at this level or more severe explain failures."""

_logging_lock = threading.Lock()
_logging_ready = False


def pyav_available() -> bool:
    """True when ``import av`` works (PyAV installed and its libav loadable)."""
    try:
        import av  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def _import_av() -> Any:
    """Import PyAV on first use, so importing this package never needs it."""
    try:
        import av
    except (ImportError, OSError) as exc:
        raise DependencyUnavailableError(
            f"the pyav probe backend needs PyAV (the 'av' package): {exc}; "
            "install it or set STOAT_PROBE_BACKEND=ffprobe"
        ) from exc
    _enable_error_logs(av)
    return av


def _enable_error_logs(av: Any) -> None:
    """Route libav error lines to PyAV so they can be captured per thread.

    PyAV silences libav completely by default, which would leave errors such as
    ``moov atom not found`` out of our messages (ffprobe prints them). Level ERROR
    keeps the cost to error lines only; a level chosen elsewhere is left alone.
    """
    global _logging_ready
    with _logging_lock:
        if _logging_ready:
            return
        if av.logging.get_level() is None:
            av.logging.set_level(av.logging.ERROR)
        # PyAV drops a line identical to the previous one, even from another file;
        # two empty .mp4 files in a row would then give different messages.
        av.logging.set_skip_repeated(False)
        _logging_ready = True


@contextmanager
def _libav_errors(av: Any) -> Iterator[list[tuple[int, str, str]]]:
    """Collect libav's error lines logged by the current thread."""
    with av.logging.Capture(local=True) as logs:
        yield logs


def _reason(exc: BaseException, logs: list[tuple[int, str, str]]) -> str:
    """ffprobe-like reason: libav's error lines, then the error itself."""
    parts = []
    for level, name, message in logs:
        text = message.strip()
        if text and level <= _AV_LOG_ERROR:
            parts.append(f"[{name}] {text}" if name else text)
    strerror = getattr(exc, "strerror", None)
    final = strerror if isinstance(strerror, str) and strerror else str(exc)
    if not final:
        final = type(exc).__name__
    if final not in parts:
        parts.append(final)
    return "; ".join(parts)


def _file_url(path: str) -> str:
    # Same as the ffprobe command line: "file:" stops names with a colon from being
    # read as a protocol, so both backends open exactly the same thing.
    return path if path.startswith("file:") else f"file:{path}"


def _open(av: Any, path: str, error: Callable[[str, str], Exception]) -> InputContainer:
    with _libav_errors(av) as logs:
        try:
            container: InputContainer = av.open(
                _file_url(path),
                mode="r",
                container_options=dict(_DEMUXER_OPTIONS),
                metadata_errors="replace",
            )
        except Exception as exc:
            raise error(path, _reason(exc, logs)) from exc
    return container


def _first_video(av: Any, container: InputContainer) -> VideoStream | None:
    attached_pic = av.stream.Disposition.attached_pic
    for stream in container.streams.video:
        if not stream.disposition & attached_pic:
            return stream
    return None


def _codec_name(stream: Any) -> str | None:
    context = stream.codec_context
    if context is None:
        # PyAV builds no codec context when it has no decoder for the stream.
        return None
    name = context.codec.canonical_name
    return str(name) if name else None


def _seconds(value: int | None, time_base: Fraction | None) -> float | None:
    if value is None or time_base is None:
        return None
    return float(value * time_base)


def _raw_probe(av: Any, path: str, container: InputContainer) -> RawProbe:
    video = _first_video(av, container)
    audio = next(iter(container.streams.audio), None)
    if video is not None and video.codec_context is None:
        raise FFprobeError(path, "PyAV has no decoder for the video stream")
    duration_us = container.duration
    return RawProbe(
        container=container.format.name,
        format_duration_s=None if duration_us is None else duration_us / 1_000_000,
        format_bit_rate=container.bit_rate,
        video_codec=_codec_name(video) if video is not None else None,
        width=video.codec_context.width if video is not None else None,
        height=video.codec_context.height if video is not None else None,
        avg_frame_rate=video.average_rate if video is not None else None,
        r_frame_rate=video.base_rate if video is not None else None,
        video_duration_s=_seconds(video.duration, video.time_base) if video is not None else None,
        audio_codec=(_codec_name(audio) or "unknown") if audio is not None else None,
        audio_channels=_audio_attr(audio, "channels"),
        audio_sample_rate=_audio_attr(audio, "sample_rate"),
    )


def _audio_attr(audio: Any, name: str) -> int | None:
    if audio is None or audio.codec_context is None:
        return None
    value = getattr(audio.codec_context, name, None)
    return int(value) if isinstance(value, int) else None


def probe_with_pyav(path: str | os.PathLike[str]) -> VideoMetadata:
    """Probe ``path`` in this thread with PyAV (blocking; see :class:`PyAVBackend`).

    Raises:
        FFprobeError: the file cannot be read or has no usable video stream; the
            message names the file and carries libav's reason.
        DependencyUnavailableError: PyAV is not installed.
    """
    name = os.fspath(path)
    av = _import_av()
    container = _open(av, name, FFprobeError)
    try:
        with _libav_errors(av) as logs:
            try:
                raw = _raw_probe(av, name, container)
            except FFprobeError:
                raise
            except Exception as exc:
                # PyAV raises assorted types on odd files (ValueError, UnicodeError,
                # av.error.*); the caller's contract is FFprobeError, always.
                raise FFprobeError(name, _reason(exc, logs)) from exc
    finally:
        container.close()
    return build_metadata(name, raw)


def _render_jpeg(frame: VideoFrame, width: int) -> bytes:
    out_width, out_height = scaled_size(frame.width, frame.height, width)
    image = frame.to_image(  # type: ignore[no-untyped-call]
        width=out_width, height=out_height, interpolation="BICUBIC"
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=_JPEG_QUALITY)
    return buffer.getvalue()


def _rescale_us(value_us: int, time_base: Fraction) -> int:
    """``av_rescale_q(value_us, 1/1000000, time_base)``: round to nearest, ties away
    from zero, exactly as ffmpeg converts its ``-ss`` offset into stream ticks."""
    exact = Fraction(abs(value_us), 1_000_000) / time_base
    rounded = int(exact + Fraction(1, 2))
    return rounded if value_us >= 0 else -rounded


def _frame_ticks(frame: VideoFrame) -> int | None:
    # ffmpeg uses the decoder's best-effort timestamp; PyAV exposes pts and dts.
    # The stubs say int, but either may be None on streams without timestamps.
    pts: int | None = frame.pts
    if pts is not None:
        return pts
    dts: int | None = frame.dts
    return dts


def _first_frame_from(
    frames: Iterator[VideoFrame], target_ticks: int | None
) -> tuple[VideoFrame | None, bool]:
    """First frame at or after ``target_ticks`` and whether the first one already was
    past it (the seek overshot and skipped the frame we want).

    ``ffmpeg -ss`` shifts timestamps by the rounded target and drops frames that end
    up negative, so "at or after" is ``ticks >= target_ticks`` in stream ticks.
    """
    first = True
    for frame in frames:
        ticks = _frame_ticks(frame)
        if target_ticks is None or ticks is None or ticks >= target_ticks:
            return frame, first and ticks is not None and target_ticks is not None and (
                ticks > target_ticks
            )
        first = False
    return None, False


def _grab_frame(av: Any, path: str, at_s: float, width: int, *, seek: bool = True) -> bytes | None:
    """Decode the thumbnail frame of ``path`` and return it as JPEG bytes, or None.

    With ``at_s == 0`` this is the first frame. Otherwise it seeks like ``ffmpeg -ss``
    (to the keyframe before the target, counted from the container's start time) and
    decodes forward. Some demuxers land after a keyframe (MPEG-PS does), which makes
    the decoder skip to the next one; that is detected and the file is decoded from
    its start instead (cheap: the target is at most 5 s in).
    """
    container = _open(av, path, ThumbnailError)
    try:
        stream = _first_video(av, container)
        if stream is None:
            raise ThumbnailError(path, "no video stream")
        if stream.codec_context is None or stream.time_base is None:
            raise ThumbnailError(path, "PyAV has no decoder for the video stream")
        target_us = (container.start_time or 0) + round(at_s * 1_000_000)
        target_ticks = _rescale_us(target_us, stream.time_base) if at_s > 0 else None
        with _libav_errors(av) as logs:
            try:
                if target_ticks is not None and seek:
                    # ffmpeg carries on from the start when a seek fails; so do we.
                    with contextlib.suppress(av.error.FFmpegError):
                        container.seek(target_us, backward=True)
                frame, overshot = _first_frame_from(container.decode(stream), target_ticks)
                if overshot and seek:
                    container.close()
                    return _grab_frame(av, path, at_s, width, seek=False)
                return None if frame is None else _render_jpeg(frame, width)
            except ThumbnailError:
                raise
            except Exception as exc:
                raise ThumbnailError(path, _reason(exc, logs)) from exc
    finally:
        container.close()


def thumbnail_with_pyav(
    path: str | os.PathLike[str],
    dest: str | os.PathLike[str],
    *,
    duration_s: float,
    width: int = THUMBNAIL_WIDTH_PX,
    abandoned: threading.Event | None = None,
) -> None:
    """Write the thumbnail JPEG in this thread with PyAV and Pillow (blocking).

    Same frame and size rules as :func:`~stoat_ferret.ffmpeg.thumbnail.extract_thumbnail`,
    including the fall-back to the first frame when nothing decodes after the seek.

    Args:
        path: the video file.
        dest: where the JPEG goes; replaced atomically.
        duration_s: the video's duration, as probed.
        width: thumbnail width in pixels.
        abandoned: set by the caller when it stopped waiting (timeout, cancel); the
            file is then not written, so a reported failure leaves no late file.

    Raises:
        ThumbnailError: the file cannot be decoded; names the file.
    """
    name = os.fspath(path)
    av = _import_av()
    at_s = thumbnail_at_s(duration_s)
    jpeg = _grab_frame(av, name, at_s, width)
    if jpeg is None and at_s > 0:
        jpeg = _grab_frame(av, name, 0.0, width)
    if jpeg is None:
        raise ThumbnailError(name, "no video frame could be decoded")
    if abandoned is not None and abandoned.is_set():
        return
    write_atomic(dest, jpeg)


class DecoderThreadsBusyError(RuntimeError):
    """``max_threads`` decoder threads are alive; no new one is started."""


class DecoderThreads:
    """Runs blocking PyAV work on daemon threads and waits for it with a timeout.

    See the module docstring for why these are daemon threads rather than a pool.
    One instance may serve several event loops (tests create one per test): no
    asyncio object is stored on it.
    """

    def __init__(self, max_threads: int = 64) -> None:
        """Create the runner.

        Args:
            max_threads: most threads alive at once, including abandoned ones that
                are still blocked after a timeout. Beyond it calls fail at once.
        """
        if max_threads < 1:
            raise ValueError("max_threads must be at least 1")
        self._max_threads = max_threads
        self._alive = 0
        self._lock = threading.Lock()

    @property
    def alive(self) -> int:
        """Threads currently running, abandoned ones included."""
        with self._lock:
            return self._alive

    async def run(self, work: Callable[[], T], *, timeout_s: float) -> T:
        """Run ``work()`` on a new daemon thread and return its result.

        Raises:
            TimeoutError: ``work`` did not finish within ``timeout_s``; the thread
                is abandoned and finishes (or not) on its own.
            DecoderThreadsBusyError: ``max_threads`` threads are alive already.
            asyncio.CancelledError: the caller was cancelled; the thread is
                abandoned the same way.
            Exception: whatever ``work`` raised.
        """
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        with self._lock:
            if self._alive >= self._max_threads:
                raise DecoderThreadsBusyError(
                    f"{self._alive} PyAV threads are still busy (some may be blocked "
                    "on unreadable files); try again later"
                )
            self._alive += 1
        thread = threading.Thread(
            target=self._work, args=(loop, future, work), name="stoat-pyav", daemon=True
        )
        try:
            thread.start()
        except BaseException:
            self._finished()
            raise
        async with asyncio.timeout(timeout_s):
            # Awaiting the bare future: a timeout or cancel cancels the future, and
            # the thread's late result is then dropped by _settle.
            return await future

    def _finished(self) -> None:
        with self._lock:
            self._alive -= 1

    def _work(
        self, loop: asyncio.AbstractEventLoop, future: asyncio.Future[T], work: Callable[[], T]
    ) -> None:
        try:
            outcome: tuple[T | None, BaseException | None] = (work(), None)
        except BaseException as exc:
            outcome = (None, exc)
        finally:
            self._finished()
        # RuntimeError: the loop has closed, so nobody is waiting for the result.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(_settle, future, outcome)


def _settle(future: asyncio.Future[T], outcome: tuple[T | None, BaseException | None]) -> None:
    if future.done():
        return
    result, error = outcome
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)  # type: ignore[arg-type]


class PyAVBackend:
    """Probe and thumbnail in-process with PyAV; the default when PyAV imports.

    Produces the same ``VideoMetadata`` as :class:`~stoat_ferret.ffmpeg.backends.FFprobeBackend`
    (proven by ``tests/ffmpeg/test_backend_parity.py``) and raises the same error
    types. ``import av`` happens on first use, never at import time.
    """

    name: str = "pyav"

    def __init__(
        self, *, max_threads: int = 64, thumbnail_width_px: int = THUMBNAIL_WIDTH_PX
    ) -> None:
        """Create the backend.

        Args:
            max_threads: cap on live decoder threads (see :class:`DecoderThreads`).
            thumbnail_width_px: width of generated thumbnails.
        """
        self._threads = DecoderThreads(max_threads)
        self._thumbnail_width_px = thumbnail_width_px

    @property
    def threads(self) -> DecoderThreads:
        """The thread runner, exposed for diagnostics and tests."""
        return self._threads

    async def probe(
        self, path: str | os.PathLike[str], *, timeout_s: float = 30.0
    ) -> VideoMetadata:
        """Read the file's metadata in a decoder thread.

        Raises:
            FFprobeError: unreadable file, no video, timeout (the thread is
                abandoned, see the module docstring) or too many busy threads.
            DependencyUnavailableError: PyAV is not installed.
        """
        name = os.fspath(path)
        try:
            return await self._threads.run(lambda: probe_with_pyav(name), timeout_s=timeout_s)
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
        """Decode the thumbnail frame and write the JPEG atomically, in a thread.

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
