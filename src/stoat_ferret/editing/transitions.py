"""The names a transition may use: the ``xfade`` transitions of the local ffmpeg.

:data:`XFADE_TRANSITIONS` is FFmpeg 5.1's list (Debian 12's ffmpeg), the default the
rules check against; :func:`parse_xfade_transitions` reads the list out of
``ffmpeg -hide_banner -h filter=xfade`` so an adapter can offer what the installed ffmpeg
really has (``GET /api/v1/transitions``).
"""

from __future__ import annotations

import re

__all__ = ["XFADE_TRANSITIONS", "parse_xfade_transitions"]

_XFADE_5_1 = (
    "fade wipeleft wiperight wipeup wipedown slideleft slideright slideup slidedown "
    "circlecrop rectcrop distance fadeblack fadewhite radial smoothleft smoothright "
    "smoothup smoothdown circleopen circleclose vertopen vertclose horzopen horzclose "
    "dissolve pixelize diagtl diagtr diagbl diagbr hlslice hrslice vuslice vdslice hblur "
    "fadegrays wipetl wipetr wipebl wipebr squeezeh squeezev zoomin fadefast fadeslow"
)
XFADE_TRANSITIONS: dict[str, str] = {name: f"{name} transition" for name in _XFADE_5_1.split()}
"""Name to description; ``custom`` is left out: it needs an expression the API does not take."""

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
