"""
The editor's tables (created by migration 0004; 0006 stores each document once).

``projects`` holds each project's current ``version`` and the undo/redo stacks (lists
of version numbers); the output settings and duration are copied into columns so the
project list reads no document. ``project_versions`` keeps every version's document
(the editing core's JSON form): the current document is the row at ``projects.version``,
and the rows are history, undo and restore.
``project_sources`` indexes which library videos a project's clips use, so "who uses
this video?" is one indexed query (``docs/design/04-projects.md``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from stoat_ferret.db.base import Base, UTCDateTime
from stoat_ferret.db.json_text import EncodedJSON


class ProjectRow(Base):
    __tablename__ = "projects"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text)
    output_width: Mapped[int] = mapped_column(Integer)
    output_height: Mapped[int] = mapped_column(Integer)
    output_fps: Mapped[int] = mapped_column(Integer)
    sample_rate: Mapped[int] = mapped_column(Integer)
    duration_frames: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    undo_stack: Mapped[list[int]] = mapped_column(JSON)
    redo_stack: Mapped[list[int]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProjectVersionRow(Base):
    __tablename__ = "project_versions"

    project_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Read back as plain JSON; written as the editor's encoded text (``EncodedJSON``).
    document: Mapped[dict[str, Any] | EncodedJSON] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProjectSourceRow(Base):
    __tablename__ = "project_sources"

    project_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    video_id: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
