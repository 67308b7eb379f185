"""Picture effects: colour (``eq``), ``hue``, ``crop``, ``blur``, ``rotate``, ``flip``."""

from __future__ import annotations

import math

from stoat_ferret.editing.effects.catalog import (
    COLOR_SCHEMA,
    BuildContext,
    EffectDefinition,
    MediaKind,
    ParameterHint,
    Parameters,
    number_schema,
    object_schema,
    renamed_numbers,
    window_options,
)
from stoat_ferret.editing.errors import EffectParameterError
from stoat_ferret.editing.filters import chain, filter_call, format_number

__all__ = ["BLUR", "COLOR", "CROP", "FLIP", "HUE", "ROTATE"]

_VIDEO = frozenset({MediaKind.VIDEO})


_EQ_OPTIONS = {name: name for name in ("brightness", "contrast", "saturation", "gamma")}
_HUE_OPTIONS = {"degrees": "h", "saturation": "s"}


def _build_eq(parameters: Parameters, context: BuildContext) -> str:
    options = renamed_numbers(parameters, _EQ_OPTIONS)
    return filter_call("eq", **options, **window_options(context))


COLOR = EffectDefinition(
    effect_type="color",
    name="Colour (eq)",
    description="Adjusts brightness, contrast, saturation and gamma (eq).",
    applies_to=MediaKind.VIDEO,
    track_kinds=_VIDEO,
    parameter_schema=object_schema(
        {
            "brightness": number_schema(-1, 1),
            "contrast": number_schema(0, 3),
            "saturation": number_schema(0, 3),
            "gamma": number_schema(0.1, 10),
        },
        at_least_one=True,
    ),
    ai_hints={
        "brightness": ParameterHint("added brightness; 0 keeps it", "-0.2 to 0.2", (-0.1, 0.1)),
        "contrast": ParameterHint("contrast multiplier; 1 keeps it", "0.8-1.5", (0.8, 1.2)),
        "saturation": ParameterHint(
            "saturation multiplier; 0 is greyscale, 1 keeps it", "0-2", (0, 1.3)
        ),
        "gamma": ParameterHint("gamma; 1 keeps it, above 1 brightens shadows", "0.8-1.5", (1.2,)),
    },
    examples=({"brightness": 0.1, "contrast": 1.2}, {"saturation": 0}, {"gamma": 1.3}),
    build=_build_eq,
    supports_window=True,
)


def _build_hue(parameters: Parameters, context: BuildContext) -> str:
    options = renamed_numbers(parameters, _HUE_OPTIONS)
    return filter_call("hue", **options, **window_options(context))


HUE = EffectDefinition(
    effect_type="hue",
    name="Hue",
    description="Turns the colours round the colour wheel and scales their saturation (hue).",
    applies_to=MediaKind.VIDEO,
    track_kinds=_VIDEO,
    parameter_schema=object_schema(
        {"degrees": number_schema(-180, 180), "saturation": number_schema(0, 10)},
        at_least_one=True,
    ),
    ai_hints={
        "degrees": ParameterHint("hue rotation in degrees", "-60 to 60", (-90, 30, 180)),
        "saturation": ParameterHint("saturation multiplier; 1 keeps it", "0-2", (0.5, 1.5)),
    },
    examples=({"degrees": 90}, {"degrees": -30, "saturation": 1.5}),
    build=_build_hue,
    supports_window=True,
)

_EDGES = ("left", "right", "top", "bottom")


def _check_crop(parameters: Parameters, context: BuildContext) -> None:
    for first, second in (("left", "right"), ("top", "bottom")):
        if parameters.get(first, 0) + parameters.get(second, 0) > 0.9:
            raise EffectParameterError(
                f"parameters.{second}", f"{first} + {second} would crop away over 90%"
            )


def _build_crop(parameters: Parameters, context: BuildContext) -> str:
    left, right, top, bottom = (float(parameters.get(edge, 0)) for edge in _EDGES)
    return filter_call(
        "crop",
        w=f"iw*{format_number(1 - left - right)}",
        h=f"ih*{format_number(1 - top - bottom)}",
        x=f"iw*{format_number(left)}",
        y=f"ih*{format_number(top)}",
    )


_EDGE_HINT = "fraction of the frame removed at this edge"
CROP = EffectDefinition(
    effect_type="crop",
    name="Crop",
    description=(
        "Cuts away the frame's edges, given as fractions of the width and height so it "
        "fits any source size; the render scales the rest to the project size."
    ),
    applies_to=MediaKind.VIDEO,
    track_kinds=_VIDEO,
    parameter_schema=object_schema(
        {edge: number_schema(0, 0.9) for edge in _EDGES}, at_least_one=True
    ),
    ai_hints={
        edge: ParameterHint(f"{_EDGE_HINT} ({edge})", "0-0.2", (0.1, 0.25)) for edge in _EDGES
    },
    examples=({"left": 0.1, "right": 0.1}, {"top": 0.125, "bottom": 0.125}),
    build=_build_crop,
    check=_check_crop,
)


def _build_blur(parameters: Parameters, context: BuildContext) -> str:
    return filter_call("gblur", sigma=float(parameters["sigma"]), **window_options(context))


BLUR = EffectDefinition(
    effect_type="blur",
    name="Blur",
    description="Gaussian blur of the whole picture (gblur).",
    applies_to=MediaKind.VIDEO,
    track_kinds=_VIDEO,
    parameter_schema=object_schema({"sigma": number_schema(0.1, 50)}, required=("sigma",)),
    ai_hints={"sigma": ParameterHint("blur radius in pixels", "2-10", (0.5, 5, 20))},
    examples=({"sigma": 5},),
    build=_build_blur,
    supports_window=True,
)


def _build_rotate(parameters: Parameters, context: BuildContext) -> str:
    return filter_call(
        "rotate",
        angle=math.radians(float(parameters["degrees"])),
        fillcolor=parameters.get("fill_color", "black"),
    )


ROTATE = EffectDefinition(
    effect_type="rotate",
    name="Rotate",
    description=(
        "Rotates the picture clockwise by an angle inside the same frame size; the "
        "uncovered corners get the fill colour (rotate)."
    ),
    applies_to=MediaKind.VIDEO,
    track_kinds=_VIDEO,
    parameter_schema=object_schema(
        {"degrees": number_schema(-360, 360), "fill_color": COLOR_SCHEMA}, required=("degrees",)
    ),
    ai_hints={
        "degrees": ParameterHint("clockwise angle in degrees", "-15 to 15, or 180", (5, -10, 180)),
        "fill_color": ParameterHint("colour of the uncovered corners", "black", ("black",)),
    },
    examples=({"degrees": 10}, {"degrees": 180, "fill_color": "white"}),
    build=_build_rotate,
)

_FLIPS = {"horizontal": ("hflip",), "vertical": ("vflip",), "both": ("hflip", "vflip")}


def _build_flip(parameters: Parameters, context: BuildContext) -> str:
    return chain(filter_call(name) for name in _FLIPS[parameters["direction"]])


FLIP = EffectDefinition(
    effect_type="flip",
    name="Flip",
    description="Mirrors the picture left-right, upside down, or both (hflip/vflip).",
    applies_to=MediaKind.VIDEO,
    track_kinds=_VIDEO,
    parameter_schema=object_schema({"direction": {"enum": list(_FLIPS)}}, required=("direction",)),
    ai_hints={
        "direction": ParameterHint(
            "horizontal mirrors left-right", "horizontal", ("horizontal", "vertical", "both")
        )
    },
    examples=({"direction": "horizontal"}, {"direction": "both"}),
    build=_build_flip,
)
