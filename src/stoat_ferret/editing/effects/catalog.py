"""What an effect is: its schema, hints for people and agents, and its filter builder.

An :class:`EffectDefinition` is data plus two pure functions. Parameters go through
:meth:`EffectDefinition.validate` (the real ``jsonschema`` validator, then the effect's
cross-field rules) before any filter is built, so a builder only ever sees parameters
its schema accepts. Builders write filter strings with :mod:`stoat_ferret.editing.filters`
and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

from stoat_ferret.editing.errors import EffectParameterError
from stoat_ferret.editing.filters import format_number
from stoat_ferret.editing.timebase import frames_to_seconds

__all__ = [
    "COLOR_SCHEMA",
    "DEFAULT_FONT_FILE",
    "BuildContext",
    "EffectDefinition",
    "MediaKind",
    "ParameterHint",
    "Parameters",
    "frames_schema",
    "number_schema",
    "object_schema",
    "renamed_numbers",
    "window_options",
]

Parameters = Mapping[str, Any]

DEFAULT_FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
"""drawtext's font: Debian's ``fonts-dejavu-core`` (scripts/test and scripts/serve install
it). A fixed file rather than a fontconfig name, so every machine draws the same glyphs."""


class MediaKind(StrEnum):
    """What an effect's filter string filters: ``-vf`` or ``-af``. Also a track's kind."""

    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True)
class ParameterHint:
    """For people and agents: what a parameter means and values worth trying."""

    meaning: str
    typical: str
    examples: tuple[Any, ...]


@dataclass(frozen=True)
class BuildContext:
    """What a builder needs from the project and the clip, all in project frames.

    Attributes:
        fps: the project's ``output_fps``; frame counts become seconds with it.
        clip_frames: the clip's length on the timeline; fade-outs end there.
        font_file: the font drawtext uses.
        window: the effect's ``(start, end)`` frames within the clip, if it has one.
    """

    fps: int
    clip_frames: int
    font_file: str = DEFAULT_FONT_FILE
    window: tuple[int, int] | None = None

    def seconds(self, frames: int) -> float:
        """``frames`` of this project as seconds (SPEC §9: frame *n* is *n* / fps)."""
        return frames_to_seconds(frames, self.fps)


# Documents keep parameters as read-only mappings (and sequences as tuples); the stock
# validator only calls a ``dict`` an object, so it is taught the wider types.
_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine_many(
    {
        "object": lambda checker, instance: isinstance(instance, Mapping),
        "array": lambda checker, instance: isinstance(instance, list | tuple),
    }
)
_Validator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]  # untyped in the stubs
    jsonschema.Draft202012Validator, type_checker=_TYPES
)

Builder = Callable[[Parameters, BuildContext], str]
Checker = Callable[[Parameters, BuildContext], None]


def window_options(context: BuildContext) -> dict[str, str]:
    """``enable`` for a filter with timeline support when the effect has a window."""
    if context.window is None:
        return {}
    start, end = (context.seconds(frame) for frame in context.window)
    return {"enable": f"between(t,{format_number(start)},{format_number(end)})"}


def _no_check(parameters: Parameters, context: BuildContext) -> None:
    del parameters, context


@dataclass(frozen=True)
class EffectDefinition:
    """One catalog entry (SPEC §9 "Effects").

    Attributes:
        effect_type: the stable identifier clips store.
        applies_to: whether ``build`` makes a video (``-vf``) or audio (``-af``) filter.
        track_kinds: the track kinds a clip carrying this effect may be on; audio
            effects apply to the main track too, whose clips keep their own audio.
        parameter_schema: a JSON Schema (draft 2020-12) for the parameters.
        ai_hints: per parameter, its meaning, typical values and example values.
        examples: parameter sets the schema accepts; the first one is the preview.
        build: validated parameters and context to a self-contained filter string.
        build_audio: for effects with an audio part too (``speed``), that part.
        check: cross-field rules the schema cannot say; raises ``EffectParameterError``.
        supports_window: the filter honours ``enable``, so ``start``/``end`` may limit it.
        speed_factor: for ``speed``, how fast the clip plays (its timeline length
            becomes ``ceil(length / factor)``).
    """

    effect_type: str
    name: str
    description: str
    applies_to: MediaKind
    track_kinds: frozenset[MediaKind]
    parameter_schema: Mapping[str, Any]
    ai_hints: Mapping[str, ParameterHint]
    examples: tuple[Parameters, ...]
    build: Builder
    build_audio: Builder | None = None
    check: Checker = _no_check
    supports_window: bool = False
    speed_factor: Callable[[Parameters], float] | None = None
    _validator: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        jsonschema.Draft202012Validator.check_schema(self.parameter_schema)
        object.__setattr__(self, "_validator", _Validator(self.parameter_schema))

    def validate(self, parameters: object, context: BuildContext) -> Parameters:
        """Check ``parameters`` against the schema, then the cross-field rules.

        Returns:
            the parameters, unchanged, typed as a mapping.

        Raises:
            EffectParameterError: naming the first offending field (``parameters.x``).
        """
        errors = sorted(self._validator.iter_errors(parameters), key=_error_order)
        if errors:
            raise _parameter_error(errors[0])
        assert isinstance(parameters, Mapping)
        self.check(parameters, context)
        return parameters

    def filter_string(self, parameters: object, context: BuildContext) -> str:
        """The validated parameters' filter (for ``-vf`` or ``-af`` per ``applies_to``)."""
        return self.build(self.validate(parameters, context), context)

    def audio_filter_string(self, parameters: object, context: BuildContext) -> str | None:
        """The audio part of an effect that changes both streams, else ``None``."""
        if self.build_audio is None:
            return None
        return self.build_audio(self.validate(parameters, context), context)


