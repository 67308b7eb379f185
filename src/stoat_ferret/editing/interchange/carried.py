"""What a format carries: compare a timeline with the same timeline read back.

:func:`not_carried` reads both the timeline we built and what the format's adapter
reads back from the written file through the same eyes (the helpers an import uses:
:mod:`.values`), as a list of features: a track, a clip with its media and range, an
effect with its parameters, a transition with its length, name and curve, a track's
volume, the output settings. A feature of the original that the read-back lacks, or
has with another value, is what the format dropped. A feature whose parent is gone (the
clips of a dropped audio track) is not listed again.

Nothing is assumed about a format: a new adapter version that carries more lists less.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import opentimelineio as otio

from stoat_ferret.editing.interchange.values import (
    effect_uses,
    frames,
    metadata,
    plain,
    project_name,
    stored_settings,
    track_muted,
    track_name,
    track_volume,
    transition_curve,
    transition_name,
)

__all__ = ["not_carried"]

Key = tuple[object, ...]


@dataclass(frozen=True)
class _Feature:
    key: Key
    value: object
    label: str


def _id(item: Any, key: str, fallback: str) -> str:
    value = metadata(item).get(key)
    return value if isinstance(value, str) else fallback


def _settings(timeline: Any) -> Iterator[_Feature]:
    stored = stored_settings(timeline)
    name = project_name(timeline)
    yield _Feature(("name",), name, f"name {name[:60]!r}")
    for key, default in (("output_width", 1920), ("output_height", 1080), ("sample_rate", 48000)):
        value = stored.get(key, default)
        yield _Feature((key,), value, f"{key} {value!r}")


def _effects(item: Any, key: Key, label: str) -> Iterator[_Feature]:
    effects, _ = effect_uses(item, label)
    seen: dict[str, int] = {}
    for index, effect in enumerate(effects):
        occurrence = seen.get(effect.effect_type, 0)
        seen[effect.effect_type] = occurrence + 1
        value = (plain(dict(effect.parameters)), effect.start, effect.end)
        if effect.effect_type == "speed":
            value = (round(float(effect.parameters["factor"]), 6), None, None)
        yield _Feature(
            (*key, "effect", effect.effect_type, occurrence),
            value,
            f"{label}.effects[{index}] ({effect.effect_type})",
        )


def _transition(item: Any, key: Key, fps: int) -> Iterator[_Feature]:
    label = f"transitions[{_id(item, 'transition_id', str(key[-1]))}]"
    length = frames(item.in_offset, fps, label) + frames(item.out_offset, fps, label)
    name, curve = transition_name(item), transition_curve(item)
    yield _Feature(key, length, f"{label} ({name}, {length} frames)")
    yield _Feature((*key, "name"), name, f"{label}.name {name!r}")
    yield _Feature((*key, "audio_curve"), curve, f"{label}.audio_curve {curve!r}")


def _track(track: Any, key: Key, fps: int, main: bool) -> Iterator[_Feature]:
    label = f"tracks[{_id(track, 'track_id', str(key[-1]))}]"
    kind = "main video" if main else "audio"
    name = track_name(track)
    yield _Feature(key, None, f"{label} ({kind} track {name[:60]!r})")
    yield _Feature((*key, "name"), name, f"{label}.name {name[:60]!r}")
    yield _Feature((*key, "volume_db"), track_volume(track), f"{label}.volume_db")
    yield _Feature((*key, "muted"), track_muted(track), f"{label}.muted")
    ordinal, cursor = 0, 0
    for item in track:
        if isinstance(item, otio.schema.Transition):
            yield from _transition(item, (*key, "transition", ordinal), fps)
            continue
        length = frames(item.trimmed_range().duration, fps, label)
        if isinstance(item, otio.schema.Clip):
            clip_key = (*key, "clip", ordinal)
            clip_label = f"clips[{_id(item, 'clip_id', str(ordinal))}]"
            start = frames(item.trimmed_range().start_time, fps, clip_label)
            # The main track is magnetic: a clip's place there follows from the others.
            value = (str(item.name), start, length, None if main else cursor)
            yield _Feature(clip_key, value, f"{clip_label} ({str(item.name)[:60]})")
            yield from _effects(item, clip_key, clip_label)
            ordinal += 1
        cursor += length


def _features(timeline: Any, fps: int) -> list[_Feature]:
    found = list(_settings(timeline))
    counts = {"video": 0, "audio": 0}
    for track in timeline.tracks:
        if not isinstance(track, otio.schema.Track):
            continue
        kind = "video" if track.kind == otio.schema.TrackKind.Video else "audio"
        found.extend(_track(track, (kind, counts[kind]), fps, kind == "video"))
        counts[kind] += 1
    return found


def not_carried(original: Any, read_back: Any, fps: int) -> list[str]:
    """What of ``original`` is not in ``read_back`` (the written file read again)."""
    kept = {feature.key: feature.value for feature in _features(read_back, fps)}
    lost: list[str] = []
    gone: list[Key] = []
    for feature in _features(original, fps):
        if any(feature.key[: len(parent)] == parent for parent in gone):
            continue
        if feature.key not in kept or kept[feature.key] != feature.value:
            lost.append(feature.label)
            gone.append(feature.key)
    return lost
