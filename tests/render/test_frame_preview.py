"""``frame_command`` shows what the render shows: its JPEG against the decoded output."""

from __future__ import annotations

import pytest

from stoat_ferret.render import RenderRequestError, SourceMedia, frame_command
from tests.render.conftest import Rendered
from tests.render.oracle import Frames, colour_distance, decode_frames, mean_colour, run

BOXES = [
    (0.4, 0.4, 0.6, 0.6),  # the middle
    (0.0, 0.3, 0.1, 0.7),  # where the 4:3 source has its bar
    (0.15, 0.3, 0.3, 0.7),  # inside the 4:3 picture, in the portrait source's bar
    (0.7, 0.1, 0.9, 0.3),
]
# JPEG, a downscale and yuv rounding, on flat colours.
TOLERANCE = 8


def _preview(rendered: Rendered, sources: dict[str, SourceMedia], at: int) -> Frames:
    command = frame_command(rendered.document, rendered.timeline, sources, at, width=160)
    jpeg = run(command.argv)
    assert jpeg[:2] == b"\xff\xd8", "a JPEG on stdout"
    frames = decode_frames("", stdin=jpeg)
    assert frames.shape == (1, command.height, command.width, 3)
    return frames[0]


def _assert_same_picture(preview: Frames, rendered: Frames, at: int) -> None:
    for box in BOXES:
        want, got = mean_colour(rendered, box), mean_colour(preview, box)
        assert colour_distance(got, want) <= TOLERANCE, (at, box, got, want)


# Cuts, in-point edges, bars, inside the crossfade (50-59) and the last frame.
@pytest.mark.parametrize("at", [0, 14, 15, 49, 50, 53, 55, 59, 63, 67, 104, 119, 148])
def test_frame_equals_the_rendered_frame(
    three_clips: Rendered, sources: dict[str, SourceMedia], at: int
) -> None:
    _assert_same_picture(_preview(three_clips, sources, at), three_clips.frames[at], at)


@pytest.mark.parametrize("at", [9, 10, 20, 59, 60, 89])
def test_frame_equals_the_rendered_frame_under_speed(
    speeds: Rendered, sources: dict[str, SourceMedia], at: int
) -> None:
    _assert_same_picture(_preview(speeds, sources, at), speeds.frames[at], at)


def test_frame_past_the_main_track_is_black(
    music: Rendered, sources: dict[str, SourceMedia]
) -> None:
    _assert_same_picture(_preview(music, sources, 70), music.frames[70], 70)
    _assert_same_picture(_preview(music, sources, 59), music.frames[59], 59)


@pytest.mark.parametrize(
    ("at", "width", "field"), [(149, 160, "at"), (-1, 160, "at"), (0, 8, "width")]
)
def test_frames_outside_the_project_are_refused_naming_the_field(
    three_clips: Rendered, sources: dict[str, SourceMedia], at: int, width: int, field: str
) -> None:
    with pytest.raises(RenderRequestError) as caught:
        frame_command(three_clips.document, three_clips.timeline, sources, at, width=width)
    assert caught.value.field == field
