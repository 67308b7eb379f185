"""Effects about time: ``speed`` (both streams) and the audio and video fades."""

from __future__ import annotations

from stoat_ferret.editing.effects.catalog import (
    COLOR_SCHEMA,
    BuildContext,
    EffectDefinition,
    MediaKind,
    ParameterHint,
    Parameters,
    frames_schema,
    number_schema,
    object_schema,
)
from stoat_ferret.editing.errors import EffectParameterError
from stoat_ferret.editing.filters import chain, filter_call, format_number

__all__ = ["AUDIO_CURVES", "AUDIO_FADE", "SPEED", "VIDEO_FADE", "atempo_factors"]

AUDIO_CURVES = [
    "tri",
    "qsin",
    "esin",
    "hsin",
    "log",
    "ipar",
    "qua",
    "cub",
    "squ",
    "cbr",
    "par",
    "exp",
    "iqsin",
    "ihsin",
    "dese",
    "desi",
    "losi",
    "sinc",
    "isinc",
]
"""The fade curves ``afade`` and ``acrossfade`` share (FFmpeg 5.1), ``tri`` = linear."""

# atempo keeps its best quality inside [0.5, 2]; outside, a chain of steps gets there.
_ATEMPO_MIN, _ATEMPO_MAX = 0.5, 2.0


def atempo_factors(factor: float) -> list[float]:
    """Tempo steps, each within atempo's best range, whose product is ``factor``."""
    steps: list[float] = []
    while factor < _ATEMPO_MIN:
        steps.append(_ATEMPO_MIN)
        factor /= _ATEMPO_MIN
    while factor > _ATEMPO_MAX:
        steps.append(_ATEMPO_MAX)
        factor /= _ATEMPO_MAX
    steps.append(factor)
    return steps


def _speed_video(parameters: Parameters, context: BuildContext) -> str:
    return filter_call("setpts", f"PTS/{format_number(float(parameters['factor']))}")


def _speed_audio(parameters: Parameters, context: BuildContext) -> str:
    return chain(filter_call("atempo", step) for step in atempo_factors(parameters["factor"]))


SPEED = EffectDefinition(
    effect_type="speed",
    name="Speed",
    description=(
        "Plays the clip faster or slower: video through setpts, its audio through chained "
        "atempo steps (pitch kept). The clip's timeline length becomes "
        "ceil((out_point - in_point) / factor)."
    ),
    applies_to=MediaKind.VIDEO,
    track_kinds=frozenset({MediaKind.VIDEO, MediaKind.AUDIO}),
    parameter_schema=object_schema({"factor": number_schema(0.25, 4)}, required=("factor",)),
    ai_hints={
        "factor": ParameterHint(
            "playback speed: 2 is twice as fast (half as long), 0.5 half as fast",
            "0.5-2",
            (0.25, 0.5, 1.5, 2, 4),
        )
    },
    examples=({"factor": 2}, {"factor": 0.5}, {"factor": 0.3}, {"factor": 4}),
    build=_speed_video,
    build_audio=_speed_audio,
    speed_factor=lambda parameters: float(parameters["factor"]),
)


def _check_fade(parameters: Parameters, context: BuildContext) -> None:
    if parameters["duration"] > context.clip_frames:
        raise EffectParameterError(
            "parameters.duration",
            f"{parameters['duration']} frames is longer than the clip "
            f"({context.clip_frames} frames)",
        )


def _fade_options(parameters: Parameters, context: BuildContext) -> dict[str, str | float]:
    """``afade`` and ``fade`` share these: direction, start and length in seconds."""
    if parameters["direction"] == "in":
        start = 0.0
    else:
        start = context.seconds(context.clip_frames - int(parameters["duration"]))
    duration = context.seconds(int(parameters["duration"]))
    return {"t": parameters["direction"], "st": start, "d": duration}


def _build_audio_fade(parameters: Parameters, context: BuildContext) -> str:
    curve = parameters.get("curve", "tri")
    return filter_call("afade", **_fade_options(parameters, context), curve=curve)


def _build_video_fade(parameters: Parameters, context: BuildContext) -> str:
    color = parameters.get("color", "black")
    return filter_call("fade", **_fade_options(parameters, context), color=color)


_DIRECTION = {"enum": ["in", "out"]}
_DIRECTION_HINT = ParameterHint(
    "in: from silence/colour at the clip's start; out: to it at the clip's end",
    "in at the first clip, out at the last",
    ("in", "out"),
)
_DURATION_HINT = ParameterHint(
    "fade length in project frames", "half a second to two seconds", (1, 15, 30)
)

AUDIO_FADE = EffectDefinition(
    effect_type="audio_fade",
    name="Audio fade",
    description="Fades the clip's audio in from silence or out to silence (afade).",
    applies_to=MediaKind.AUDIO,
    track_kinds=frozenset({MediaKind.VIDEO, MediaKind.AUDIO}),
    parameter_schema=object_schema(
        {"direction": _DIRECTION, "duration": frames_schema(1), "curve": {"enum": AUDIO_CURVES}},
        required=("direction", "duration"),
    ),
    ai_hints={
        "direction": _DIRECTION_HINT,
        "duration": _DURATION_HINT,
        "curve": ParameterHint(
            "the gain curve; tri is linear, qsin and log sound smoother", "tri", ("tri", "qsin")
        ),
    },
    examples=(
        {"direction": "in", "duration": 15},
        {"direction": "out", "duration": 10, "curve": "qsin"},
    ),
    build=_build_audio_fade,
    check=_check_fade,
)

VIDEO_FADE = EffectDefinition(
    effect_type="video_fade",
    name="Video fade",
    description="Fades the picture in from a colour or out to it (fade).",
    applies_to=MediaKind.VIDEO,
    track_kinds=frozenset({MediaKind.VIDEO}),
    parameter_schema=object_schema(
        {"direction": _DIRECTION, "duration": frames_schema(1), "color": COLOR_SCHEMA},
        required=("direction", "duration"),
    ),
    ai_hints={
        "direction": _DIRECTION_HINT,
        "duration": _DURATION_HINT,
        "color": ParameterHint("the colour faded from or to", "black", ("black", "white")),
    },
    examples=(
        {"direction": "in", "duration": 15},
        {"direction": "out", "duration": 10, "color": "white"},
    ),
    build=_build_video_fade,
    check=_check_fade,
)
