"""The derived timeline's answer (``GET .../timeline``): where everything plays.

Apart from the project's answers (``schemas.py``) because it is read from the derived
timeline alone, not from the document: what the render compiles, in frames and seconds.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.timeline import DerivedTimeline

__all__ = ["TimelineOut"]


class TimelineClipOut(BaseModel):
    clip_id: str
    start_frame: int
    end_frame: int = Field(description="Exclusive.")
    start_s: float
    end_s: float


class TimelineTrackOut(BaseModel):
    track_id: str
    kind: MediaKind
    clips: list[TimelineClipOut]


class TimelineTransitionOut(BaseModel):
    transition_id: str
    from_clip_id: str
    to_clip_id: str
    start_frame: int
    end_frame: int = Field(description="Exclusive.")
    start_s: float
    end_s: float


class TimelineOut(BaseModel):
    """The derived timeline: where everything plays in the output (what the render uses)."""

    tracks: list[TimelineTrackOut]
    transitions: list[TimelineTransitionOut]
    duration_frames: int
    duration_s: float

    @classmethod
    def of(cls, timeline: DerivedTimeline) -> TimelineOut:
        return cls(
            tracks=[
                TimelineTrackOut(
                    track_id=track.track_id,
                    kind=track.kind,
                    clips=[
                        TimelineClipOut(
                            clip_id=p.clip_id,
                            start_frame=p.start_frame,
                            end_frame=p.end_frame,
                            start_s=p.start_s,
                            end_s=p.end_s,
                        )
                        for p in track.clips
                    ],
                )
                for track in timeline.tracks
            ],
            transitions=[
                TimelineTransitionOut(
                    transition_id=t.transition_id,
                    from_clip_id=t.from_clip_id,
                    to_clip_id=t.to_clip_id,
                    start_frame=t.start_frame,
                    end_frame=t.end_frame,
                    start_s=t.start_s,
                    end_s=t.end_s,
                )
                for t in timeline.transitions
            ],
            duration_frames=timeline.duration_frames,
            duration_s=timeline.duration_s,
        )
