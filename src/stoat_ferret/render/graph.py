"""A project compiled to one ffmpeg command with one ``filter_complex`` (SPEC §10).

:func:`render_command` is pure: the derived timeline, the document (for effects and
track levels), the clips' sources and the output settings in; the argv out, with the
frame count and duration the output must have. Nothing here touches a file or starts a
process; the render job runs the argv and verifies the output against
``expected_frames``.

The graph, for a project at P frames per second and R samples per second::

    per main-track clip   [N:v:0] fps, trim, setpts, (speed), exact length, fit, effects
                          [N:a:0] aresample, atrim, (atempo), exact length, effects
                          or anullsrc of its length (no sound, or a muted main track)
    main track            concat between cuts, xfade + acrossfade at transitions
    audio tracks          each clip: its chain, adelay to its start, sidechaincompress
                          against the main audio for audio_ducking, the track's volume
    picture               tpad with black when the tracks play past the main track,
                          format=yuv420p
    sound                 amix (normalize=0) of the main audio and the tracks, exactly
                          the project's duration

Every filter string comes from :mod:`stoat_ferret.editing.filters` (directly or through
the effect catalog's builders), so every value is escaped the one way.
"""

from __future__ import annotations

from collections.abc import Mapping

from stoat_ferret.editing.document import ProjectDocument
from stoat_ferret.editing.filters import filter_call
from stoat_ferret.editing.timeline import DerivedTimeline
from stoat_ferret.render.builder import GraphBuilder
from stoat_ferret.render.errors import EmptyProjectError
from stoat_ferret.render.main_track import main_track
from stoat_ferret.render.mix import mix_audio
from stoat_ferret.render.settings import RenderCommand, RenderSettings, SourceMedia

__all__ = ["MUXERS", "black", "ffmpeg_prelude", "render_command"]

MUXERS: Mapping[str, str] = {"mkv": "matroska"}
"""Containers whose muxer has another name; any other container is its muxer's name."""

_FASTSTART = frozenset({"mp4", "mov"})


def ffmpeg_prelude(ffmpeg: str, *, overwrite: bool | None) -> list[str]:
    """The global options every command starts with (no stdin, errors only on stderr)."""
    argv = [ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error"]
    if overwrite is not None:
        argv.append("-y" if overwrite else "-n")
    return argv


def black(builder: GraphBuilder, document: ProjectDocument, frames: int) -> str:
    """Add ``frames`` frames of black at the project's size and rate; returns the label."""
    settings = document.settings
    size = f"{settings.output_width}x{settings.output_height}"
    filters = [
        filter_call("color", color="black", size=size, rate=settings.output_fps),
        filter_call("trim", end_frame=frames),
        filter_call("setsar", "1"),
    ]
    return builder.add([], filters, builder.label("v"))


def _output_args(document: ProjectDocument, settings: RenderSettings) -> list[str]:
    project = document.settings
    args = [
        *("-r", str(project.output_fps)),
        *("-c:v", settings.video_codec, "-crf", str(settings.crf), "-preset", settings.preset),
        *("-c:a", settings.audio_codec, "-ar", str(project.sample_rate), "-ac", "2"),
    ]
    if settings.container in _FASTSTART:
        args += ["-movflags", "+faststart"]
    args += ["-progress", "pipe:1", "-nostats"]
    muxer = MUXERS.get(settings.container, settings.container)
    return [*args, "-f", muxer, f"file:{settings.output_path}"]


def render_command(
    document: ProjectDocument,
    timeline: DerivedTimeline,
    sources: Mapping[str, SourceMedia],
    settings: RenderSettings,
    *,
    ffmpeg: str = "ffmpeg",
) -> RenderCommand:
    """The ffmpeg command that renders the whole project.

    Args:
        document: the (valid) project; its clips' effects and tracks' levels are used.
        timeline: ``derive_timeline(document)`` (what ``validate_document`` returns).
        sources: every clip's source by ``source_id``.
        settings: the output file and its codecs.
        ffmpeg: the executable (``STOAT_FFMPEG_PATH``).

    Raises:
        EmptyProjectError: no track plays anything.
        SourceMissingError: a clip's source is not in ``sources``.
        RenderRequestError: a main-track clip's source has no pictures.
    """
    total = timeline.duration_frames
    if total == 0:
        raise EmptyProjectError()
    builder = GraphBuilder()
    main = main_track(builder, document, timeline, sources)
    if main is None:
        picture = black(builder, document, total)
    elif main.frames < total:
        # The audio tracks play past the main track: the picture holds black until then.
        pad = filter_call("tpad", stop_mode="add", stop=total - main.frames, color="black")
        picture = builder.add([main.video], [pad], builder.label("v"))
    else:
        picture = main.video
    video_out = builder.add([picture], [filter_call("format", "yuv420p")], "vout")
    audio_out = mix_audio(
        builder, document, timeline, sources, None if main is None else main.audio
    )
    graph = builder.filter_complex()
    argv = [
        *ffmpeg_prelude(ffmpeg, overwrite=settings.overwrite),
        *builder.input_args(),
        *("-filter_complex", graph),
        *("-map", f"[{video_out}]", "-map", f"[{audio_out}]"),
        *_output_args(document, settings),
    ]
    return RenderCommand(
        argv=tuple(argv),
        filter_complex=graph,
        expected_frames=total,
        expected_duration_s=timeline.duration_s,
    )
