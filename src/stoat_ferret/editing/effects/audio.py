"""Audio level effects: ``volume`` and ``audio_ducking``."""

from __future__ import annotations

from stoat_ferret.editing.effects.catalog import (
    BuildContext,
    EffectDefinition,
    MediaKind,
    ParameterHint,
    Parameters,
    number_schema,
    object_schema,
    window_options,
)
from stoat_ferret.editing.errors import EffectParameterError
from stoat_ferret.editing.filters import filter_call, format_number

__all__ = ["AUDIO_DUCKING", "VOLUME"]


def _check_volume(parameters: Parameters, context: BuildContext) -> None:
    given = [name for name in ("gain_db", "factor") if name in parameters]
    if not given:
        raise EffectParameterError("parameters.gain_db", "give gain_db or factor")
    if len(given) == 2:
        raise EffectParameterError("parameters.factor", "give gain_db or factor, not both")


def _build_volume(parameters: Parameters, context: BuildContext) -> str:
    if "gain_db" in parameters:
        level = f"{format_number(float(parameters['gain_db']))}dB"
    else:
        level = format_number(float(parameters["factor"]))
    return filter_call("volume", volume=level, **window_options(context))


VOLUME = EffectDefinition(
    effect_type="volume",
    name="Volume",
    description="Makes the clip's audio louder or quieter, in decibels or as a linear factor.",
    applies_to=MediaKind.AUDIO,
    track_kinds=frozenset({MediaKind.VIDEO, MediaKind.AUDIO}),
    parameter_schema=object_schema(
        {
            "gain_db": number_schema(-60, 24),
            "factor": number_schema(0, 16),
        }
    ),
    ai_hints={
        "gain_db": ParameterHint(
            "gain in decibels; -6 halves the amplitude, 0 keeps it", "-12 to +6", (-12, -6, 3)
        ),
        "factor": ParameterHint(
            "linear amplitude factor (use instead of gain_db); 0 mutes", "0.5-2", (0, 0.5, 2)
        ),
    },
    examples=({"gain_db": -6}, {"factor": 1.5}, {"gain_db": 24}),
    build=_build_volume,
    check=_check_volume,
    supports_window=True,
)


def _build_ducking(parameters: Parameters, context: BuildContext) -> str:
    return filter_call(
        "sidechaincompress",
        threshold=float(parameters.get("threshold", 0.05)),
        ratio=float(parameters.get("ratio", 8)),
        attack=float(parameters.get("attack_ms", 20)),
        release=float(parameters.get("release_ms", 300)),
    )


AUDIO_DUCKING = EffectDefinition(
    effect_type="audio_ducking",
    name="Audio ducking",
    description=(
        "Lowers an audio-track clip (music) while the main track's audio plays "
        "(sidechaincompress: its first input is this clip, its second the main audio)."
    ),
    applies_to=MediaKind.AUDIO,
    track_kinds=frozenset({MediaKind.AUDIO}),
    parameter_schema=object_schema(
        {
            "threshold": number_schema(0.001, 1),
            "ratio": number_schema(1, 20),
            "attack_ms": number_schema(0.01, 2000),
            "release_ms": number_schema(0.01, 9000),
        }
    ),
    ai_hints={
        "threshold": ParameterHint(
            "main-track level (linear, 0-1) above which the clip is lowered",
            "0.02-0.1",
            (0.02, 0.05, 0.125),
        ),
        "ratio": ParameterHint("how strongly it is lowered above the threshold", "4-10", (2, 8)),
        "attack_ms": ParameterHint(
            "how fast the lowering starts, in milliseconds", "5-50", (5, 20)
        ),
        "release_ms": ParameterHint(
            "how fast the level comes back after speech stops, in milliseconds",
            "200-1000",
            (250, 800),
        ),
    },
    examples=({}, {"threshold": 0.03, "ratio": 10, "attack_ms": 10, "release_ms": 500}),
    build=_build_ducking,
)
