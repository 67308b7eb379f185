"""A project document as an OpenTimelineIO timeline (the editorial model, not a format).

The mapping (every time is a ``RationalTime`` at the project's ``output_fps``):

- the timeline's ``Stack`` holds the main track (``kind`` Video) then each audio track
  (``kind`` Audio, clips placed with ``Gap`` s, ``enabled`` false when muted);
- a clip's ``source_range`` starts at ``in_point`` and lasts its timeline length (the
  OTIO and CMX convention under a ``LinearTimeWarp``: the warp says how much media that
  length consumes), its ``ExternalReference`` is the library file's ``file://`` URL with
  the source's whole length as ``available_range``;
- a transition is an OTIO ``Transition`` between the two clips with ``in_offset`` 0
  and ``out_offset`` = ``duration``: OTIO's transitions take no room on the track, so
  the outgoing clip's ``source_range`` is ``duration`` frames shorter and the
  transition plays those frames as its handle. Every clip therefore starts on the OTIO
  track exactly where it starts in our timeline (the incoming clip starts ``duration``
  earlier), and this is also the way CMX 3600 writes a dissolve (it starts at the cut);
- ``fade`` (xfade's cross-fade) is an ``SMPTE_Dissolve``; other names are ``Custom``;
- effects are OTIO ``Effect`` s (``speed`` a ``LinearTimeWarp``), in filter order.

Everything OTIO has no field for (ids, the exact ``out_point``, effect parameters, track
volume, output settings) is metadata under ``stoat_ferret``, so an OTIO JSON round trip
gives back the same document.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

import opentimelineio as otio

from stoat_ferret.editing.document import Clip, EffectUse, ProjectDocument, Track, thaw
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.errors import TimelineRuleError
from stoat_ferret.editing.interchange.model import SourceInfo
from stoat_ferret.editing.interchange.values import NAMESPACE
from stoat_ferret.editing.timeline import clip_length

__all__ = ["FORMAT_VERSION", "document_to_otio"]

FORMAT_VERSION = 1
"""The version of our metadata layout, so a later import can read older files."""


# Control and format characters, and the line and paragraph separators (U+2028/9),
# which Python's ``splitlines`` (the EDL reader's) breaks lines at.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with control characters as spaces: names other formats can hold.

    An EDL is line based and XML refuses control characters, so a newline in a file or
    project name would break the file. The exact names stay in our metadata.
    """
    return "".join(" " if unicodedata.category(char) in _UNPRINTABLE else char for char in text)


def _time(frames: int, fps: int) -> Any:
    return otio.opentime.RationalTime(frames, fps)


def _range(start: int, duration: int, fps: int) -> Any:
    return otio.opentime.TimeRange(_time(start, fps), _time(duration, fps))


def _effect(effect: EffectUse) -> Any:
    meta = {
        NAMESPACE: {
            "effect_type": effect.effect_type,
            "parameters": thaw(effect.parameters),
            "start": effect.start,
            "end": effect.end,
        }
    }
    if effect.effect_type == "speed":
        factor = float(effect.parameters["factor"])
        return otio.schema.LinearTimeWarp(name="speed", time_scalar=factor, metadata=meta)
    return otio.schema.Effect(
        name=effect.effect_type, effect_name=effect.effect_type, metadata=meta
    )


def _clip(
    clip: Clip, sources: Mapping[str, SourceInfo], fps: int, duration: int, position: int | None
) -> Any:
    source = sources.get(clip.source_id)
    if source is None:
        raise TimelineRuleError(
            f"clips[{clip.id}].source_id", f"no library file for {clip.source_id[:60]!r}"
        )
    reference = otio.schema.ExternalReference(
        target_url=PurePath(source.path).as_uri(),
        available_range=_range(0, clip.source_frames, fps),
    )
    meta = {
        "clip_id": clip.id,
        "source_id": clip.source_id,
        "in_point": clip.in_point,
        "out_point": clip.out_point,
        "source_frames": clip.source_frames,
        "timeline_position": position,
    }
    item = otio.schema.Clip(
        name=printable(PurePath(source.path).name),
        media_reference=reference,
        source_range=_range(clip.in_point, duration, fps),
        metadata={NAMESPACE: meta},
    )
    for effect in clip.effects:
        item.effects.append(_effect(effect))
    return item


def _track(track: Track) -> Any:
    kind = (
        otio.schema.TrackKind.Video
        if track.kind is MediaKind.VIDEO
        else otio.schema.TrackKind.Audio
    )
    meta = {
        "track_id": track.id,
        "name": track.name,
        "volume_db": track.volume_db,
        "muted": track.muted,
    }
    return otio.schema.Track(name=printable(track.name), kind=kind, metadata={NAMESPACE: meta})


def _main_track(document: ProjectDocument, sources: Mapping[str, SourceInfo]) -> Any:
    fps = document.settings.output_fps
    track = _track(document.main_track)
    outgoing = {t.from_clip_id: t for t in document.transitions}
    for clip in document.main_track.clips:
        transition = outgoing.get(clip.id)
        overlap = transition.duration if transition is not None else 0
        track.append(_clip(clip, sources, fps, clip_length(clip) - overlap, None))
        if transition is not None:
            dissolve = transition.name == "fade"
            track.append(
                otio.schema.Transition(
                    name=transition.name,
                    transition_type=(
                        otio.schema.TransitionTypes.SMPTE_Dissolve
                        if dissolve
                        else otio.schema.TransitionTypes.Custom
                    ),
                    in_offset=_time(0, fps),
                    out_offset=_time(transition.duration, fps),
                    metadata={
                        NAMESPACE: {
                            "transition_id": transition.id,
                            "name": transition.name,
                            "audio_curve": transition.audio_curve,
                        }
                    },
                )
            )
    return track


def _audio_track(track: Track, sources: Mapping[str, SourceInfo], fps: int) -> Any:
    item = _track(track)
    # A muted track is not heard: OTIO's own word for that is a disabled track.
    item.enabled = not track.muted
    cursor = 0
    for clip in sorted(track.clips, key=lambda c: (c.timeline_position or 0, c.id)):
        position = clip.timeline_position or 0
        if position > cursor:
            item.append(otio.schema.Gap(source_range=_range(0, position - cursor, fps)))
        length = clip_length(clip)
        item.append(_clip(clip, sources, fps, length, position))
        cursor = position + length
    return item


def document_to_otio(document: ProjectDocument, sources: Mapping[str, SourceInfo]) -> Any:
    """The document as an ``otio.schema.Timeline`` (a new object on every call).

    Args:
        document: a valid project document.
        sources: the library file of every clip's ``source_id``.

    Raises:
        TimelineRuleError: a clip whose source is not in ``sources``.
    """
    settings = document.settings
    fps = settings.output_fps
    meta = {
        "version": FORMAT_VERSION,
        "settings": {
            "name": settings.name,
            "output_width": settings.output_width,
            "output_height": settings.output_height,
            "output_fps": fps,
            "sample_rate": settings.sample_rate,
        },
    }
    timeline = otio.schema.Timeline(
        name=printable(settings.name), global_start_time=_time(0, fps), metadata={NAMESPACE: meta}
    )
    timeline.tracks.append(_main_track(document, sources))
    for track in document.tracks[1:]:
        timeline.tracks.append(_audio_track(track, sources, fps))
    return timeline
