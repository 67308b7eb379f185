"""
The names a transition may use: the ``xfade`` transitions of the local ffmpeg.

:data:`XFADE_TRANSITIONS` is FFmpeg 5.1's list (Debian 12's ffmpeg), the default the
rules check against; :func:`parse_xfade_transitions` reads the list out of
``ffmpeg -hide_banner -h filter=xfade`` so an adapter can offer what the installed ffmpeg
really has (``GET /api/v1/transitions``), and :func:`describe_transition` gives each name
a sentence for people (ffmpeg's own help only says "wipeleft transition").
"""

from __future__ import annotations

import re

__all__ = ["XFADE_TRANSITIONS", "describe_transition", "parse_xfade_transitions"]

_DESCRIPTIONS: dict[str, str] = {
    "fade": "Cross-dissolve: the first clip fades into the second.",
    "wipeleft": "The second clip wipes in from the right edge towards the left.",
    "wiperight": "The second clip wipes in from the left edge towards the right.",
    "wipeup": "The second clip wipes in from the bottom upwards.",
    "wipedown": "The second clip wipes in from the top downwards.",
    "slideleft": "The first clip slides out to the left, pushed by the second.",
    "slideright": "The first clip slides out to the right, pushed by the second.",
    "slideup": "The first clip slides up and out, pushed by the second.",
    "slidedown": "The first clip slides down and out, pushed by the second.",
    "circlecrop": "The picture closes to a circle and opens again on the second clip.",
    "rectcrop": "The picture closes to a rectangle and opens again on the second clip.",
    "distance": "Pixels change by their colour distance, a dissolve with a grainy middle.",
    "fadeblack": "Fade through black: out to black, then in to the second clip.",
    "fadewhite": "Fade through white: out to white, then in to the second clip.",
    "radial": "A clock hand sweeps around the centre and reveals the second clip.",
    "smoothleft": "A soft-edged wipe moving to the left.",
    "smoothright": "A soft-edged wipe moving to the right.",
    "smoothup": "A soft-edged wipe moving upwards.",
    "smoothdown": "A soft-edged wipe moving downwards.",
    "circleopen": "A circle grows from the centre and reveals the second clip.",
    "circleclose": "A circle shrinks to the centre, leaving the second clip outside it.",
    "vertopen": "Two vertical doors open from the centre onto the second clip.",
    "vertclose": "Two vertical doors close from the sides onto the second clip.",
    "horzopen": "Two horizontal doors open from the centre onto the second clip.",
    "horzclose": "Two horizontal doors close from top and bottom onto the second clip.",
    "dissolve": "Random pixels switch to the second clip until none of the first is left.",
    "pixelize": "The picture breaks into growing blocks and resolves into the second clip.",
    "diagtl": "A diagonal wipe from the top-left corner.",
    "diagtr": "A diagonal wipe from the top-right corner.",
    "diagbl": "A diagonal wipe from the bottom-left corner.",
    "diagbr": "A diagonal wipe from the bottom-right corner.",
    "hlslice": "Horizontal slices wipe in from the left.",
    "hrslice": "Horizontal slices wipe in from the right.",
    "vuslice": "Vertical slices wipe in from below.",
    "vdslice": "Vertical slices wipe in from above.",
    "hblur": "A horizontal blur smears the first clip into the second.",
    "fadegrays": "Fade through greyscale: colour drains out, then the second clip's returns.",
    "wipetl": "A wipe from the top-left corner, growing as a rectangle.",
    "wipetr": "A wipe from the top-right corner, growing as a rectangle.",
    "wipebl": "A wipe from the bottom-left corner, growing as a rectangle.",
    "wipebr": "A wipe from the bottom-right corner, growing as a rectangle.",
    "squeezeh": "The first clip is squeezed horizontally to reveal the second.",
    "squeezev": "The first clip is squeezed vertically to reveal the second.",
    "zoomin": "The first clip zooms in and dissolves into the second.",
    "fadefast": "A cross-dissolve whose brightness changes faster than a plain fade.",
    "fadeslow": "A cross-dissolve whose brightness changes slower than a plain fade.",
}

XFADE_TRANSITIONS: dict[str, str] = dict(_DESCRIPTIONS)
"""FFmpeg 5.1's names, each with its description; ``custom`` is left out: it needs an
expression the API does not take."""


def describe_transition(name: str) -> str:
    """A sentence about the transition ``name``; a generic one for names newer than 5.1."""
    return _DESCRIPTIONS.get(name, f"The {name!r} transition of this ffmpeg's xfade filter.")


# An option-value line of ffmpeg's filter help: "     fade   0   ..FV....... fade transition"
_VALUE_LINE = re.compile(r"^\s{4,}(\w+)\s+-?\d+\s+[.\w]{11}\s+(.*)$")


def parse_xfade_transitions(help_text: str) -> dict[str, str]:
    """The ``transition`` values listed in ``ffmpeg -h filter=xfade`` output."""
    names: dict[str, str] = {}
    inside = False
    for line in help_text.splitlines():
        stripped = line.strip()
        if stripped.startswith("transition "):
            inside = True
            continue
        if inside:
            match = _VALUE_LINE.match(line)
            if match is None:
                break
            if match.group(1) != "custom":
                names[match.group(1)] = match.group(2).strip()
    return names
