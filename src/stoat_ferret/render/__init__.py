"""Render: a project compiled to one ffmpeg command (SPEC §10), pure.

- :func:`.graph.render_command`: the whole project to one ``filter_complex`` and the
  argv that encodes it, with the frame count and duration the output must have;
- :func:`.frame.frame_command`: one frame of that output as a JPEG (the preview);
- :mod:`.settings`: the values they take (:class:`SourceMedia`, :class:`RenderSettings`)
  and give (:class:`RenderCommand`, :class:`FrameCommand`).

The job that runs the command, its progress and the output's verification are adapters
over these and live elsewhere.
"""

from stoat_ferret.render.errors import EmptyProjectError, RenderRequestError, SourceMissingError
from stoat_ferret.render.frame import frame_command
from stoat_ferret.render.graph import render_command
from stoat_ferret.render.settings import FrameCommand, RenderCommand, RenderSettings, SourceMedia

__all__ = [
    "EmptyProjectError",
    "FrameCommand",
    "RenderCommand",
    "RenderRequestError",
    "RenderSettings",
    "SourceMedia",
    "SourceMissingError",
    "frame_command",
    "render_command",
]
