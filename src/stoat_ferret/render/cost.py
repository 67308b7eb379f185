"""How much work each stretch of a render is: the cost model behind the render's ETA.

ffmpeg reports how far its *output* has got (``out_time``), and output seconds are not
equally expensive: a second cut from a 1080p source decodes five times the pixels of one
from a 480p source, a clip at 2x speed decodes twice the source frames, a transition
decodes two clips and blends them, and every output frame is encoded at a price that
depends on the preset. An ETA that divides the output seconds left by the recent speed
in output seconds per second is therefore wrong whenever the part still to come is
heavier or lighter than the part behind (31 % off at 50 % in the render benchmark).

:func:`render_work` turns the derived timeline, the sources' probed size and rate and
the encoder settings into a :class:`WorkProfile`: the cumulative work at each output
second, piecewise linear between the timeline's cuts. The progress parser maps
``out_time`` through it to the share of the *work* done and estimates the time left as
the measured wall seconds per unit of work times the work left.

The unit is roughly a millisecond of CPU time of ffmpeg 5.1 on the machine the constants
were measured on (``ffmpeg -benchmark`` on ``testsrc2`` media, 2026-12); only the ratios
between the terms matter, since the rate is measured during the render. The figures are
an estimate, not a promise: x264's cost also depends on the picture's detail and motion,
which no probe tells (``docs/manual/07_rendering-guide.md``, "ETA").
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from stoat_ferret.editing.document import ProjectDocument
from stoat_ferret.editing.effects import MediaKind, get_effect
from stoat_ferret.editing.timeline import DerivedTimeline, speed_factor
from stoat_ferret.render.settings import SourceMedia

__all__ = ["X264_ENCODE_MS_PER_MPIXEL", "WorkProfile", "render_work"]

DECODE_MS_PER_MPIXEL = 2.5
"""Decoding one megapixel of an H.264 source frame: 2.2 for 1080p, 3.4 for 720p with
CABAC and B-frames (a camera's or x264's default), 1.3 for an ultrafast stream."""

SCALE_MS_PER_MPIXEL = 0.5
"""Scaling, per megapixel of the larger of the source and the output frame."""

FILTER_MS_PER_MPIXEL = 0.5
"""One picture effect's pass over an output frame (``drawtext``, ``eq``, ``fade``...)."""

BLEND_MS_PER_MPIXEL = 1.0
"""``xfade`` blending two output frames."""

FRAME_MS = 0.3
"""What every output frame costs whatever its size: graph traversal, muxing, pipes."""

AUDIO_STREAM_MS_PER_S = 3.0
"""Decoding, resampling and filtering one audio stream, per output second."""

AUDIO_ENCODE_MS_PER_S = 10.0
"""Encoding the output's sound, per output second."""

X264_ENCODE_MS_PER_MPIXEL: Mapping[str, float] = {
    "ultrafast": 3.5,
    "superfast": 7.5,
    "veryfast": 14.0,
    "faster": 18.0,
    "fast": 22.0,
    "medium": 26.0,
    "slow": 40.0,
    "slower": 75.0,
    "veryslow": 140.0,
    "placebo": 400.0,
}
"""libx264 at CRF 23 per output megapixel, by preset (placebo extrapolated)."""

_OTHER_ENCODER_MS_PER_MPIXEL = X264_ENCODE_MS_PER_MPIXEL["medium"]
"""Encoders without a table of their own: about x264's default."""


@dataclass(frozen=True, slots=True)
class WorkProfile:
    """Cumulative work at output times: ``work[i]`` units are done at ``times_s[i]``.

    Linear in between (each stretch between two cuts has one cost per second). Both
    tuples have the same length (at least 2), ``times_s`` rises from 0 to the output's
    duration and ``work`` rises from 0.
    """

    times_s: tuple[float, ...]
    work: tuple[float, ...]

    @classmethod
    def uniform(cls, total_s: float) -> WorkProfile:
        """Every output second the same work: the ETA of output seconds per second."""
        return cls((0.0, total_s), (0.0, total_s))

    @property
    def total(self) -> float:
        return self.work[-1]

    def done_at(self, out_time_s: float) -> float:
        """The work done once the output reaches ``out_time_s`` (clamped to the ends)."""
        times = self.times_s
        if out_time_s <= times[0]:
            return 0.0
        if out_time_s >= times[-1]:
            return self.total
        right = bisect.bisect_right(times, out_time_s)
        t0, t1 = times[right - 1], times[right]
        w0, w1 = self.work[right - 1], self.work[right]
        return w0 + (w1 - w0) * (out_time_s - t0) / (t1 - t0)


