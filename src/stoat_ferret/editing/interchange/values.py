"""Reading values out of OTIO objects: our metadata, times in project frames, names.

Both the import and the ``not_carried`` comparison read a timeline through these
helpers, so "what survives a format" is measured by exactly what an import recovers.
Everything read from a file is checked: a rate of 0, an infinite or fractional frame,
a metadata value of the wrong type becomes an :class:`InterchangeFormatError` naming
its place, or the default, never a crash.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import opentimelineio as otio

from stoat_ferret.editing.document import EffectUse
from stoat_ferret.editing.interchange.errors import InterchangeFormatError
from stoat_ferret.editing.transitions import XFADE_TRANSITIONS

__all__ = [
    "DEFAULT_AUDIO_CURVE",
    "MAX_FRAMES",
    "NAMESPACE",
    "effect_uses",
    "frames",
    "metadata",
    "plain",
    "project_name",
    "stored_settings",
    "track_muted",
    "track_name",
    "track_volume",
    "transition_curve",
    "transition_name",
]

NAMESPACE = "stoat_ferret"
"""The key of our metadata on every OTIO object we write (the OTIO convention)."""

DEFAULT_AUDIO_CURVE = "tri"
MAX_FRAMES = 10**9
# A frame time read back from a decimal format (a rescaled rate) may be off by float
# noise; more than this is a time between two frames, which the editor cannot hold.
_FRAME_SLACK = 1e-6


def plain(value: Any) -> Any:
    """An OTIO metadata value as plain JSON values (``AnyDictionary`` -> ``dict``)."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [plain(item) for item in value]
    return value


def metadata(item: Any) -> dict[str, Any]:
    """Our namespace of ``item``'s metadata (``{}`` when absent or not an object)."""
    found = item.metadata.get(NAMESPACE) if isinstance(item.metadata, Mapping) else None
    return plain(found) if isinstance(found, Mapping) else {}


def frames(time: Any, fps: int, field: str) -> int:
    """``time`` (an OTIO ``RationalTime``) as a whole number of frames at ``fps``.

    Raises:
        InterchangeFormatError: a rate that is not a positive finite number, a value
            that is not finite, between two frames, or beyond a billion frames.
    """
    rate, value = float(time.rate), float(time.value)
    if not (math.isfinite(rate) and rate > 0):
        raise InterchangeFormatError(field, f"rate {rate!r} is not a positive number")
    if not math.isfinite(value):
        raise InterchangeFormatError(field, f"value {value!r} is not a finite number")
    exact = value * fps / rate
    whole = round(exact) if math.isfinite(exact) else MAX_FRAMES + 1
    if abs(whole) > MAX_FRAMES:
        raise InterchangeFormatError(field, f"{value!r} at rate {rate!r} is too far away")
    if abs(exact - whole) > _FRAME_SLACK:
        raise InterchangeFormatError(
            field, f"{value!r} at rate {rate!r} is not a whole frame at {fps} fps"
        )
    return int(whole)


def stored_settings(timeline: Any) -> dict[str, Any]:
    """Our output settings in the timeline's metadata (``{}`` when absent)."""
    stored = metadata(timeline).get("settings")
    return stored if isinstance(stored, dict) else {}


def project_name(timeline: Any) -> str:
    """Our exact project name, else the timeline's (may be empty)."""
    name = stored_settings(timeline).get("name")
    return name if isinstance(name, str) else str(timeline.name)


def transition_name(transition: Any) -> str:
    """The xfade name a transition means: ours, a dissolve's ``fade``, or its own name."""
    name = metadata(transition).get("name")
    if isinstance(name, str):
        return name
    if transition.transition_type == otio.schema.TransitionTypes.SMPTE_Dissolve:
        return "fade"
    own = str(transition.name)
    return own if own in XFADE_TRANSITIONS else "fade"


def transition_curve(transition: Any) -> str:
    curve = metadata(transition).get("audio_curve")
    return curve if isinstance(curve, str) else DEFAULT_AUDIO_CURVE


def track_name(track: Any) -> str:
    """Our exact track name, else OTIO's (which may have lost control characters)."""
    name = metadata(track).get("name")
    return name if isinstance(name, str) else str(track.name)


def track_volume(track: Any) -> float:
    volume = metadata(track).get("volume_db")
    if isinstance(volume, int | float) and not isinstance(volume, bool):
        return volume  # as stored: -6 stays -6, so the document comes back equal
    return 0.0


def track_muted(track: Any) -> bool:
    """Our ``muted``, else OTIO's ``enabled`` flag (a disabled track is not heard)."""
    muted = metadata(track).get("muted")
    return muted if isinstance(muted, bool) else not bool(track.enabled)


def _window(meta: Mapping[str, Any], key: str, field: str) -> int | None:
    value = meta.get(key)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise InterchangeFormatError(f"{field}.{key}", "must be a whole number of frames or null")


def _speed(effect: Any, meta: Mapping[str, Any]) -> EffectUse | None:
    factor = float(effect.time_scalar)
    parameters = meta.get("parameters") if meta.get("effect_type") == "speed" else None
    kept = dict(parameters) if isinstance(parameters, Mapping) else {}
    # Keep the stored number (2, not 2.0) unless another tool changed the warp.
    stored = kept.get("factor")
    if not (isinstance(stored, int | float) and math.isclose(float(stored), factor)):
        if factor == 1 and not kept:
            return None  # an identity warp changes nothing
        kept["factor"] = factor
    return EffectUse("speed", kept)


def effect_uses(clip: Any, field: str) -> tuple[list[EffectUse], list[str]]:
    """The clip's effects as ours, and the names of those that are not ours (dropped).

    A ``LinearTimeWarp`` is the ``speed`` effect (its ``time_scalar`` is the factor);
    any other effect needs our metadata (its type and parameters): an effect another
    tool wrote means nothing to the render, so it is reported, not guessed at.
    """
    kept: list[EffectUse] = []
    dropped: list[str] = []
    for index, effect in enumerate(clip.effects):
        where = f"{field}.effects[{index}]"
        meta = metadata(effect)
        if isinstance(effect, otio.schema.FreezeFrame):
            dropped.append("FreezeFrame")
        elif isinstance(effect, otio.schema.LinearTimeWarp):
            speed = _speed(effect, meta)
            if speed is not None:
                kept.append(speed)
        elif isinstance(meta.get("effect_type"), str):
            parameters = meta.get("parameters", {})
            if not isinstance(parameters, Mapping):
                raise InterchangeFormatError(f"{where}.parameters", "must be an object")
            start, end = _window(meta, "start", where), _window(meta, "end", where)
            kept.append(EffectUse(meta["effect_type"], parameters, start, end))
        else:
            dropped.append(str(effect.effect_name or effect.name or effect.schema_name()))
    return kept, dropped
