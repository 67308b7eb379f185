"""
Reading an uploaded file of any export format back as an OTIO timeline.

An import takes what an export gives (:data:`~.formats.FORMATS`): OTIO JSON through
:func:`~.reading.read_timeline` (checked before OTIO's C++ reader sees it), a CMX 3600
EDL or Final Cut Pro XML through the same adapters that wrote them. Every failure of a
third-party reader is an :class:`InterchangeFormatError` naming the body.

One fix-up: the EDL adapter reads the ``* TO CLIP:`` comment of a dissolve's incoming
clip as nothing and gives that clip the outgoing clip's media. The URLs of those
comments are put back on the incoming clips, in order; when the counts do not match
(an EDL another tool wrote), an incoming clip whose name is not its URL's file name
keeps no media, so the import names it as unknown instead of cutting the wrong file.
"""

from __future__ import annotations

import itertools
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

import opentimelineio as otio

from stoat_ferret.editing.interchange.errors import InterchangeFormatError, UnsupportedFormatError
from stoat_ferret.editing.interchange.formats import FORMATS, available_formats
from stoat_ferret.editing.interchange.reading import read_timeline

__all__ = ["EDL_DEFAULT_FPS", "read_file"]

EDL_DEFAULT_FPS = 30
"""The rate an EDL is read at when the caller does not say (an EDL does not carry one)."""

_TO_CLIP = re.compile(r"^\*\s*TO CLIP:\s*(\S.*?)\s*$", re.MULTILINE)
_REASON = 200


def _text(body: str | bytes) -> str:
    if isinstance(body, str):
        return body
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InterchangeFormatError("body", f"not UTF-8 text: {error.reason}") from None


def _file_name(url: str) -> str:
    return PurePosixPath(unquote(urlparse(url).path)).name


def _incoming_clips(timeline: Any) -> list[Any]:
    """The clip after each transition of the video tracks (a dissolve's B side)."""
    found: list[Any] = []
    for track in timeline.video_tracks():
        for before, after in itertools.pairwise(track):
            if isinstance(before, otio.schema.Transition) and isinstance(after, otio.schema.Clip):
                found.append(after)
    return found


def _fix_edl_incoming_media(timeline: Any, text: str) -> None:
    incoming = _incoming_clips(timeline)
    urls = _TO_CLIP.findall(text)
    if len(urls) == len(incoming):
        for clip, url in zip(incoming, urls, strict=True):
            clip.media_reference = otio.schema.ExternalReference(
                target_url=url, available_range=clip.media_reference.available_range
            )
        return
    for clip in incoming:
        url = getattr(clip.media_reference, "target_url", None)
        if url is not None and _file_name(str(url)) != str(clip.name):
            clip.media_reference = otio.schema.MissingReference()


def read_file(body: str | bytes, format: str = "otio", *, fps: int | None = None) -> Any:
    """The ``otio.schema.Timeline`` in ``body``, a file in ``format``.

    Args:
        body: the uploaded file.
        format: a name of :data:`~.formats.FORMATS` whose adapter is installed.
        fps: the rate of an EDL's timecodes (default :data:`EDL_DEFAULT_FPS`); the
            other formats carry their rate and ignore it.

    Raises:
        UnsupportedFormatError: ``format`` is unknown or its adapter is missing.
        InterchangeFormatError: the body is not a readable file of that format.
    """
    available = available_formats()
    if format not in available:
        raise UnsupportedFormatError(format, available)
    if format == "otio":
        return read_timeline(body)
    adapter = FORMATS[format].adapter
    text = _text(body)
    options: dict[str, Any] = {}
    if adapter == "cmx_3600":
        options["rate"] = fps or EDL_DEFAULT_FPS
    try:
        timeline = otio.adapters.read_from_string(text, adapter, **options)
    except Exception as error:  # third-party readers raise many kinds; each means a bad file
        reason = " ".join(str(error).split())[:_REASON] or type(error).__name__
        description = FORMATS[format].description
        raise InterchangeFormatError("body", f"not a readable {description}: {reason}") from None
    if not isinstance(timeline, otio.schema.Timeline):
        raise InterchangeFormatError("body", f"not a {FORMATS[format].description} timeline")
    if adapter == "cmx_3600":
        _fix_edl_incoming_media(timeline, text)
    return timeline
