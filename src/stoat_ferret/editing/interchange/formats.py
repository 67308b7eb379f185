"""Export formats: the OTIO adapters that write them and :func:`export_project`.

| format | adapter | file |
| --- | --- | --- |
| ``otio`` | ``otio_json`` (OTIO's core) | ``.otio``, everything |
| ``edl`` | ``cmx_3600`` (``otio-cmx3600-adapter``) | ``.edl``: the main track |
| ``fcpxml`` | ``fcp_xml`` (``otio-fcp-adapter``) | ``.xml``, Final Cut Pro (7) XML |

Final Cut Pro XML is the ``xmeml`` file Final Cut Pro 7, Premiere and Resolve import.
Final Cut Pro X's ``.fcpxml`` is not offered: its OTIO adapter drops every transition
and its reader truncates frame times (57 frames at 25 fps read back as 56), so what it
carries could not be measured, only guessed.

A format is available when its adapter is installed (:func:`available_formats`). Each
export is read back with the same adapter and compared (:mod:`.carried`), so
``not_carried`` says exactly what the file lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import opentimelineio as otio

from stoat_ferret.editing.document import ProjectDocument
from stoat_ferret.editing.interchange.carried import not_carried
from stoat_ferret.editing.interchange.errors import InterchangeFormatError, UnsupportedFormatError
from stoat_ferret.editing.interchange.model import ExportResult, SourceInfo
from stoat_ferret.editing.interchange.reading import read_timeline
from stoat_ferret.editing.interchange.to_otio import document_to_otio

__all__ = ["FORMATS", "ExportFormat", "available_formats", "export_project"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    adapter: str
    suffix: str
    media_type: str
    description: str


FORMATS: dict[str, ExportFormat] = {
    format_.name: format_
    for format_ in (
        ExportFormat("otio", "otio_json", "otio", "application/json", "OpenTimelineIO JSON"),
        ExportFormat("edl", "cmx_3600", "edl", "text/plain", "CMX 3600 EDL"),
        ExportFormat("fcpxml", "fcp_xml", "xml", "application/xml", "Final Cut Pro XML"),
    )
}


def available_formats() -> list[str]:
    """The formats whose OTIO adapter is installed here, in :data:`FORMATS` order."""
    installed = set(otio.adapters.available_adapter_names())
    return [name for name, format_ in FORMATS.items() if format_.adapter in installed]


def _filename(name: str, suffix: str) -> str:
    stem = re.sub(r"[^\w.-]+", "_", name, flags=re.ASCII).strip("._") or "project"
    return f"{stem[:80]}.{suffix}"


def _prepared(document: ProjectDocument, sources: Mapping[str, SourceInfo], adapter: str) -> Any:
    timeline = document_to_otio(document, sources)
    if adapter == "cmx_3600":
        # An EDL holds one video track; the adapter refuses more than two audio tracks
        # even though it writes none of them. They are listed as not carried.
        for index in reversed(range(1, len(timeline.tracks))):
            del timeline.tracks[index]
    return timeline


def _write_options(adapter: str) -> dict[str, Any]:
    # Compact OTIO JSON: a third of the indented size, so an export of a few hundred
    # clips fits the import's body limit (STOAT_MAX_BODY_BYTES) when sent back.
    return {"indent": 0} if adapter == "otio_json" else {}


def _read_options(adapter: str, fps: int) -> dict[str, Any]:
    # An EDL does not say its rate; the adapter would assume 24.
    return {"rate": fps} if adapter == "cmx_3600" else {}


def export_project(
    document: ProjectDocument, sources: Mapping[str, SourceInfo], format: str
) -> ExportResult:
    """The project written in ``format``, with what that format could not carry.

    Raises:
        UnsupportedFormatError: ``format`` is unknown or its adapter is not installed.
        InterchangeFormatError: the adapter refused this project (the reason is its own).
        TimelineRuleError: a clip whose source is not in ``sources``.
    """
    available = available_formats()
    if format not in available:
        raise UnsupportedFormatError(format, available)
    chosen = FORMATS[format]
    fps = document.settings.output_fps
    # Adapters may change the timeline they write (the EDL writer moves cut points), so
    # each use gets its own copy.
    try:
        content = otio.adapters.write_to_string(
            _prepared(document, sources, chosen.adapter),
            chosen.adapter,
            **_write_options(chosen.adapter),
        )
        read_back = (
            read_timeline(content)
            if chosen.adapter == "otio_json"
            else otio.adapters.read_from_string(
                content, chosen.adapter, **_read_options(chosen.adapter, fps)
            )
        )
    except Exception as error:  # third-party code: any failure means "cannot write this"
        empty = "" if document.main_track.clips else " (the main track has no clips)"
        reason = " ".join(str(error).split())[:200] or type(error).__name__
        raise InterchangeFormatError(
            "format", f"the {chosen.description} adapter cannot write this project{empty}: {reason}"
        ) from None
    lost = not_carried(document_to_otio(document, sources), read_back, fps)
    return ExportResult(
        content=str(content),
        media_type=chosen.media_type,
        filename=_filename(document.settings.name, chosen.suffix),
        not_carried=lost,
    )
