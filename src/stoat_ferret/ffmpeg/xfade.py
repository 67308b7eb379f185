"""
What the local ffmpeg's ``xfade`` filter supports, asked once per binary.

``GET /api/v1/transitions`` and the editor's transition rule must offer exactly the
names the installed ffmpeg draws (a name from a newer FFmpeg would fail at render
time). ffmpeg prints them in ``ffmpeg -hide_banner -h filter=xfade``; the editing core
parses that text (:func:`~stoat_ferret.editing.transitions.parse_xfade_transitions`).
The answer cannot change while the process runs, so it is cached per binary path for
the life of the process: the first caller runs ffmpeg, the others wait for its answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from types import MappingProxyType

from stoat_ferret.editing.transitions import parse_xfade_transitions
from stoat_ferret.errors import DependencyUnavailableError
from stoat_ferret.ffmpeg.runtime.tools import clean_stderr, run_ffmpeg_bounded

__all__ = ["HELP_TIMEOUT_S", "xfade_help_argv", "xfade_transitions"]

HELP_TIMEOUT_S = 10.0
"""Printing a filter's help takes milliseconds; a binary that hangs is not an ffmpeg."""

_cache: dict[str, Mapping[str, str]] = {}
_locks: dict[str, asyncio.Lock] = {}


def xfade_help_argv(ffmpeg_path: str) -> list[str]:
    """The command that prints the ``xfade`` filter's options and their values."""
    return [ffmpeg_path, "-hide_banner", "-h", "filter=xfade"]


async def xfade_transitions(ffmpeg_path: str) -> Mapping[str, str]:
    """
    The ``transition`` names of ``ffmpeg_path``'s ``xfade``, with ffmpeg's own words.

    Raises:
        DependencyUnavailableError: the binary cannot run, hangs, fails, or has no
            ``xfade`` (an answer that is not cached, so a fixed install is seen).
    """
    cached = _cache.get(ffmpeg_path)
    if cached is not None:
        return cached
    # One lock per binary: concurrent first requests start one ffmpeg, not one each.
    # (Created without awaiting, so two coroutines cannot make two locks.)
    lock = _locks.setdefault(ffmpeg_path, asyncio.Lock())
    async with lock:
        cached = _cache.get(ffmpeg_path)
        if cached is None:
            cached = MappingProxyType(await _ask(ffmpeg_path))
            _cache[ffmpeg_path] = cached
    return cached


async def _ask(ffmpeg_path: str) -> dict[str, str]:
    argv = xfade_help_argv(ffmpeg_path)
    late = DependencyUnavailableError(
        f"{ffmpeg_path!r} did not print the xfade filter's help within {HELP_TIMEOUT_S:g} s"
    )
    output = await run_ffmpeg_bounded(argv, timeout_s=HELP_TIMEOUT_S, late=late)
    names = parse_xfade_transitions(output.stdout.decode("utf-8", errors="replace"))
    if output.returncode != 0 or not names:
        reason = clean_stderr(output.stderr) or f"exit status {output.returncode}"
        raise DependencyUnavailableError(
            f"{ffmpeg_path!r} lists no xfade transitions ({reason}); "
            "install an FFmpeg with the xfade filter (4.3 or later)"
        )
    return names
