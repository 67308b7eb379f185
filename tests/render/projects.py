"""The projects the render tests compile, built from the editing core's own values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from stoat_ferret.editing.document import (
    Clip,
    EffectUse,
    ProjectDocument,
    ProjectSettings,
    Track,
    Transition,
)
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.timeline import DerivedTimeline
from stoat_ferret.editing.validation import validate_document
from stoat_ferret.render import RenderCommand, RenderSettings, SourceMedia, render_command
from tests.render.oracle import FPS, HEIGHT, SAMPLE_RATE, WIDTH, run

SETTINGS = ProjectSettings(
    name="Render test",
    output_width=WIDTH,
    output_height=HEIGHT,
    output_fps=FPS,
    sample_rate=SAMPLE_RATE,
)


def clip(
    clip_id: str,
    source: str,
    in_point: int,
    out_point: int,
    *effects: EffectUse,
    at: int | None = None,
    source_frames: int = 120,
) -> Clip:
    return Clip(clip_id, source, source_frames, in_point, out_point, at, tuple(effects))


def effect(effect_type: str, **parameters: Any) -> EffectUse:
    return EffectUse(effect_type, parameters)


def audio_track(track_id: str, *clips: Clip, volume_db: float = 0, muted: bool = False) -> Track:
    return Track(track_id, MediaKind.AUDIO, track_id, volume_db, muted, clips)


def project(
    main: Sequence[Clip],
    *,
    transitions: Sequence[Transition] = (),
    tracks: Sequence[Track] = (),
) -> tuple[ProjectDocument, DerivedTimeline]:
    """A validated document and its timeline (the render only ever sees valid ones)."""
    document = ProjectDocument(
        SETTINGS,
        (Track("main", MediaKind.VIDEO, "V1", clips=tuple(main)), *tracks),
        tuple(transitions),
    )
    return document, validate_document(document)


def render(
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: Mapping[str, SourceMedia],
    output: Path,
) -> RenderCommand:
    """Compile and run the render (``-preset ultrafast``: the proof is the graph)."""
    command = render_command(
        document,
        timeline,
        sources,
        RenderSettings(str(output), preset="ultrafast", crf=18, overwrite=True),
    )
    run(command.argv, timeout_s=120)
    return command
