"""``text_overlay``: user text drawn with ``drawtext``, literally, with optional fades."""

from __future__ import annotations

import re

from stoat_ferret.editing.effects.catalog import (
    COLOR_SCHEMA,
    BuildContext,
    EffectDefinition,
    MediaKind,
    ParameterHint,
    Parameters,
    frames_schema,
    object_schema,
    window_options,
)
from stoat_ferret.editing.errors import EffectParameterError
from stoat_ferret.editing.filters import FilterValue, drawtext_text, format_number

__all__ = ["TEXT_OVERLAY", "check_position_expression"]

POSITIONS: dict[str, tuple[str, str]] = {
    "center": ("(w-text_w)/2", "(h-text_h)/2"),
    "top": ("(w-text_w)/2", "h*0.05"),
    "bottom": ("(w-text_w)/2", "h*0.95-text_h"),
    "top_left": ("w*0.05", "h*0.05"),
    "top_right": ("w*0.95-text_w", "h*0.05"),
    "bottom_left": ("w*0.05", "h*0.95-text_h"),
    "bottom_right": ("w*0.95-text_w", "h*0.95-text_h"),
}

# drawtext's x/y expressions may use these names (FFmpeg's drawtext and expression docs);
# anything else is refused here with the parameter named, instead of failing in ffmpeg.
_CONSTANTS = frozenset(
    [
        "w",
        "h",
        "W",
        "H",
        "main_w",
        "main_h",
        "text_w",
        "text_h",
        "tw",
        "th",
        "line_h",
        "lh",
        "ascent",
        "descent",
        "max_glyph_a",
        "max_glyph_d",
        "max_glyph_h",
        "max_glyph_w",
        "n",
        "t",
        "x",
        "y",
        "sar",
        "dar",
        "hsub",
        "vsub",
        "PI",
        "E",
        "PHI",
    ]
)
_FUNCTIONS = frozenset(
    [
        "abs",
        "min",
        "max",
        "if",
        "ifnot",
        "between",
        "clip",
        "lt",
        "lte",
        "gt",
        "gte",
        "eq",
        "mod",
        "sin",
        "cos",
        "tan",
        "sqrt",
        "floor",
        "ceil",
        "round",
        "trunc",
        "pow",
        "exp",
        "log",
        "not",
    ]
)
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/^(),]))")


def check_position_expression(field: str, expression: str) -> None:
    """Refuse an x/y expression that FFmpeg would not evaluate, naming ``field``.

    Not a full parser: it checks the alphabet, the names and the parentheses, which is
    where hand-written expressions go wrong; ffmpeg remains the final judge.
    """
    depth, position, previous = 0, 0, ""
    while position < len(expression.rstrip()):
        match = _TOKEN.match(expression, position)
        if match is None:
            raise EffectParameterError(field, f"unexpected character at {position + 1}")
        number, name, operator = match.groups()
        if name is not None:
            if name in _FUNCTIONS:
                if not expression[match.end() :].lstrip().startswith("("):
                    raise EffectParameterError(field, f"function {name} needs parentheses")
            elif name not in _CONSTANTS:
                raise EffectParameterError(field, f"unknown name {name!r} in the expression")
        if operator == "(":
            depth += 1
        elif operator == ")":
            depth -= 1
            if depth < 0 or previous == "(":
                raise EffectParameterError(field, "unbalanced or empty parentheses")
        previous = operator or number or name or ""
        position = match.end()
    if depth != 0:
        raise EffectParameterError(field, "unbalanced parentheses")


def _check(parameters: Parameters, context: BuildContext) -> None:
    for axis in ("x", "y"):
        if axis in parameters:
            check_position_expression(f"parameters.{axis}", parameters[axis])
    fades = int(parameters.get("fade_in", 0)) + int(parameters.get("fade_out", 0))
    if fades > context.clip_frames:
        raise EffectParameterError(
            "parameters.fade_out",
            f"fade_in + fade_out ({fades} frames) is longer than the clip "
            f"({context.clip_frames} frames)",
        )


def _alpha(parameters: Parameters, context: BuildContext) -> str | None:
    fade_in = context.seconds(int(parameters.get("fade_in", 0)))
    fade_out = context.seconds(int(parameters.get("fade_out", 0)))
    if not fade_in and not fade_out:
        return None
    expression = "1"
    if fade_out:
        end = format_number(context.seconds(context.clip_frames))
        expression = f"if(gt(t,{end}-{format_number(fade_out)}),"
        expression += f"max(0,({end}-t)/{format_number(fade_out)}),1)"
    if fade_in:
        expression = f"if(lt(t,{format_number(fade_in)}),t/{format_number(fade_in)},{expression})"
    return expression