def _megapixels(width: int | None, height: int | None, fallback: float) -> float:
    if not width or not height or width <= 0 or height <= 0:
        return fallback  # unknown size: as big as the output (scaled to it anyway)
    return width * height / 1e6


def _clip_cost_per_s(
    document: ProjectDocument, clip_index: int, sources: Mapping[str, SourceMedia]
) -> float:
    """A main-track clip's own work per output second (the output's share is apart)."""
    settings = document.settings
    fps = settings.output_fps
    out_mp = settings.output_width * settings.output_height / 1e6
    clip = document.main_track.clips[clip_index]
    source = sources.get(clip.source_id)
    if source is None:
        return 0.0  # render_command refuses it; nothing to estimate
    source_mp = _megapixels(source.width, source.height, out_mp)
    source_rate = float(source.frame_rate) if source.frame_rate else float(fps)
    decoded_per_s = source_rate * float(speed_factor(clip))
    picture_effects = sum(
        1
        for effect in clip.effects
        if get_effect(effect.effect_type).speed_factor is None
        and get_effect(effect.effect_type).applies_to is MediaKind.VIDEO
    )
    cost = decoded_per_s * source_mp * DECODE_MS_PER_MPIXEL
    cost += fps * max(source_mp, out_mp) * SCALE_MS_PER_MPIXEL
    cost += fps * picture_effects * out_mp * FILTER_MS_PER_MPIXEL
    if source.has_audio and not document.main_track.muted:
        cost += AUDIO_STREAM_MS_PER_S
    return cost


def render_work(
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: Mapping[str, SourceMedia],
    *,
    video_codec: str = "libx264",
    preset: str = "medium",
) -> WorkProfile:
    """The work profile of rendering ``document`` (see the module docstring).

    Args:
        document, timeline: the project and ``derive_timeline(document)``.
        sources: the clips' sources by ``source_id`` (size and rate where probed).
        video_codec, preset: the render's encoder settings.
    """
    settings = document.settings
    fps = settings.output_fps
    total = timeline.duration_frames
    if total <= 0:
        return WorkProfile.uniform(1.0)
    out_mp = settings.output_width * settings.output_height / 1e6
    encode = _OTHER_ENCODER_MS_PER_MPIXEL
    if video_codec == "libx264":
        encode = X264_ENCODE_MS_PER_MPIXEL.get(preset, encode)
    # A sweep over the cuts: each stretch [start, end) of frames adds its cost per second.
    steps: dict[int, float] = {0: 0.0, total: 0.0}

    def add(start: int, end: int, per_s: float) -> None:
        if end > start and per_s:
            steps[start] = steps.get(start, 0.0) + per_s
            steps[end] = steps.get(end, 0.0) - per_s

    add(0, total, fps * (FRAME_MS + out_mp * encode) + AUDIO_ENCODE_MS_PER_S)
    main = timeline.tracks[0]
    for index, placed in enumerate(main.clips):
        add(placed.start_frame, placed.end_frame, _clip_cost_per_s(document, index, sources))
    for transition in timeline.transitions:
        add(transition.start_frame, transition.end_frame, fps * out_mp * BLEND_MS_PER_MPIXEL)
    for track, placed_track in zip(document.tracks[1:], timeline.tracks[1:], strict=True):
        if track.muted:
            continue
        for placed in placed_track.clips:
            add(placed.start_frame, placed.end_frame, AUDIO_STREAM_MS_PER_S)
    frames = sorted(frame for frame in steps if 0 <= frame <= total)
    times, work = [0.0], [0.0]
    per_s = 0.0
    for start, end in itertools.pairwise(frames):
        per_s += steps[start]
        times.append(end / fps)
        work.append(work[-1] + max(per_s, 0.0) * (end - start) / fps)
    return WorkProfile(tuple(times), tuple(work))
