"""
HTTP shapes of the effect catalog and the transitions list (SPEC §9).

The GUI builds its effect forms from these models' OpenAPI schema, so every field says
what it holds; ``parameter_schema`` is each effect's own JSON Schema, passed through.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field
from pydantic.config import JsonDict

from stoat_ferret.editing.effects import CATALOG, BuildContext, EffectDefinition, MediaKind

__all__ = [
    "CATALOG_CONTEXT",
    "EffectCatalog",
    "EffectOut",
    "EffectPreviewRequest",
    "FilterPreview",
    "ParameterHintOut",
    "TransitionList",
    "TransitionOut",
]

CATALOG_CONTEXT = BuildContext(fps=30, clip_frames=300)
"""The clip ``filter_preview`` and ``POST /effects/preview`` build for: 10 s at 30 fps
(a fade-out ends at 10 s). On a project's clip the same parameters use its own length."""

_EFFECT_TYPES: JsonDict = {"enum": list(CATALOG)}
"""Published as an ``enum`` (so the GUI's types name every effect) but checked by the
catalog, whose 422 names ``effect_type`` and lists the known ones."""


class ParameterHintOut(BaseModel):
    """What one parameter means, for people and agents."""

    meaning: str = Field(description="What the parameter changes.")
    typical: str = Field(description="Values worth trying, in words.")
    examples: list[Any] = Field(description="Example values the schema accepts.")


class EffectOut(BaseModel):
    """One catalog entry."""

    effect_type: str = Field(examples=["text_overlay"], json_schema_extra=_EFFECT_TYPES)
    name: str = Field(examples=["Text overlay"])
    description: str
    applies_to: MediaKind = Field(
        description="`video`: the filter string is for `-vf`; `audio`: for `-af`."
    )
    parameter_schema: dict[str, Any] = Field(
        description="The parameters' JSON Schema (draft 2020-12); unknown parameters are refused."
    )
    ai_hints: dict[str, ParameterHintOut] = Field(description="Per parameter name.")
    examples: list[dict[str, Any]] = Field(description="Parameter sets the schema accepts.")
    filter_preview: str = Field(
        description="The filter string of the first example, for a 10-second clip at 30 fps."
    )

    @classmethod
    def of(cls, effect: EffectDefinition) -> EffectOut:
        return cls(
            effect_type=effect.effect_type,
            name=effect.name,
            description=effect.description,
            applies_to=effect.applies_to,
            parameter_schema=dict(effect.parameter_schema),
            ai_hints={
                name: ParameterHintOut(
                    meaning=hint.meaning, typical=hint.typical, examples=list(hint.examples)
                )
                for name, hint in effect.ai_hints.items()
            },
            examples=[dict(example) for example in effect.examples],
            filter_preview=effect.filter_string(effect.examples[0], CATALOG_CONTEXT),
        )


class EffectCatalog(BaseModel):
    """``GET /api/v1/effects``: every effect, in a stable order."""

    effects: list[EffectOut]


class EffectPreviewRequest(BaseModel):
    """``POST /api/v1/effects/preview``: the filter string one parameter set makes."""

    effect_type: str = Field(
        max_length=64,
        examples=["text_overlay"],
        description="A catalog `effect_type`; another name is a 422 naming `effect_type`.",
        json_schema_extra=_EFFECT_TYPES,
    )
    parameters: dict[str, Any] = Field(
        default_factory=dict,
        examples=[{"text": "Hello", "font_size": 48}],
        description="Checked against the effect's `parameter_schema`; a 422 names the field.",
    )


class FilterPreview(BaseModel):
    filter_string: str = Field(
        description="Self-contained: runs as it is in `ffmpeg -vf` (or `-af` for audio effects)."
    )


class TransitionOut(BaseModel):
    name: str = Field(examples=["fade"], description="An xfade `transition` value.")
    description: str


class TransitionList(BaseModel):
    """``GET /api/v1/transitions``: what the local ffmpeg's ``xfade`` supports."""

    transitions: list[TransitionOut]
