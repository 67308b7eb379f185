"""Small documents for the timeline tests."""

from __future__ import annotations

from stoat_ferret.editing import operations as ops
from stoat_ferret.editing.document import (
    Clip,
    EffectUse,
    ProjectDocument,
    ProjectSettings,
    Track,
    Transition,
)
from stoat_ferret.editing.effects import MediaKind


def empty(fps: int = 30) -> ProjectDocument:
    return ProjectDocument.new(ProjectSettings(name="Test", output_fps=fps), "main")


def clip(clip_id: str, frames: int, *, source: int = 300, in_point: int = 0, **kw: object) -> Clip:
    return Clip(clip_id, f"src-{clip_id}", source, in_point, in_point + frames, **kw)  # type: ignore[arg-type]


def main_clips(*lengths: int) -> ProjectDocument:
    document = empty()
    for number, length in enumerate(lengths):
        document = ops.add_clip(document, clip(f"c{number}", length))
    return document


def with_audio_track(document: ProjectDocument, track_id: str = "music") -> ProjectDocument:
    return ops.add_track(document, Track(track_id, MediaKind.AUDIO, "Music"))


def speed(factor: float) -> EffectUse:
    return EffectUse("speed", {"factor": factor})


def fade(transition_id: str, a: str, b: str, duration: int) -> Transition:
    return Transition(transition_id, a, b, duration)
