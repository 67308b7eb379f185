"""An OpenTimelineIO timeline as a project document (the inverse of :mod:`.to_otio`).

What our own export wrote comes back exactly (its ``stoat_ferret`` metadata holds what
OTIO has no field for); a timeline another editor wrote is read by OTIO's meaning:

- the first video track is the main track, every audio track an audio track; another
  video track, a gap on the magnetic main track (closed up), a transition on an audio
  track, an effect that is not ours are left out and reported in ``warnings``;
- a transition with offsets ``in``/``out`` joins its neighbours with ``duration =
  in + out``: the outgoing clip plays ``out`` frames past its ``source_range``, the
  incoming one starts ``in`` frames before its own;
- every media reference is resolved to a library file by the caller's
  ``resolve_media``; the unknown ones are reported together (:class:`UnknownMediaError`).

The result goes through :func:`~stoat_ferret.editing.validation.validate_document`; its
errors name the place in the file (``tracks.children[0].children[2].out_point``).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

import opentimelineio as otio

from stoat_ferret.editing.document import (
    Clip,
    ProjectDocument,
    ProjectSettings,
    Track,
    Transition,
)
from stoat_ferret.editing.effects import MediaKind
from stoat_ferret.editing.errors import EditRuleError
from stoat_ferret.editing.interchange.errors import InterchangeFormatError, UnknownMediaError
from stoat_ferret.editing.interchange.model import ImportedProject, MediaQuery, SourceInfo
from stoat_ferret.editing.interchange.values import (
    effect_uses,
    frames,
    metadata,
    project_name,
    stored_settings,
    track_muted,
    track_name,
    track_volume,
    transition_curve,
    transition_name,
)
from stoat_ferret.editing.timebase import source_frames
from stoat_ferret.editing.timeline import speed_factor
from stoat_ferret.editing.transitions import XFADE_TRANSITIONS
from stoat_ferret.editing.validation import validate_document

__all__ = ["Resolver", "import_timeline", "media_queries"]

Resolver = Callable[[MediaQuery], SourceInfo | None]
DEFAULT_NAME = "Imported project"


def _new_id() -> str:
    return str(uuid.uuid4())


def _tracks(timeline: Any, warnings: list[str] | None = None) -> list[tuple[int, Any]]:
    """(place, track) of the tracks an import reads: the first video track, then audio."""
    chosen: list[tuple[int, Any]] = []
    main_found = False
    for place, track in enumerate(timeline.tracks):
        where = f"tracks.children[{place}]"
        if not isinstance(track, otio.schema.Track):
            note = f"{where}: a nested {track.schema_name()} is not imported"
        elif track.kind == otio.schema.TrackKind.Audio:
            chosen.append((place, track))
            continue
        elif track.kind == otio.schema.TrackKind.Video and not main_found:
            main_found = True
            chosen.insert(0, (place, track))
            continue
        else:
            note = f"{where}: only one video track (the main track) is imported"
        if warnings is not None:
            warnings.append(note)
    return chosen


def _query(item: Any) -> MediaQuery:
    source_id = metadata(item).get("source_id")
    reference = item.media_reference
    url = getattr(reference, "target_url", None) or None
    return MediaQuery(
        source_id if isinstance(source_id, str) else None,
        str(url) if url is not None else None,
        str(url) if url is not None else f"clip {str(item.name)[:100]!r} (no media URL)",
    )


def media_queries(timeline: Any) -> list[MediaQuery]:
    """Every distinct media reference the import would resolve, in timeline order.

    A service whose library lookup is asynchronous looks these up first and passes a
    dictionary's ``get`` as the resolver.
    """
    seen: dict[MediaQuery, None] = {}
    for _, track in _tracks(timeline):
        for item in track:
            if isinstance(item, otio.schema.Clip):
                seen.setdefault(_query(item))
    return list(seen)


@dataclass
class _Reader:
    fps: int
    media: dict[MediaQuery, SourceInfo]
    new_id: Callable[[], str]
    warnings: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    def clip(self, item: Any, where: str, before: int, after: int, position: int | None) -> Clip:
        """One clip; ``before``/``after``: the frames its transitions add at each end."""
        source_range = item.source_range
        if source_range is None:
            source_range = item.available_range()
        start = frames(source_range.start_time, self.fps, f"{where}.source_range.start_time")
        length = frames(source_range.duration, self.fps, f"{where}.source_range.duration")
        effects, dropped = effect_uses(item, where)
        for name in dropped:
            self.warnings.append(f"{where}: effect {name[:60]!r} is not a stoat-ferret effect")
        source = self.media[_query(item)]
        # Only the speed effects matter here (the rest is validated with the document).
        speeds = tuple(effect for effect in effects if effect.effect_type == "speed")
        probe = Clip("", source.id, 1, 0, 1, effects=speeds)
        factor = speed_factor(probe)
        in_point = start - (before if factor == 1 else round(before * factor))
        used = self._used_frames(item, factor, in_point, length + before + after)
        clip = Clip(
            self.new_id(),
            source.id,
            source_frames(source.duration_s, self.fps),
            in_point,
            in_point + used,
            position,
            tuple(effects),
        )
        self.labels[clip.id] = where
        return clip

    @staticmethod
    def _used_frames(item: Any, factor: Fraction, in_point: int, on_timeline: int) -> int:
        """How many source frames give ``on_timeline`` frames at ``factor``."""
        if factor == 1:
            return on_timeline
        meta = metadata(item)
        stored_in, stored_out = meta.get("in_point"), meta.get("out_point")
        if isinstance(stored_in, int) and isinstance(stored_out, int) and stored_in == in_point:
            used = stored_out - in_point
            if used > 0 and math.ceil(Fraction(used) / factor) == on_timeline:
                return used
        # The most media that still lasts ``on_timeline`` frames (ceil of used / factor).
        return max(1, math.floor(on_timeline * factor))

    def track(self, place: int, track: Any, kind: MediaKind) -> Track:
        where = f"tracks.children[{place}]"
        name = track_name(track) or ("V1" if kind is MediaKind.VIDEO else f"A{place}")
        result = Track(self.new_id(), kind, name, track_volume(track), track_muted(track))
        self.labels[result.id] = where
        return result


def _main_track(reader: _Reader, place: int, track: Any) -> tuple[Track, list[Transition]]:
    where = f"tracks.children[{place}]"
    items = list(track)
    before = [0] * len(items)
    after = [0] * len(items)
    joins: list[tuple[int, Any]] = []
    for index, item in enumerate(items):
        if isinstance(item, otio.schema.Transition):
            at = f"{where}.children[{index}]"
            neighbours = items[index - 1 : index] + items[index + 1 : index + 2]
            if (
                index == 0
                or len(neighbours) < 2
                or not all(isinstance(n, otio.schema.Clip) for n in neighbours)
            ):
                reader.warnings.append(f"{at}: a transition not between two clips is left out")
                continue
            after[index - 1] = frames(item.out_offset, reader.fps, f"{at}.out_offset")
            before[index + 1] = frames(item.in_offset, reader.fps, f"{at}.in_offset")
            joins.append((index, item))
        elif isinstance(item, otio.schema.Gap):
            reader.warnings.append(
                f"{where}.children[{index}]: a gap on the main track is closed up (it is magnetic)"
            )
        elif not isinstance(item, otio.schema.Clip):
            reader.warnings.append(
                f"{where}.children[{index}]: a {item.schema_name()} is not imported"
            )
    clips: dict[int, Clip] = {}
    for index, item in enumerate(items):
        if isinstance(item, otio.schema.Clip):
            at = f"{where}.children[{index}]"
            clips[index] = reader.clip(item, at, before[index], after[index], None)
    transitions = []
    for index, item in joins:
        transition = Transition(
            reader.new_id(),
            clips[index - 1].id,
            clips[index + 1].id,
            before[index + 1] + after[index - 1],
            transition_name(item),
            transition_curve(item),
        )
        reader.labels[transition.id] = f"{where}.children[{index}]"
        transitions.append(transition)
    main = reader.track(place, track, MediaKind.VIDEO)
    return replace(main, clips=tuple(clips.values())), transitions


def _audio_track(reader: _Reader, place: int, track: Any) -> Track:
    where = f"tracks.children[{place}]"
    cursor = 0
    clips: list[Clip] = []
    for index, item in enumerate(track):
        at = f"{where}.children[{index}]"
        if isinstance(item, otio.schema.Transition):
            reader.warnings.append(f"{at}: transitions on an audio track are left out")
        elif isinstance(item, otio.schema.Clip):
            clip = reader.clip(item, at, 0, 0, cursor)
            clips.append(clip)
            cursor += frames(item.trimmed_range().duration, reader.fps, f"{at}.source_range")
        else:
            if not isinstance(item, otio.schema.Gap):
                reader.warnings.append(f"{at}: a {item.schema_name()} is not imported")
            cursor += frames(item.duration(), reader.fps, f"{at}.source_range.duration")
    audio = reader.track(place, track, MediaKind.AUDIO)
    return replace(audio, clips=tuple(sorted(clips, key=lambda c: (c.timeline_position, c.id))))


def _project_fps(timeline: Any) -> int:
    """The project rate: ours from the metadata, else the rate of the first clip."""
    fps = stored_settings(timeline).get("output_fps")
    if isinstance(fps, int) and not isinstance(fps, bool) and 1 <= fps <= 120:
        return fps
    rates = [
        float(clip.source_range.start_time.rate)
        for clip in timeline.find_clips()
        if clip.source_range is not None
    ]
    if timeline.global_start_time is not None:
        rates.append(float(timeline.global_start_time.rate))
    rate = rates[0] if rates else 30.0
    if not (math.isfinite(rate) and rate.is_integer() and 1 <= rate <= 120):
        raise InterchangeFormatError(
            "output_fps", f"the timeline's rate {rate!r} is not a whole 1..120 frames per second"
        )
    return int(rate)


def _settings(timeline: Any, fps: int) -> ProjectSettings:
    """Our stored settings (checked by the validation), else the defaults."""
    stored = stored_settings(timeline)
    defaults = ProjectSettings(name=project_name(timeline) or DEFAULT_NAME)
    return ProjectSettings(
        name=defaults.name,
        output_width=stored.get("output_width", defaults.output_width),
        output_height=stored.get("output_height", defaults.output_height),
        output_fps=fps,
        sample_rate=stored.get("sample_rate", defaults.sample_rate),
    )


def _relocated(error: EditRuleError, labels: dict[str, str]) -> EditRuleError:
    field_name = error.field
    for our_id, where in labels.items():
        for kind in ("clips", "tracks", "transitions"):
            field_name = field_name.replace(f"{kind}[{our_id}]", where)
    return type(error)(field_name, error.reason)


def _resolve(timeline: Any, resolve_media: Resolver) -> dict[MediaQuery, SourceInfo]:
    found: dict[MediaQuery, SourceInfo] = {}
    missing: list[str] = []
    for query in media_queries(timeline):
        source = resolve_media(query)
        if source is None:
            missing.append(query.label)
        else:
            found[query] = source
    if missing:
        raise UnknownMediaError(missing)
    return found


def import_timeline(
    timeline: Any,
    resolve_media: Resolver,
    *,
    new_id: Callable[[], str] = _new_id,
    transition_names: Collection[str] = XFADE_TRANSITIONS,
) -> ImportedProject:
    """A new, validated project document from an OTIO timeline.

    Args:
        timeline: an ``otio.schema.Timeline`` (see :func:`~.reading.read_timeline`).
        resolve_media: the library file a media reference names, or ``None``.
        new_id: makes the id of every new track, clip and transition (the service's).
        transition_names: the xfade names the local ffmpeg offers.

    Raises:
        UnknownMediaError: media that are not library files (all of them).
        EditRuleError: a value out of range, naming its place in the file.
    """
    fps = _project_fps(timeline)
    reader = _Reader(fps, _resolve(timeline, resolve_media), new_id)
    try:
        tracks: list[Track] = []
        transitions: list[Transition] = []
        for place, track in _tracks(timeline, reader.warnings):
            if track.kind == otio.schema.TrackKind.Video:
                main, transitions = _main_track(reader, place, track)
                tracks.insert(0, main)
            else:
                tracks.append(_audio_track(reader, place, track))
        if not tracks or tracks[0].kind is not MediaKind.VIDEO:
            tracks.insert(0, Track(new_id(), MediaKind.VIDEO, "V1"))
        document = ProjectDocument(_settings(timeline, fps), tuple(tracks), tuple(transitions))
        validate_document(document, transition_names=transition_names)
    except EditRuleError as error:
        raise _relocated(error, reader.labels) from None
    return ImportedProject(document, reader.warnings)
