"""The effect catalog: one registry of every effect a clip can carry (SPEC §9).

Use :func:`get_effect` to look one up (unknown types raise ``EffectParameterError`` on
``effect_type``) and :data:`CATALOG` to list them in a stable order.
"""

from __future__ import annotations

from types import MappingProxyType

from stoat_ferret.editing.effects.audio import AUDIO_DUCKING, VOLUME
from stoat_ferret.editing.effects.catalog import (
    DEFAULT_FONT_FILE,
    BuildContext,
    EffectDefinition,
    MediaKind,
    ParameterHint,
    Parameters,
)
from stoat_ferret.editing.effects.image import BLUR, COLOR, CROP, FLIP, HUE, ROTATE
from stoat_ferret.editing.effects.text import TEXT_OVERLAY
from stoat_ferret.editing.effects.timing import AUDIO_CURVES, AUDIO_FADE, SPEED, VIDEO_FADE
from stoat_ferret.editing.errors import EffectParameterError

__all__ = [
    "AUDIO_CURVES",
    "CATALOG",
    "DEFAULT_FONT_FILE",
    "BuildContext",
    "EffectDefinition",
    "MediaKind",
    "ParameterHint",
    "Parameters",
    "get_effect",
]

CATALOG: MappingProxyType[str, EffectDefinition] = MappingProxyType(
    {
        effect.effect_type: effect
        for effect in (
            TEXT_OVERLAY,
            SPEED,
            VOLUME,
            AUDIO_FADE,
            VIDEO_FADE,
            AUDIO_DUCKING,
            COLOR,
            CROP,
            BLUR,
            ROTATE,
            FLIP,
            HUE,
        )
    }
)


def get_effect(effect_type: str) -> EffectDefinition:
    """The catalog entry for ``effect_type``.

    Raises:
        EffectParameterError: on ``effect_type`` when the catalog has no such effect.
    """
    try:
        return CATALOG[effect_type]
    except KeyError:
        known = ", ".join(CATALOG)
        raise EffectParameterError(
            "effect_type", f"unknown effect {effect_type[:60]!r}; known: {known}"
        ) from None
