"""One main-track clip's picture: read, put on the project's frame grid, fit, effects.

The chain a clip's ``[N:v:0]`` goes through, in order:

1. ``fps=P:start_time=0:round=near``: the source, whatever its rate, on the project's
   frame grid (slot *n* is the instant *n* / P after the seek point);
2. ``trim=start_pts=lead:end_pts=lead+frames``: exactly the frames ``[in, out)``
   (integers on that grid, see :mod:`.plan` for why the seek leads the in-point);
3. ``setpts=PTS-STARTPTS+skip``: the clip's own time, 0 at its in-point;
4. under ``speed``: a fine time base, the catalog's ``setpts=PTS/factor`` and ``fps``
   again, so the sped-up clip is back on the grid;
5. ``tpad`` (clone) + ``trim=end_pts=length``: exactly ``clip_length`` frames, even
   when the source or the speed-up ends a frame short;
6. scale to fit the project size keeping the aspect ratio, ``pad`` with black bars,
   ``setsar=1``;
7. the clip's picture effects, in the clip's order. ``speed`` is applied first (step 4)
   whatever its place in the list: every effect's times (fades, ``start``/``end``) are
   frames of the clip *on the timeline*, which is what the validation's
   ``BuildContext`` says and what the sped-up stream's timestamps are. An effect that
   changes the frame size (``crop``) is followed by a new fit, so "the render scales the
   rest to the project size" (its catalog description);
8. ``format=yuv420p``: one pixel format for ``concat`` and ``xfade``.
"""

from __future__ import annotations

from collections.abc import Iterator

from stoat_ferret.editing.document import Clip, ProjectSettings
from stoat_ferret.editing.effects import MediaKind, get_effect
from stoat_ferret.editing.filters import filter_call
from stoat_ferret.render.builder import GraphBuilder
from stoat_ferret.render.plan import ClipRead, effect_context

__all__ = ["clip_video", "fit_filters"]

# Effects whose output is not the size they were given.
_RESIZING = frozenset({"crop"})
# setpts under speed runs in a time base this much finer than a frame, so PTS/factor
# keeps its fraction of a frame instead of being rounded to a whole one.
_FINE_TICKS_PER_FRAME = 1000


def fit_filters(settings: ProjectSettings) -> list[str]:
    """Scale to fit the project size keeping the aspect ratio; black bars fill the rest."""
    width, height = settings.output_width, settings.output_height
    return [
        filter_call(
            "scale",
            w=width,
            h=height,
            force_original_aspect_ratio="decrease",
            force_divisible_by=2,
        ),
        filter_call("pad", w=width, h=height, x="(ow-iw)/2", y="(oh-ih)/2", color="black"),
        filter_call("setsar", "1"),
    ]


def _timing(read: ClipRead) -> Iterator[str]:
    fps = read.fps
    yield filter_call("fps", fps=fps, start_time=0, round="near")
    yield filter_call("trim", start_pts=read.lead, end_pts=read.lead + read.frames)
    yield filter_call("setpts", f"PTS-STARTPTS+{read.skip}")


def _speed(clip: Clip, read: ClipRead) -> Iterator[str]:
    if read.factor == 1:
        return
    yield filter_call("settb", f"1/{read.fps * _FINE_TICKS_PER_FRAME}")
    for effect in clip.effects:
        definition = get_effect(effect.effect_type)
        if definition.speed_factor is not None:
            context = effect_context(effect, read.fps, read.length)
            yield definition.filter_string(effect.parameters, context)
    yield filter_call("fps", fps=read.fps, round="near")


def _effects(clip: Clip, read: ClipRead, settings: ProjectSettings) -> Iterator[str]:
    for effect in clip.effects:
        definition = get_effect(effect.effect_type)
        if definition.speed_factor is not None or definition.applies_to is not MediaKind.VIDEO:
            continue
        context = effect_context(effect, read.fps, read.length)
        yield definition.filter_string(effect.parameters, context)
        if effect.effect_type in _RESIZING:
            yield from fit_filters(settings)


def clip_video(
    builder: GraphBuilder, clip: Clip, read: ClipRead, input_index: int, settings: ProjectSettings
) -> str:
    """Add the clip's picture chain; returns its label.

    The stream's timestamps are the clip's timeline frames (time base 1/P), from
    ``read.skip`` (0 in a render) to ``read.length - 1``.
    """
    filters = [
        *_timing(read),
        *_speed(clip, read),
        filter_call("tpad", stop_mode="clone", stop=read.length),
        filter_call("trim", end_pts=read.length),
        *fit_filters(settings),
        *_effects(clip, read, settings),
        filter_call("format", "yuv420p"),
    ]
    return builder.add([f"{input_index}:v:0"], filters, builder.label("v"))
