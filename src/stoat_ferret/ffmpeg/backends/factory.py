"""
The factory that picks a probe backend, and why PyAV is the default.

``ProbeBackend`` is what the library scan calls: ``probe()`` a file, then
``thumbnail()`` it. Two implementations exist and must agree
(``tests/ffmpeg/test_backend_parity.py`` runs both over the same corpus):

- :class:`FFprobeBackend` runs the ``ffprobe`` and ``ffmpeg`` binaries as
  subprocesses. It is the reference: its numbers are by definition ffprobe's.
- :class:`~stoat_ferret.ffmpeg.backends.pyav.PyAVBackend` calls libav in-process
  through PyAV, on daemon threads, and normalises the answers to ffprobe's.

``STOAT_PROBE_BACKEND=auto`` (the default) picks PyAV whenever ``import av`` works,
because it is much faster and passes the parity suite. Measured on 50 one-second
h264 clips (``tests.support.media.make_corpus``: 160x120 to 320x240, half with AAC),
2 CPUs, ffprobe/ffmpeg 5.1, PyAV 18.1 (libav 62), best of three runs, on a quiet
machine (and, in brackets, with other test suites loading it to ~5):

==========================  ==================  ==================
50 clips                    ffprobe / ffmpeg    pyav
==========================  ==================  ==================
probe, 1 at a time          2 756 ms  (2 813)   52 ms  (92)
probe, 2 at a time          1 458 ms  (2 429)   44 ms  (86)
thumbnail, 2 at a time      1 603 ms  (4 194)   202 ms (226)
worst event-loop lag        52 ms     (203)     17 ms  (41)
==========================  ==================  ==================

So about 55 ms against 1 ms per probe, and 30 ms against 4 ms per thumbnail.
Nearly all of the subprocess cost is starting ``ffprobe``/``ffmpeg`` and loading
their libraries, which an in-process call pays once. The loop lag of the
subprocess backend comes from ``fork``/``exec``, which asyncio performs on the
loop thread.
"""

from __future__ import annotations

from stoat_ferret.errors import DependencyUnavailableError
from stoat_ferret.ffmpeg.backends.ffprobe import FFprobeBackend
from stoat_ferret.ffmpeg.backends.protocol import ProbeBackend
from stoat_ferret.ffmpeg.backends.pyav import PyAVBackend
from stoat_ferret.ffmpeg.runtime.binaries import resolve_binary
from stoat_ferret.ffmpeg.runtime.libav import pyav_available
from stoat_ferret.settings import Settings

__all__ = ["make_probe_backend"]


def make_probe_backend(settings: Settings) -> ProbeBackend:
    """
    Build the backend chosen by ``STOAT_PROBE_BACKEND``.

    - ``"ffprobe"``: :class:`FFprobeBackend` with the binaries from settings or PATH.
      A missing binary does not fail here; each call then raises
      ``DependencyUnavailableError`` and ``/health/ready`` reports it.
    - ``"pyav"``: :class:`PyAVBackend`; fails at once if PyAV cannot be imported,
      because the operator asked for it explicitly.
    - ``"auto"``: PyAV when ``import av`` works (it is the faster one, see the module
      docstring), else ffprobe.

    Called at start-up (it may import PyAV, a few tens of milliseconds), never at
    import time.

    Raises:
        DependencyUnavailableError: ``"pyav"`` was requested and PyAV is unusable.
    """
    choice = settings.probe_backend
    ffmpeg_path = resolve_binary("ffmpeg", settings.ffmpeg_path) or settings.ffmpeg_path or "ffmpeg"
    if choice == "pyav" or (choice == "auto" and pyav_available()):
        if choice == "pyav" and not pyav_available():
            raise DependencyUnavailableError(
                "STOAT_PROBE_BACKEND=pyav but PyAV (the 'av' package) cannot be imported; "
                "install it or use STOAT_PROBE_BACKEND=ffprobe"
            )
        # Room for a full scan's worth of probes plus as many abandoned threads.
        # ffmpeg draws the waveforms of sound files (thumbnail/ffmpeg.py says why).
        return PyAVBackend(
            max_threads=max(64, 2 * settings.scan_concurrency), ffmpeg_path=ffmpeg_path
        )
    return FFprobeBackend(
        ffprobe_path=resolve_binary("ffprobe", settings.ffprobe_path)
        or settings.ffprobe_path
        or "ffprobe",
        ffmpeg_path=ffmpeg_path,
    )
