"""The main track: every clip's picture and sound, joined by cuts and transitions.

Consecutive clips without a transition between them form a *segment*, joined with one
``concat`` per stream. Segments are joined, left to right, with ``xfade`` (picture) and
``acrossfade`` (sound) where the document has a transition; each ``xfade``'s ``offset``
is the transition's ``start_frame``, since the stream it extends starts at the
timeline's frame 0.

Two traps of FFmpeg 5.1 (SPEC §10) are handled here: ``xfade`` leaves a one-frame
timestamp hole after the transition (the encoder would duplicate a frame to fill it, and
the audio would be a frame late), so its output is re-timed with ``setpts=N`` on the
project's time base. (The clip chains here already hand ``xfade`` exact integer
timestamps, and the hole has not shown up with them; the re-time keeps it that way
whatever ``xfade`` does with its inputs' ends, and the oracle checks one frame every
1/fps in the output.) And ``concat`` outputs microsecond timestamps, so its picture is
put back on the 1/fps time base (``xfade`` refuses inputs whose time bases differ).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stoat_ferret.editing.document import Clip, ProjectDocument, Transition
from stoat_ferret.editing.filters import filter_call
from stoat_ferret.editing.timeline import ClipPlacement, DerivedTimeline, TransitionPlacement
from stoat_ferret.render.audio_chain import clip_audio, silence
from stoat_ferret.render.builder import GraphBuilder
from stoat_ferret.render.errors import RenderRequestError, SourceMissingError
from stoat_ferret.render.plan import ClipRead, plan_read, samples_at
from stoat_ferret.render.settings import SourceMedia
from stoat_ferret.render.video_chain import clip_video

__all__ = ["MainStreams", "main_track", "retime", "source_of", "xfade"]


@dataclass(frozen=True)
class MainStreams:
    """The main track's picture and sound labels and its length in frames."""

    video: str
    audio: str
    frames: int


def source_of(clip: Clip, sources: Mapping[str, SourceMedia]) -> SourceMedia:
    """The clip's source, or ``SourceMissingError`` naming the clip and the source."""
    try:
        return sources[clip.source_id]
    except KeyError:
        raise SourceMissingError(clip.id, clip.source_id) from None


def video_source_of(clip: Clip, sources: Mapping[str, SourceMedia]) -> SourceMedia:
    """A main-track clip's source, which must have pictures."""
    source = source_of(clip, sources)
    if not source.has_video:
        raise RenderRequestError(
            f"clips[{clip.id}].source_id", "has no video stream; the main track shows pictures"
        )
    return source


def retime(fps: int) -> list[str]:
    """Consecutive timestamps on the 1/fps time base (the fix for ``xfade``'s hole)."""
    return [filter_call("settb", f"1/{fps}"), filter_call("setpts", "N")]


def xfade(transition: Transition, fps: int, offset_frames: int) -> str:
    """The ``xfade`` of a transition starting ``offset_frames`` into its first input."""
    return filter_call(
        "xfade",
        transition=transition.name,
        duration=transition.duration / fps,
        offset=offset_frames / fps,
    )


@dataclass
class _Segment:
    video: list[str]
    audio: list[str]
    joined_by: tuple[Transition, TransitionPlacement] | None


def _concat(builder: GraphBuilder, segment: _Segment, fps: int) -> tuple[str, str]:
    if len(segment.video) == 1:
        return segment.video[0], segment.audio[0]
    count = len(segment.video)
    video = builder.add(
        segment.video,
        [filter_call("concat", n=count, v=1, a=0), filter_call("settb", f"1/{fps}")],
        builder.label("v"),
    )
    audio = builder.add(
        segment.audio, [filter_call("concat", n=count, v=0, a=1)], builder.label("a")
    )
    return video, audio


def clip_streams(
    builder: GraphBuilder,
    document: ProjectDocument,
    clip: Clip,
    placed: ClipPlacement,
    read: ClipRead,
    source: SourceMedia,
) -> tuple[str, str]:
    """Open one main-track clip and add its picture and sound chains."""
    settings = document.settings
    index = builder.add_input(source.path, seek_s=read.seek_s, read_s=read.read_s)
    video = clip_video(builder, clip, read, index, settings)
    rate = settings.sample_rate
    samples = samples_at(placed.end_frame, settings.output_fps, rate) - samples_at(
        placed.start_frame, settings.output_fps, rate
    )
    if source.has_audio and not document.main_track.muted:
        audio = clip_audio(builder, clip, read, index, samples=samples, sample_rate=rate)
    else:
        audio = silence(builder, samples, rate)
    return video, audio


def main_track(
    builder: GraphBuilder,
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: Mapping[str, SourceMedia],
) -> MainStreams | None:
    """Add the whole main track; ``None`` when it has no clips."""
    fps = document.settings.output_fps
    clips = document.main_track.clips
    if not clips:
        return None
    by_id = {t.id: t for t in document.transitions}
    incoming = {t.to_clip_id: (by_id[t.transition_id], t) for t in timeline.transitions}
    segments: list[_Segment] = []
    for clip, placed in zip(clips, timeline.tracks[0].clips, strict=True):
        source = video_source_of(clip, sources)
        read = plan_read(clip, source, fps)
        video, audio = clip_streams(builder, document, clip, placed, read, source)
        joined_by = incoming.get(clip.id)
        if segments and joined_by is None:
            segments[-1].video.append(video)
            segments[-1].audio.append(audio)
        else:
            segments.append(_Segment([video], [audio], joined_by))
    video, audio = _concat(builder, segments[0], fps)
    rate = document.settings.sample_rate
    for segment in segments[1:]:
        assert segment.joined_by is not None
        transition, placed_transition = segment.joined_by
        next_video, next_audio = _concat(builder, segment, fps)
        video = builder.add(
            [video, next_video],
            [xfade(transition, fps, placed_transition.start_frame), *retime(fps)],
            builder.label("v"),
        )
        overlap = samples_at(placed_transition.end_frame, fps, rate) - samples_at(
            placed_transition.start_frame, fps, rate
        )
        audio = builder.add(
            [audio, next_audio],
            [
                filter_call(
                    "acrossfade",
                    ns=overlap,
                    c1=transition.audio_curve,
                    c2=transition.audio_curve,
                )
            ],
            builder.label("a"),
        )
    return MainStreams(video, audio, timeline.tracks[0].clips[-1].end_frame)
