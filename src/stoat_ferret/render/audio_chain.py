"""One clip's sound: read, resample, cut, speed, exact length, effects; or silence.

The chain a clip's ``[N:a:0]`` goes through, in order:

1. ``aresample`` to the project's sample rate and ``aformat`` (planar float, stereo):
   one format for ``concat``, ``acrossfade`` and ``amix``;
2. ``atrim=start_pts=:end_pts=`` in samples (the time base is 1/sample rate after
   ``aresample``): the source range ``[in, out)`` after the same lead as the picture;
3. ``asetpts=PTS-STARTPTS``;
4. under ``speed``: the catalog's ``atempo`` chain (pitch kept);
5. ``apad`` + ``atrim=end_sample=``: exactly the clip's span in samples, because
   ``atempo`` over- or undershoots by milliseconds (6 ms at 3x, 20 ms at 0.5x on 1.5 s)
   and a source may end early;
6. the clip's audio effects in order (``volume``, ``audio_fade``; ``audio_ducking`` is
   applied where the tracks are mixed, against the main audio).

A clip without sound (its source has none, or the main track is muted) is
``anullsrc`` of the same span, so the main audio stays in step with the picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from stoat_ferret.editing.document import Clip
from stoat_ferret.editing.effects import MediaKind, get_effect
from stoat_ferret.editing.filters import filter_call
from stoat_ferret.render.builder import GraphBuilder
from stoat_ferret.render.plan import ClipRead, effect_context

__all__ = ["DUCKING", "audio_format", "clip_audio", "silence"]

DUCKING = "audio_ducking"


def audio_format(sample_rate: int) -> str:
    """The one sample format every audio stream of the graph is brought to."""
    return filter_call(
        "aformat", sample_fmts="fltp", sample_rates=sample_rate, channel_layouts="stereo"
    )


def silence(builder: GraphBuilder, samples: int, sample_rate: int) -> str:
    """Add ``samples`` samples of stereo silence; returns its label."""
    filters = [
        filter_call("anullsrc", channel_layout="stereo", sample_rate=sample_rate),
        filter_call("atrim", end_sample=samples),
        audio_format(sample_rate),
    ]
    return builder.add([], filters, builder.label("a"))


def _audio_effects(clip: Clip, read: ClipRead) -> Iterator[str]:
    for effect in clip.effects:
        definition = get_effect(effect.effect_type)
        if definition.speed_factor is not None or effect.effect_type == DUCKING:
            continue
        if definition.applies_to is MediaKind.AUDIO:
            yield definition.filter_string(
                effect.parameters, effect_context(effect, read.fps, read.length)
            )


def _speed(clip: Clip, read: ClipRead) -> Iterator[str]:
    if read.factor == 1:
        return
    for effect in clip.effects:
        definition = get_effect(effect.effect_type)
        if definition.speed_factor is not None:
            context = effect_context(effect, read.fps, read.length)
            audio = definition.audio_filter_string(effect.parameters, context)
            if audio:
                yield audio


def clip_audio(
    builder: GraphBuilder,
    clip: Clip,
    read: ClipRead,
    input_index: int,
    *,
    samples: int,
    sample_rate: int,
) -> str:
    """Add the clip's sound chain, exactly ``samples`` long; returns its label."""
    lead = round(read.lead * sample_rate / read.fps)
    used = math.ceil(read.frames * sample_rate / read.fps)
    filters = [
        filter_call("aresample", sample_rate),
        audio_format(sample_rate),
        filter_call("atrim", start_pts=lead, end_pts=lead + used),
        filter_call("asetpts", "PTS-STARTPTS"),
        *_speed(clip, read),
        filter_call("apad", whole_len=samples),
        filter_call("atrim", end_sample=samples),
        *_audio_effects(clip, read),
    ]
    return builder.add([f"{input_index}:a:0"], filters, builder.label("a"))
