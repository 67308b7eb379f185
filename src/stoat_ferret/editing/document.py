"""The edit as a document: only what the user decided, as frozen values (STYLE §13).

A :class:`ProjectDocument` holds the output settings, the tracks with their clips, and
the transitions. Nothing derived is stored: a main-track clip's index is its place in
its track's ``clips``, start times and the project's duration come from
:func:`stoat_ferret.editing.timeline.derive_timeline`. Every value is immutable (effect
parameters are read-only mappings), so keeping old documents is a complete undo history
and equality of two documents is equality of the edits.

:func:`document_to_json` / :func:`document_from_json` give the plain-JSON form that
persistence and history snapshots store; the round trip is exact.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from types import MappingProxyType
from typing import Any

from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.memo import IdentityMemo

__all__ = [
    "Clip",
    "EffectUse",
    "ProjectDocument",
    "ProjectSettings",
    "Track",
    "Transition",
    "document_from_json",
    "document_json_text",
    "document_to_json",
    "freeze",
    "thaw",
]

MAIN_TRACK_NAME = "V1"


def freeze(value: Any) -> Any:
    """A read-only deep copy of a JSON value (dicts become mapping proxies, lists tuples)."""
    if isinstance(value, Mapping):
        return MappingProxyType({str(key): freeze(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze(item) for item in value)
    return value


def thaw(value: Any) -> Any:
    """The plain JSON form of a :func:`freeze` d value (a fresh, mutable copy)."""
    if isinstance(value, Mapping):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value


@dataclass(frozen=True)
class ProjectSettings:
    """The output settings (SPEC §9 project body)."""

    name: str
    output_width: int = 1920
    output_height: int = 1080
    output_fps: int = 30
    sample_rate: int = 48000


@dataclass(frozen=True)
class EffectUse:
    """One effect on a clip; ``start``/``end`` (frames within the clip) limit it."""

    effect_type: str
    parameters: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    start: int | None = None
    end: int | None = None

    def __post_init__(self) -> None:
        # Always a private read-only copy: the caller's dict cannot change the document.
        object.__setattr__(self, "parameters", freeze(self.parameters))


@dataclass(frozen=True)
class Clip:
    """A range of a library source placed on a track.

    Attributes:
        source_frames: the source's duration in project frames (the bound of ``out_point``).
        in_point: first frame used (inclusive); ``out_point``: end (exclusive).
        timeline_position: where an audio-track clip starts; ``None`` on the main track,
            whose clips are placed one after the other.
    """

    id: str
    source_id: str
    source_frames: int
    in_point: int
    out_point: int
    timeline_position: int | None = None
    effects: tuple[EffectUse, ...] = ()


@dataclass(frozen=True)
class Track:
    """A track; the first track of every document is the main (magnetic) video track."""

    id: str
    kind: MediaKind
    name: str
    volume_db: float = 0.0
    muted: bool = False
    clips: tuple[Clip, ...] = ()


@dataclass(frozen=True)
class Transition:
    """Two consecutive main-track clips overlapping by ``duration`` frames."""

    id: str
    from_clip_id: str
    to_clip_id: str
    duration: int
    name: str = "fade"
    audio_curve: str = "tri"


@dataclass(frozen=True)
class ProjectDocument:
    """A whole project: settings, tracks (main first) and transitions."""

    settings: ProjectSettings
    tracks: tuple[Track, ...]
    transitions: tuple[Transition, ...] = ()

    @property
    def main_track(self) -> Track:
        return self.tracks[0]

    @classmethod
    def new(cls, settings: ProjectSettings, main_track_id: str) -> ProjectDocument:
        """A new project: one empty video track, the main track ``V1``."""
        return cls(settings, (Track(main_track_id, MediaKind.VIDEO, MAIN_TRACK_NAME),))


def _effect_json(effect: EffectUse) -> dict[str, Any]:
    return {
        "effect_type": effect.effect_type,
        "parameters": thaw(effect.parameters),
        "start": effect.start,
        "end": effect.end,
    }


def _build_clip_json(clip: Clip) -> dict[str, Any]:
    return {
        "id": clip.id,
        "source_id": clip.source_id,
        "source_frames": clip.source_frames,
        "in_point": clip.in_point,
        "out_point": clip.out_point,
        "timeline_position": clip.timeline_position,
        "effects": [_effect_json(effect) for effect in clip.effects],
    }


# An edit copies only the clips it changes, so the next version's document holds the
# same ``Clip`` objects as the last: re-building their JSON (and re-encoding it) was most
# of storing a 500-clip version.
_clip_json: IdentityMemo[Clip, dict[str, Any]] = IdentityMemo(_build_clip_json, 8192)
_clip_text: IdentityMemo[Clip, str] = IdentityMemo(lambda clip: json.dumps(_clip_json(clip)), 8192)


def _settings_json(settings: ProjectSettings) -> dict[str, Any]:
    # Its fields are plain values, named as in the JSON form.
    return asdict(settings)


def _track_fields(track: Track) -> dict[str, Any]:
    """A track's JSON but its clips."""
    return {
        "id": track.id,
        "kind": track.kind.value,
        "name": track.name,
        "volume_db": track.volume_db,
        "muted": track.muted,
    }


