"""Answers about a project's versions and its files: history, and export.

Apart from the project's answers (``schemas.py``): they describe stored versions and
exported text, not the document's tracks and clips.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from stoat_ferret.editing.models import ProjectVersionRow

__all__ = ["ExportOut", "HistoryOut", "VersionOut"]


class VersionOut(BaseModel):
    version: int
    created_at: datetime
    summary: str

    @classmethod
    def from_row(cls, row: ProjectVersionRow) -> VersionOut:
        return cls(version=row.version, created_at=row.created_at, summary=row.summary)


class HistoryOut(BaseModel):
    """The versions newest first; ``can_undo``/``can_redo`` say what undo and redo would do."""

    version: int = Field(description="The current version.")
    versions: list[VersionOut]
    total: int
    can_undo: bool
    can_redo: bool


class ExportOut(BaseModel):
    """
    An exported project: the file's text and what the format could not carry.

    One JSON answer rather than the bare file, so the list of what was lost travels with
    it in a typed field (a header could not hold every name); save ``content`` under
    ``filename`` to get the file.
    """

    format: str = Field(description="The format asked for: `otio`, `edl` or `fcpxml`.")
    filename: str = Field(description="A file name for the content, from the project's name.")
    media_type: str = Field(description="The content's media type (`application/json`...).")
    content: str = Field(description="The file itself, as text.")
    not_carried: list[str] = Field(
        description="One line per thing the file lost, naming the field "
        "(`clips[ID].effects[0] (blur)`); empty when an import gives the project back."
    )
