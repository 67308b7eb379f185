"""Interchange with other editors through OpenTimelineIO (SPEC §9 export and import).

- :func:`export_project`: a document as OTIO JSON, a CMX 3600 EDL or Final Cut Pro XML
  (the formats whose adapters are installed: :func:`available_formats`), with the list
  of what the format could not carry;
- :func:`import_project`: an OTIO JSON document whose media are library files as a new,
  validated document, with warnings for what was left out; :func:`read_file` reads the
  other formats back (then :func:`import_timeline`).

Pure: the caller resolves media (a callback) and makes ids; no files, no database.
The mapping between the two models is described in :mod:`.to_otio` and
:mod:`.from_otio`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from stoat_ferret.editing.interchange.errors import (
    InterchangeFormatError,
    UnknownMediaError,
    UnsupportedFormatError,
)
from stoat_ferret.editing.interchange.foreign import EDL_DEFAULT_FPS, read_file
from stoat_ferret.editing.interchange.formats import FORMATS, available_formats, export_project
from stoat_ferret.editing.interchange.from_otio import (
    Resolver,
    import_timeline,
    media_queries,
)
from stoat_ferret.editing.interchange.model import (
    ExportResult,
    ImportedProject,
    MediaQuery,
    SourceInfo,
)
from stoat_ferret.editing.interchange.reading import read_timeline
from stoat_ferret.editing.transitions import XFADE_TRANSITIONS

__all__ = [
    "EDL_DEFAULT_FPS",
    "FORMATS",
    "ExportResult",
    "ImportedProject",
    "InterchangeFormatError",
    "MediaQuery",
    "Resolver",
    "SourceInfo",
    "UnknownMediaError",
    "UnsupportedFormatError",
    "available_formats",
    "export_project",
    "import_project",
    "import_timeline",
    "media_queries",
    "read_file",
    "read_timeline",
]


def import_project(
    otio_json: str | bytes,
    resolve_media: Resolver,
    *,
    new_id: Callable[[], str] | None = None,
    transition_names: Collection[str] = XFADE_TRANSITIONS,
) -> ImportedProject:
    """:func:`read_timeline` then :func:`import_timeline` (see there for the errors)."""
    timeline = read_timeline(otio_json)
    if new_id is None:
        return import_timeline(timeline, resolve_media, transition_names=transition_names)
    return import_timeline(
        timeline, resolve_media, new_id=new_id, transition_names=transition_names
    )
