"""The plain values the interchange takes and gives (frozen dataclasses, STYLE §3)."""

from __future__ import annotations

from dataclasses import dataclass

from stoat_ferret.editing.document import ProjectDocument

__all__ = ["ExportResult", "ImportedProject", "MediaQuery", "SourceInfo"]


@dataclass(frozen=True)
class SourceInfo:
    """A library file as the interchange needs it.

    Attributes:
        id: the library video id (a clip's ``source_id``).
        path: the file's absolute path; exports name it as a ``file://`` URL.
        duration_s: the probed duration; it bounds ``out_point`` on import.
    """

    id: str
    path: str
    duration_s: float


@dataclass(frozen=True)
class MediaQuery:
    """One media reference of an imported timeline, as the resolver is asked about it.

    ``source_id`` is our library id when the file was exported by stoat-ferret (its
    metadata), ``target_url`` the reference's URL; either may be ``None``. ``label`` is
    what an error names when the media is unknown (the URL, else the clip's name).
    """

    source_id: str | None
    target_url: str | None
    label: str


@dataclass(frozen=True)
class ExportResult:
    """An exported project: the file's text and what the format could not carry.

    ``not_carried`` lists, one line each naming the field, what an import of this file
    would not give back (effects in an EDL, audio tracks, a wipe that becomes a
    dissolve...); it is measured by reading the file back with the same adapter.
    """

    content: str
    media_type: str
    filename: str
    not_carried: list[str]


@dataclass(frozen=True)
class ImportedProject:
    """The imported document (validated) and what was left out of it, one line each."""

    document: ProjectDocument
    warnings: list[str]
