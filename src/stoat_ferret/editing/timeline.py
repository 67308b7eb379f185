"""The timeline rules: a document in, the derived timeline out.

Pure functions only. :func:`derive_timeline` computes where each clip plays:

- the main track is magnetic: its clips play in ``clips`` order with no gaps, each for
  its timeline length (:func:`clip_length`: ``out_point - in_point``, or
  ``ceil((out_point - in_point) / factor)`` under a ``speed`` effect);
- a transition makes two consecutive main-track clips overlap by ``duration`` frames,
  so the later clip and everything after it start that much earlier;
- audio-track clips play at their ``timeline_position``; gaps are allowed;
- the project lasts until the last frame any track plays.

The bounds of SPEC §9 "Validation" are checked by :mod:`stoat_ferret.editing.validation`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import NamedTuple

from stoat_ferret.editing.document import Clip, ProjectDocument
from stoat_ferret.editing.effects import (
    CATALOG,
    MediaKind,
    get_effect,
)
from stoat_ferret.editing.memo import IdentityMemo
from stoat_ferret.editing.timebase import frames_to_seconds

__all__ = [
    "ClipPlacement",
    "DerivedTimeline",
    "TrackTimeline",
    "TransitionPlacement",
    "clip_length",
    "derive_timeline",
    "speed_factor",
]


class ClipPlacement(NamedTuple):
    """Where a clip plays in the output: frames ``[start_frame, end_frame)``.

    A named tuple rather than a frozen dataclass: as immutable, and a timeline makes one
    per clip on every edit, which for 500 clips cost a frozen dataclass's ``__init__``
    (one ``object.__setattr__`` per field) about half of deriving the timeline.
    """

    clip_id: str
    track_id: str
    start_frame: int
    end_frame: int
    start_s: float
    end_s: float

    @property
    def length_frames(self) -> int:
        return self.end_frame - self.start_frame


@dataclass(frozen=True)
class TrackTimeline:
    track_id: str
    kind: MediaKind
    clips: tuple[ClipPlacement, ...]


class TransitionPlacement(NamedTuple):
    """The overlap of two main-track clips: frames ``[start_frame, end_frame)``."""

    transition_id: str
    from_clip_id: str
    to_clip_id: str
    start_frame: int
    end_frame: int
    start_s: float
    end_s: float


@dataclass(frozen=True)
class DerivedTimeline:
    """Everything the server derives from a document (``GET .../timeline``)."""

    fps: int
    tracks: tuple[TrackTimeline, ...]
    transitions: tuple[TransitionPlacement, ...]
    duration_frames: int
    duration_s: float

    def placement(self, clip_id: str) -> ClipPlacement:
        """The placement of one clip (``KeyError`` when the document has no such clip)."""
        return self._placements[clip_id]

    @cached_property
    def _placements(self) -> dict[str, ClipPlacement]:
        # Built once: a project's answer places every clip, which a scan per clip made
        # quadratic (500 clips: 250,000 comparisons per request).
        return {placed.clip_id: placed for track in self.tracks for placed in track.clips}


_ONE = Fraction(1)


def speed_factor(clip: Clip) -> Fraction:
    """How fast the clip plays, exactly (the product of its ``speed`` effects, usually one)."""
    factor = _ONE
    for effect in clip.effects:
        definition = get_effect(effect.effect_type)
        if definition.speed_factor is not None:
            # str() first: Fraction(0.3) would be the binary float, not 3/10.
            factor *= Fraction(str(definition.speed_factor(effect.parameters)))
    return factor


# Effects of the catalog that leave a clip's speed as it is (all but ``speed``): a clip
# with only these needs no catalog look-up per effect. An unknown type is not among
# them, so it still takes the catalog's path (and its error).
_PLAIN_EFFECTS = frozenset(name for name, known in CATALOG.items() if known.speed_factor is None)


def clip_length(clip: Clip) -> int:
    """The clip's length on the timeline in frames (speed effects included)."""
    frames = clip.out_point - clip.in_point
    for effect in clip.effects:
        if effect.effect_type not in _PLAIN_EFFECTS:
            break
    else:  # derive_timeline asks this of every clip on every edit: keep it short
        return frames
    factor = speed_factor(clip)
    # Most clips play at their own speed (no speed effect: the very ``_ONE``), and need
    # no fraction arithmetic; a speed effect of factor 1 takes the exact path below.
    return frames if factor is _ONE else math.ceil(Fraction(frames) / factor)


def _placed(clip_id: str, track_id: str, start: int, end: int, fps: int) -> ClipPlacement:
    return ClipPlacement(
        clip_id, track_id, start, end, frames_to_seconds(start, fps), frames_to_seconds(end, fps)
    )


def derive_timeline(document: ProjectDocument) -> DerivedTimeline:
    """Place every clip and transition of a (valid) document on the output timeline.

    Remembered by the document's identity (``_derived``): an edit derives the new
    document's timeline to validate it, and the service stores and answers that same
    document, so the second call is a look-up. A document never changes, so its
    timeline is its own; a new document (any edit) is a new object, derived afresh.
    """
    return _derived(document)


def _derive(document: ProjectDocument) -> DerivedTimeline:
    fps = document.settings.output_fps
    main = document.main_track
    incoming = {t.to_clip_id: t for t in document.transitions}
    main_clips: list[ClipPlacement] = []
    transitions: list[TransitionPlacement] = []
    cursor = 0
    for clip in main.clips:
        transition = incoming.get(clip.id)
        if transition is not None and main_clips:
            cursor -= transition.duration
            start, end = cursor, cursor + transition.duration
            transitions.append(
                TransitionPlacement(
                    transition.id,
                    transition.from_clip_id,
                    transition.to_clip_id,
                    start,
                    end,
                    frames_to_seconds(start, fps),
                    frames_to_seconds(end, fps),
                )
            )
        length = clip_length(clip)
        main_clips.append(_placed(clip.id, main.id, cursor, cursor + length, fps))
        cursor += length
    tracks = [TrackTimeline(main.id, main.kind, tuple(main_clips))]
    for track in document.tracks[1:]:
        placed = sorted(
            (
                _placed(clip.id, track.id, start, start + clip_length(clip), fps)
                for clip in track.clips
                for start in [clip.timeline_position or 0]
            ),
            key=lambda p: (p.start_frame, p.clip_id),
        )
        tracks.append(TrackTimeline(track.id, track.kind, tuple(placed)))
    duration = max((p.end_frame for t in tracks for p in t.clips), default=0)
    return DerivedTimeline(
        fps, tuple(tracks), tuple(transitions), duration, frames_to_seconds(duration, fps)
    )


# A few entries suffice: the document an edit made is derived again within the request.
_derived: IdentityMemo[ProjectDocument, DerivedTimeline] = IdentityMemo(_derive, 8)