def _transitions_list(transitions: tuple[Transition, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": t.id,
            "from_clip_id": t.from_clip_id,
            "to_clip_id": t.to_clip_id,
            "duration": t.duration,
            "name": t.name,
            "audio_curve": t.audio_curve,
        }
        for t in transitions
    ]


def _transitions_json(document: ProjectDocument) -> list[dict[str, Any]]:
    return _transitions_list(document.transitions)


# An edit of clips keeps the document's (immutable) transitions tuple, so its text is
# the last version's: 125 transitions were encoded again on every trim.
_transitions_text: IdentityMemo[tuple[Transition, ...], str] = IdentityMemo(
    lambda transitions: json.dumps(_transitions_list(transitions)), 64
)


def document_to_json(document: ProjectDocument) -> dict[str, Any]:
    """The document as plain JSON values (for storage and history snapshots).

    The answer is to serialise, not to change: unchanged clips' parts are shared with
    earlier answers (``_clip_json``).
    """
    return {
        "settings": _settings_json(document.settings),
        "tracks": [
            {**_track_fields(track), "clips": [_clip_json(clip) for clip in track.clips]}
            for track in document.tracks
        ],
        "transitions": _transitions_json(document),
    }


def document_json_text(document: ProjectDocument) -> str:
    """:func:`document_to_json` encoded as JSON text, from each clip's remembered text.

    What a version row stores. Only the clips an edit made are encoded (``_clip_text``);
    the rest of the document (settings, track fields, transitions) is small.
    """
    tracks = ",".join(
        # A track's fields are a non-empty object: its closing brace gives way to the clips.
        json.dumps(_track_fields(track))[:-1]
        + ', "clips": ['
        + ", ".join(_clip_text(clip) for clip in track.clips)
        + "]}"
        for track in document.tracks
    )
    settings = json.dumps(_settings_json(document.settings))
    transitions = _transitions_text(document.transitions)
    return f'{{"settings": {settings}, "tracks": [{tracks}], "transitions": {transitions}}}'


def _clip_from(data: Mapping[str, Any]) -> Clip:
    effects = tuple(EffectUse(**effect) for effect in data["effects"])
    return Clip(**{**data, "effects": effects})


def document_from_json(data: Mapping[str, Any]) -> ProjectDocument:
    """The inverse of :func:`document_to_json` (no validation: see ``validate_document``)."""
    tracks = tuple(
        Track(
            **{
                **track,
                "kind": MediaKind(track["kind"]),
                "clips": tuple(_clip_from(clip) for clip in track["clips"]),
            }
        )
        for track in data["tracks"]
    )
    return ProjectDocument(
        ProjectSettings(**data["settings"]),
        tracks,
        tuple(Transition(**transition) for transition in data["transitions"]),
    )
