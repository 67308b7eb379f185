"""Payload of the ``project.*`` events (SPEC §9): which project, at which version, and why."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ProjectChanged(BaseModel):
    """``project.created``, ``project.updated`` and ``project.deleted``."""

    project_id: str
    version: int = Field(ge=0, description="The project's version after the change.")
    summary: str = Field(description="One line about the change, as the history lists it.")