def _error_order(error: ValidationError) -> tuple[int, str]:
    # Deepest first, then by path: the most specific complaint is the useful one.
    return (-len(error.absolute_path), "/".join(str(p) for p in error.absolute_path))


def _field(error: ValidationError) -> str:
    path = "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path
    )
    name = f"parameters{path}"
    if error.validator == "required" and isinstance(error.instance, Mapping):
        missing = [key for key in _as_list(error.validator_value) if key not in error.instance]
        if missing:
            return f"{name}.{missing[0]}"
    if error.validator == "additionalProperties" and isinstance(error.instance, Mapping):
        allowed = set(_schema_of(error).get("properties", {}))
        extra = sorted(str(key) for key in error.instance if key not in allowed)
        if extra:
            return f"{name}.{extra[0]}"
    return name


def _as_list(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []


def _schema_of(error: ValidationError) -> Mapping[str, Any]:
    return error.schema if isinstance(error.schema, Mapping) else {}


def _parameter_error(error: ValidationError) -> EffectParameterError:
    field_name = _field(error)
    if error.validator == "additionalProperties":
        message = "is not a parameter of this effect"
    elif error.validator == "required":
        message = "is required"
    elif error.validator == "pattern":
        wanted = _schema_of(error).get("description", "the documented format")
        message = f"{_short(error.instance)} is not {wanted}"
    else:
        message = error.message
    return EffectParameterError(field_name, message)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


_COLOR_NAMES = (
    "white|black|red|green|blue|yellow|cyan|magenta|gray|grey|orange|purple|pink|brown"
    "|navy|silver|gold|lime|maroon|olive|teal|violet"
)

COLOR_SCHEMA: Mapping[str, Any] = {
    "type": "string",
    "maxLength": 40,
    "pattern": (
        rf"^(?:{_COLOR_NAMES}|#[0-9A-Fa-f]{{6}}(?:[0-9A-Fa-f]{{2}})?)"
        r"(?:@(?:0(?:\.[0-9]{1,3})?|1(?:\.0{1,3})?|\.[0-9]{1,3}))?$"
    ),
    "description": (
        "a colour: a name (white, black, red, ...) or #RRGGBB[AA], optionally @alpha (0-1)"
    ),
}
"""Colours as FFmpeg reads them, limited to names every FFmpeg knows."""


def frames_schema(minimum: int = 0, maximum: int = 100_000) -> dict[str, Any]:
    """A duration or instant in project frames."""
    return {"type": "integer", "minimum": minimum, "maximum": maximum}


def number_schema(minimum: float, maximum: float) -> dict[str, Any]:
    """A number within ``minimum..maximum`` (both included)."""
    return {"type": "number", "minimum": minimum, "maximum": maximum}


def object_schema(
    properties: Mapping[str, Any], required: tuple[str, ...] = (), *, at_least_one: bool = False
) -> dict[str, Any]:
    """A closed parameter object: unknown parameters are refused, not ignored.

    ``at_least_one`` is for effects whose parameters are all optional but which would do
    nothing without any (``color``, ``crop``, ``hue``).
    """
    schema: dict[str, Any] = {
        "type": "object",
        "properties": dict(properties),
        "required": list(required),
        "additionalProperties": False,
    }
    if at_least_one:
        schema["minProperties"] = 1
    return schema


def renamed_numbers(parameters: Parameters, names: Mapping[str, str]) -> dict[str, float]:
    """The given parameters among ``names`` (parameter to filter option) as floats."""
    return {option: float(parameters[name]) for name, option in names.items() if name in parameters}
