"""
``project_json``: a project's answer (``ProjectOut``) as JSON bytes, from remembered parts.

A 500-clip project's answer (about 280 KB) is read on every ``GET /projects/{id}`` and
sent back by every undo, redo and restore. Handing FastAPI a ``ProjectOut`` made it
build the model of 500 clips and then validate and encode all of it again, although
most clips' answers are the very objects of the last answer (``ClipOut.of`` remembers
them). Here each clip answer's JSON is remembered with it, and the project's JSON is
joined from those parts: the same bytes FastAPI would write for the model
(``tests/editing/api/test_project_json.py`` compares them), in a fraction of the time.
"""

from __future__ import annotations

from stoat_ferret.editing.memo import IdentityMemo
from stoat_ferret.editing.schemas import (
    ClipOut,
    ProjectSummary,
    ProjectTransitionOut,
    ProjectView,
    TrackOut,
    clips_of,
)

__all__ = ["project_json"]


def _encoded(clip: ClipOut) -> bytes:
    return clip.model_dump_json().encode()


# A clip answer from ``clips_of`` is shared and never changed after it is made, so its
# JSON is its own for as long as the object lives (the memo keeps it alive).
_clip_json: IdentityMemo[ClipOut, bytes] = IdentityMemo(_encoded, 8192)


def project_json(view: ProjectView) -> bytes:
    """``ProjectOut.of(view)`` encoded as FastAPI encodes a response model (compact JSON)."""
    document = view.document
    fps = document.settings.output_fps
    head = ProjectSummary.from_row(view.row).model_dump_json().encode()
    tracks = b",".join(
        TrackOut.of(track, main=position == 0).model_dump_json().encode()
        for position, track in enumerate(document.tracks)
    )
    clips = b",".join(_clip_json(clip) for clip in clips_of(view))
    transitions = b",".join(
        ProjectTransitionOut.of(transition, fps).model_dump_json().encode()
        for transition in document.transitions
    )
    # ProjectOut's fields are the summary's, then tracks, clips and transitions.
    return b"".join(
        (
            head[:-1],
            b',"tracks":[',
            tracks,
            b'],"clips":[',
            clips,
            b'],"transitions":[',
            transitions,
            b"]}",
        )
    )
