"""Where each clip reads its source: the seek, the lead and the sample ranges.

Frame *n* of a source is the instant *n* / ``fps`` of that source (SPEC §9). A clip's
input is opened with ``-ss`` (before ``-i``, accurate seeking on) a *lead* of a few
frames **before** the in-point, never at it. Accurate seeking drops every frame whose
timestamp is below the seek point, and the frame on screen at the in-point may have
started before it: a 25 fps frame from 1.48 s to 1.52 s is the picture at the in-point
1.5 s, and a seek to 1.5 s would drop it and open the clip on the next one. (The seek
offset is also rounded to the stream's time base, so a frame lying exactly on the
in-point is a tick away from being dropped.) With the lead, ``fps`` (``round=near``)
puts every decoded frame on the project's frame grid counted from the seek point, and
``trim=start_pts=lead`` cuts at an exact integer frame of that grid: frame-exact
whatever the source's rate.

:class:`ClipRead` is pure arithmetic on integers and fractions; the chains in
:mod:`.video_chain` and :mod:`.audio_chain` write it into filters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from stoat_ferret.editing.document import Clip, EffectUse
from stoat_ferret.editing.effects import BuildContext
from stoat_ferret.editing.timeline import clip_length, speed_factor
from stoat_ferret.render.settings import SourceMedia

__all__ = ["ClipRead", "effect_context", "plan_read", "samples_at", "skip_for"]

# Two source frames of lead cover a source slower than the project (the picture on
# screen at the in-point may have started up to one source frame earlier).
_LEAD_SOURCE_FRAMES = 2
# Read a little past the out-point so fps and atrim see the end of the range and EOF
# comes from our trims, not from the input's -t.
_TAIL_FRAMES = 2


def samples_at(frame: int, fps: int, sample_rate: int) -> int:
    """The audio sample where project frame ``frame`` begins.

    Every audio length is a difference of these, so the lengths of consecutive clips add
    up to the timeline's positions exactly (no rounding drift along the track).
    """
    return frame * sample_rate // fps


def _lead_frames(source: SourceMedia, fps: int) -> int:
    if source.frame_rate is None or source.frame_rate <= 0:
        return fps  # unknown rate: one second covers any sane source
    return max(_LEAD_SOURCE_FRAMES, math.ceil(_LEAD_SOURCE_FRAMES * fps / source.frame_rate))


@dataclass(frozen=True)
class ClipRead:
    """How one clip reads its source, in project frames unless named otherwise.

    Attributes:
        fps: the project rate.
        factor: the clip's speed (1 without a ``speed`` effect).
        skip: source frames of the clip left out at its start (0 for a render; the
            frame preview skips to just before the frame it shows).
        lead: frames decoded before the first frame used (``trim=start_pts=lead``).
        frames: source frames used (``out_point - in_point - skip``).
        length: the clip's length on the timeline (``clip_length``).
        seek_s: the input's ``-ss``; ``read_s``: its ``-t``.
    """

    fps: int
    factor: Fraction
    skip: int
    lead: int
    frames: int
    length: int
    seek_s: float
    read_s: float

    @property
    def lead_s(self) -> float:
        return self.lead / self.fps


def plan_read(clip: Clip, source: SourceMedia, fps: int, *, skip: int = 0) -> ClipRead:
    """The read plan of ``clip`` (``skip`` source frames left out at its start)."""
    first = clip.in_point + skip
    lead = min(first, _lead_frames(source, fps))
    frames = clip.out_point - first
    return ClipRead(
        fps=fps,
        factor=speed_factor(clip),
        skip=skip,
        lead=lead,
        frames=frames,
        length=clip_length(clip),
        seek_s=(first - lead) / fps,
        read_s=(lead + frames + _TAIL_FRAMES) / fps,
    )


def skip_for(clip: Clip, first_needed: int) -> int:
    """Source frames a preview may skip and still make timeline frame ``first_needed``.

    Under speed, timeline frame *k* shows source frame about *k* x factor; one frame of
    margin keeps the frame ``fps`` picks for *k* inside what is decoded.
    """
    return max(0, math.floor(first_needed * speed_factor(clip)) - 1)


def effect_context(effect: EffectUse, fps: int, length: int) -> BuildContext:
    """The builder context of one effect on a clip ``length`` frames long on the timeline.

    The same context the editing rules validated the effect with, so the filter the
    render uses is the one ``filter_string`` showed.
    """
    window = None
    if effect.start is not None or effect.end is not None:
        window = (effect.start or 0, length if effect.end is None else effect.end)
    return BuildContext(fps=fps, clip_frames=length, window=window)
