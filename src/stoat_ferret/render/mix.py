"""Audio tracks placed on the timeline, ducked under the main audio, and the final mix.

Each audio-track clip's chain (:mod:`.audio_chain`) is delayed to its
``start_frame`` with ``adelay`` (in samples, every channel). A clip carrying
``audio_ducking`` then goes through ``sidechaincompress`` with the main audio as its
sidechain: the main audio is padded to the project's length first and split with
``asplit``, one branch for the mix and one per ducked clip, so the compressor hears the
main audio at the same instants the listener does. A track's ``volume_db`` applies to
each of its clips (the mix is a plain sum, so that is the track's level); a muted track
adds nothing.

``amix`` runs with ``normalize=0`` so levels are summed, not divided by the number of
inputs, and ``duration=first``: the padded main audio sets the project's length.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stoat_ferret.editing.document import Clip, ProjectDocument, Track
from stoat_ferret.editing.effects import get_effect
from stoat_ferret.editing.filters import filter_call, format_number
from stoat_ferret.editing.timeline import DerivedTimeline
from stoat_ferret.render.audio_chain import DUCKING, clip_audio, silence
from stoat_ferret.render.builder import GraphBuilder
from stoat_ferret.render.main_track import source_of
from stoat_ferret.render.plan import effect_context, plan_read, samples_at
from stoat_ferret.render.settings import SourceMedia

__all__ = ["mix_audio", "volume"]


def volume(gain_db: float) -> list[str]:
    """A track's level as a filter (none at 0 dB)."""
    if gain_db == 0:
        return []
    return [filter_call("volume", volume=f"{format_number(float(gain_db))}dB")]


@dataclass(frozen=True)
class _Placed:
    track: Track
    clip: Clip
    label: str
    ducking: str | None


def _track_clips(
    builder: GraphBuilder,
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: Mapping[str, SourceMedia],
) -> list[_Placed]:
    settings = document.settings
    fps, rate = settings.output_fps, settings.sample_rate
    placed: list[_Placed] = []
    for track in document.tracks[1:]:
        if track.muted:
            continue
        for clip in track.clips:
            source = source_of(clip, sources)
            if not source.has_audio:
                continue  # nothing to hear; the picture of a video source is not used
            where = timeline.placement(clip.id)
            read = plan_read(clip, source, fps)
            index = builder.add_input(source.path, seek_s=read.seek_s, read_s=read.read_s)
            start = samples_at(where.start_frame, fps, rate)
            samples = samples_at(where.end_frame, fps, rate) - start
            label = clip_audio(builder, clip, read, index, samples=samples, sample_rate=rate)
            if start:
                delay = filter_call("adelay", delays=f"{start}S", all=True)
                label = builder.add([label], [delay], builder.label("a"))
            ducking = None
            for effect in clip.effects:
                if effect.effect_type == DUCKING:
                    context = effect_context(effect, fps, read.length)
                    ducking = get_effect(DUCKING).filter_string(effect.parameters, context)
            placed.append(_Placed(track, clip, label, ducking))
    return placed


def mix_audio(
    builder: GraphBuilder,
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: Mapping[str, SourceMedia],
    main_audio: str | None,
) -> str:
    """Add the mix of the main audio and every audio track; returns the final label.

    The result lasts exactly the project's duration in samples.
    """
    settings = document.settings
    rate = settings.sample_rate
    total = samples_at(timeline.duration_frames, settings.output_fps, rate)
    main_track = document.main_track
    if main_audio is None:
        main_audio = silence(builder, total, rate)
    level = [] if main_track.muted else volume(main_track.volume_db)
    main = builder.add(
        [main_audio],
        [*level, filter_call("apad", whole_len=total), filter_call("atrim", end_sample=total)],
        builder.label("a"),
    )
    clips = _track_clips(builder, document, timeline, sources)
    if not clips:
        return main
    ducked = [placed for placed in clips if placed.ducking is not None]
    sidechains: list[str] = []
    if ducked:
        branches = [builder.label("a") for _ in range(len(ducked) + 1)]
        builder.add_many([main], [filter_call("asplit", len(branches))], branches)
        main, sidechains = branches[0], branches[1:]
    mixed = [main]
    for placed in clips:
        inputs = [placed.label]
        filters = volume(placed.track.volume_db)
        if placed.ducking is not None:
            inputs.append(sidechains.pop(0))
            filters = [placed.ducking, *filters]
        if len(inputs) > 1 or filters:
            mixed.append(builder.add(inputs, filters, builder.label("a")))
        else:
            mixed.append(placed.label)
    return builder.add(
        mixed,
        [
            filter_call("amix", inputs=len(mixed), duration="first", normalize=False),
            filter_call("atrim", end_sample=total),
        ],
        builder.label("a"),
    )
