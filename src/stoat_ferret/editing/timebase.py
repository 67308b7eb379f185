"""The editor's one unit of time: integer frames at the project's ``output_fps``.

Frame *n* of any source is the instant *n* / ``output_fps`` of that source, whatever the
source's own frame rate (SPEC §9). Seconds exist only for people (``*_s`` fields) and
for filter options that want seconds.
"""

from __future__ import annotations

import math

__all__ = ["frames_to_seconds", "source_frames"]

# A probed duration such as 0.9999999 s means one second; without this slack (a ten
# thousandth of a frame, microseconds) a clip would lose its last frame to rounding noise.
_SLACK_FRAMES = 1e-4


def frames_to_seconds(frames: int, fps: int) -> float:
    """The instant of frame ``frames`` (or the length of that many frames) in seconds."""
    return frames / fps


def source_frames(duration_s: float, fps: int) -> int:
    """How many whole project frames a source of ``duration_s`` seconds holds.

    ``out_point`` (exclusive) ends at ``out_point / fps``, which may not be later than the
    source's end, so a last partial frame does not count.
    """
    if duration_s <= 0 or not math.isfinite(duration_s):
        return 0
    return math.floor(duration_s * fps + _SLACK_FRAMES)