def _build(parameters: Parameters, context: BuildContext) -> str:
    preset_x, preset_y = POSITIONS[parameters.get("position", "bottom")]
    options: dict[str, FilterValue] = {
        "fontfile": context.font_file,
        "fontsize": int(parameters.get("font_size", 48)),
        "fontcolor": parameters.get("color", "white"),
        "x": parameters.get("x", preset_x),
        "y": parameters.get("y", preset_y),
    }
    if parameters.get("box", False):
        options |= {"box": True, "boxcolor": parameters.get("box_color", "black@0.5")}
        options["boxborderw"] = max(2, int(parameters.get("font_size", 48)) // 5)
    alpha = _alpha(parameters, context)
    if alpha is not None:
        options["alpha"] = alpha
    return drawtext_text(parameters["text"], **options, **window_options(context))


_EXPRESSION = {"type": "string", "minLength": 1, "maxLength": 200}

TEXT_OVERLAY = EffectDefinition(
    effect_type="text_overlay",
    name="Text overlay",
    description=(
        "Draws text over the video, exactly as typed (no % expansion), at a preset "
        "position or at x/y expressions, optionally on a box and fading in and out."
    ),
    applies_to=MediaKind.VIDEO,
    track_kinds=frozenset({MediaKind.VIDEO}),
    parameter_schema=object_schema(
        {
            "text": {
                "type": "string",
                "minLength": 1,
                "maxLength": 1000,
                # NUL cannot travel in argv; lone surrogates cannot be encoded as UTF-8.
                "pattern": "^[^\\x00\\ud800-\\udfff]*$",
                "description": "text without NUL characters or unpaired surrogates",
            },
            "font_size": {"type": "integer", "minimum": 8, "maximum": 400},
            "color": COLOR_SCHEMA,
            "position": {"enum": sorted(POSITIONS)},
            "x": _EXPRESSION,
            "y": _EXPRESSION,
            "box": {"type": "boolean"},
            "box_color": COLOR_SCHEMA,
            "fade_in": frames_schema(),
            "fade_out": frames_schema(),
        },
        required=("text",),
    ),
    ai_hints={
        "text": ParameterHint(
            "the text to draw; drawn literally, newlines start new lines",
            "a title or caption of a few words",
            ("Hello", "Chapter 1: it's 50% done", "first line\nsecond line"),
        ),
        "font_size": ParameterHint(
            "glyph height in output pixels", "24-96 for 1080p", (24, 48, 96)
        ),
        "color": ParameterHint(
            "text colour", "white or yellow; #RRGGBB", ("white", "yellow", "#FF8800@0.8")
        ),
        "position": ParameterHint(
            "where the text goes when x/y are not given",
            "bottom for captions, center for titles",
            ("bottom", "center", "top_left"),
        ),
        "x": ParameterHint(
            "horizontal position expression (w: frame width, text_w: text width)",
            "(w-text_w)/2 to centre",
            ("(w-text_w)/2", "20", "w-text_w-20"),
        ),
        "y": ParameterHint(
            "vertical position expression (h: frame height, text_h: text height)",
            "h-text_h-20 near the bottom",
            ("(h-text_h)/2", "20", "h-text_h-20"),
        ),
        "box": ParameterHint("draw a box behind the text", "true for readability", (True, False)),
        "box_color": ParameterHint(
            "the box's colour and opacity", "black@0.5", ("black@0.5", "#000000@0.8")
        ),
        "fade_in": ParameterHint(
            "frames over which the text fades in from the clip's start", "0-30", (0, 10)
        ),
        "fade_out": ParameterHint(
            "frames over which the text fades out before the clip's end", "0-30", (0, 10)
        ),
    },
    examples=(
        {"text": "Hello, world", "font_size": 48, "position": "center"},
        {"text": "Caption: it's 100% literal", "box": True, "box_color": "black@0.6"},
        {"text": "Title", "x": "20", "y": "h-text_h-20", "color": "yellow", "fade_in": 5},
        {"text": "Goodbye", "position": "bottom", "fade_in": 3, "fade_out": 3},
    ),
    build=_build,
    check=_check,
    supports_window=True,
)
