"""
Shared PyAV plumbing for the in-process backend: lazy import, libav error
capture, opening files the way ffprobe does, and picking the video stream.

Everything here is blocking and runs on decoder threads (see
:mod:`stoat_ferret.ffmpeg.runtime.threads`). ``av`` is imported on first use only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from stoat_ferret.errors import DependencyUnavailableError
from stoat_ferret.ffmpeg.runtime.tools import as_file_url

if TYPE_CHECKING:
    from av.container import InputContainer
    from av.video.stream import VideoStream

__all__ = [
    "ErrorType",
    "first_video",
    "import_av",
    "libav_errors",
    "open_input",
    "pyav_available",
    "reason",
]

_DEMUXER_OPTIONS = {"scan_all_pmts": "1"}
"""ffprobe sets this by default; without it some MPEG-TS programs go unseen."""

_AV_LOG_ERROR = 16
"""libav's ``AV_LOG_ERROR``; lines at this level or more severe explain failures."""

_logging_lock = threading.Lock()
_logging_ready = False

ErrorType = Callable[[str, str], Exception]
"""``FFprobeError`` or ``ThumbnailError``: built from ``(path, reason)``."""


def pyav_available() -> bool:
    """True when ``import av`` works (PyAV installed and its libav loadable)."""
    try:
        import av  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def import_av() -> Any:
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
    """
    Route libav's error lines through PyAV so they can be captured per thread.

    PyAV silences libav entirely by default, which would leave reasons such as
    ``moov atom not found`` out of our messages (ffprobe prints them). Level ERROR
    limits the cost to error lines; a level chosen elsewhere is left alone.
    """
    global _logging_ready
    with _logging_lock:
        if _logging_ready:
            return
        if av.logging.get_level() is None:
            av.logging.set_level(av.logging.ERROR)
        # PyAV drops a line identical to the previous one, even from another file;
        # two empty .mp4 files in a row would then get different messages.
        av.logging.set_skip_repeated(False)
        _logging_ready = True


@contextmanager
def libav_errors(av: Any) -> Iterator[list[tuple[int, str, str]]]:
    """Collect the libav log lines emitted by the current thread."""
    with av.logging.Capture(local=True) as logs:
        yield logs


def reason(exc: BaseException, logs: list[tuple[int, str, str]]) -> str:
    """An ffprobe-like reason: libav's error lines, then the error itself."""
    parts = []
    for level, name, message in logs:
        text = message.strip()
        if text and level <= _AV_LOG_ERROR:
            parts.append(f"[{name}] {text}" if name else text)
    strerror = getattr(exc, "strerror", None)
    final = strerror if isinstance(strerror, str) and strerror else str(exc)
    final = final or type(exc).__name__
    if final not in parts:
        parts.append(final)
    return "; ".join(parts)


def open_input(av: Any, path: str, error: ErrorType) -> InputContainer:
    with libav_errors(av) as logs:
        try:
            container: InputContainer = av.open(
                as_file_url(path),
                mode="r",
                container_options=dict(_DEMUXER_OPTIONS),
                metadata_errors="replace",
            )
        except Exception as exc:
            raise error(path, reason(exc, logs)) from exc
    return container


def first_video(av: Any, container: InputContainer) -> VideoStream | None:
    attached_pic = av.stream.Disposition.attached_pic
    for stream in container.streams.video:
        if not stream.disposition & attached_pic:
            return stream
    return None
