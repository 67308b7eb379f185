"""One frame of the rendered output, for the preview (SPEC §9 ``GET .../frame``).

:func:`frame_command` uses the render's own builders (:mod:`.video_chain`,
:func:`.main_track.xfade`, the same re-timing and fit) on only the main-track clips that
are on screen at frame ``at``, seeking each input close to it: the clip is read from a
frame or so before ``at`` (``skip``), its timestamps stay the clip's timeline frames, so
fades, windows and the text overlay's alpha see the instants they see in the render.
Inside a transition both clips are read from the transition's start and crossed by the
same ``xfade`` with offset 0, which gives the same progress as the render's offset into
the whole track. Past the main track (music playing on) the picture is black.

Only the picture is built: audio does not change a frame.
"""

from __future__ import annotations

from collections.abc import Mapping

from stoat_ferret.editing.document import Clip, ProjectDocument
from stoat_ferret.editing.filters import filter_call
from stoat_ferret.editing.timeline import ClipPlacement, DerivedTimeline
from stoat_ferret.render.builder import GraphBuilder
from stoat_ferret.render.errors import RenderRequestError
from stoat_ferret.render.graph import black, ffmpeg_prelude
from stoat_ferret.render.main_track import retime, video_source_of, xfade
from stoat_ferret.render.plan import plan_read, skip_for
from stoat_ferret.render.settings import FrameCommand, SourceMedia
from stoat_ferret.render.video_chain import clip_video

__all__ = ["MAX_FRAME_WIDTH", "MIN_FRAME_WIDTH", "frame_command"]

MIN_FRAME_WIDTH, MAX_FRAME_WIDTH = 16, 7680
# mjpeg's quality scale (2 is best, 31 worst); 3 is visually lossless for a preview.
_JPEG_QUALITY = 3


def _clip_from(
    builder: GraphBuilder,
    document: ProjectDocument,
    clip: Clip,
    sources: Mapping[str, SourceMedia],
    first: int,
) -> str:
    """The clip's picture from its timeline frame ``first`` on, re-based to 0."""
    fps = document.settings.output_fps
    source = video_source_of(clip, sources)
    read = plan_read(clip, source, fps, skip=skip_for(clip, first))
    index = builder.add_input(source.path, seek_s=read.seek_s, read_s=read.read_s)
    label = clip_video(builder, clip, read, index, document.settings)
    rebase = [filter_call("trim", start_pts=first), filter_call("setpts", "PTS-STARTPTS")]
    return builder.add([label], rebase, builder.label("v"))


def _on_screen(
    document: ProjectDocument, timeline: DerivedTimeline, at: int
) -> list[tuple[Clip, ClipPlacement]]:
    pairs = zip(document.main_track.clips, timeline.tracks[0].clips, strict=True)
    return [(clip, placed) for clip, placed in pairs if placed.start_frame <= at < placed.end_frame]


def _picture_at(
    builder: GraphBuilder,
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: Mapping[str, SourceMedia],
    at: int,
) -> str:
    """A stream whose first frame is the render's frame ``at`` at the project size."""
    fps = document.settings.output_fps
    on_screen = _on_screen(document, timeline, at)
    if not on_screen:
        return black(builder, document, 1)
    if len(on_screen) == 1:
        clip, placed = on_screen[0]
        return _clip_from(builder, document, clip, sources, at - placed.start_frame)
    (first_clip, first_placed), (second_clip, _) = on_screen
    placed_transition = next(t for t in timeline.transitions if t.to_clip_id == second_clip.id)
    transition = next(t for t in document.transitions if t.id == placed_transition.transition_id)
    start = placed_transition.start_frame
    outgoing = _clip_from(builder, document, first_clip, sources, start - first_placed.start_frame)
    incoming = _clip_from(builder, document, second_clip, sources, 0)
    filters = [
        xfade(transition, fps, 0),
        *retime(fps),
        filter_call("trim", start_pts=at - start),
        filter_call("setpts", "PTS-STARTPTS"),
    ]
    return builder.add([outgoing, incoming], filters, builder.label("v"))


def frame_height(document: ProjectDocument, width: int) -> int:
    """The JPEG's height for ``width``: the project's aspect ratio, at least 2, even."""
    settings = document.settings
    return max(2, round(width * settings.output_height / settings.output_width / 2) * 2)


def frame_command(
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: Mapping[str, SourceMedia],
    at: int,
    *,
    width: int = 640,
    ffmpeg: str = "ffmpeg",
) -> FrameCommand:
    """The ffmpeg command that writes the render's frame ``at`` as one JPEG to stdout.

    Raises:
        RenderRequestError: on ``at`` outside ``0 <= at < duration_frames`` or ``width``
            outside 16..7680 (the API answers 422 naming it).
        SourceMissingError: a clip on screen has no source in ``sources``.
    """
    total = timeline.duration_frames
    if isinstance(at, bool) or not isinstance(at, int) or not 0 <= at < total:
        raise RenderRequestError("at", f"{at!r} is not a frame of the project (0..{total - 1})")
    if isinstance(width, bool) or not isinstance(width, int):
        raise RenderRequestError("width", "must be an integer")
    if not MIN_FRAME_WIDTH <= width <= MAX_FRAME_WIDTH:
        raise RenderRequestError(
            "width", f"{width} is outside {MIN_FRAME_WIDTH}..{MAX_FRAME_WIDTH}"
        )
    builder = GraphBuilder()
    picture = _picture_at(builder, document, timeline, sources, at)
    height = frame_height(document, width)
    out = builder.add(
        [picture],
        [filter_call("format", "yuv420p"), filter_call("scale", w=width, h=height)],
        "frame",
    )
    graph = builder.filter_complex()
    argv = [
        *ffmpeg_prelude(ffmpeg, overwrite=None),
        *builder.input_args(),
        *("-filter_complex", graph, "-map", f"[{out}]", "-frames:v", "1"),
        *("-f", "image2pipe", "-c:v", "mjpeg", "-q:v", str(_JPEG_QUALITY), "pipe:1"),
    ]
    return FrameCommand(tuple(argv), graph, at, width, height)
