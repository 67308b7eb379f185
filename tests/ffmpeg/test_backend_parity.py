"""The parity suite: the PyAV backend must answer exactly like the ffprobe reference.

Every clip in the corpus is probed and thumbnailed by both backends. Metadata must
be identical (duration within 1 ms, every other field equal); thumbnails must be
valid JPEGs of the same size showing the same frame; every bad file must fail in
both with the same error type, naming the file, with a non-empty reason. The corpus
includes H.264 with B-frames in open GOPs; where ffmpeg's input seek cannot decode a
leading B-frame, the backends may show neighbouring frames: ``ONE_FRAME_APART`` lists
those clips, and there the two frames must still be at most one frame apart and both
at the thumbnail time.

Sound files (``AUDIO_CORPUS``: one per audio extension the scan indexes) are probed
as ``media_type="audio"`` by both backends and must agree the same way, except for
MP3 (``GAPLESS_DURATION``): the ffprobe here (libavformat 59) counts the encoder's
padding in the duration, the newer libavformat PyAV bundles does not. A file whose
encoder the local ffmpeg lacks is not skipped: its test id says so and the test
proves the encoder is missing.
``STOAT_PROBE_BACKEND=auto`` relies on this suite to pick PyAV.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import av
import pytest
from PIL import Image, ImageChops, ImageStat

from stoat_ferret.errors import FFprobeError, ThumbnailError
from stoat_ferret.ffmpeg import (
    FFprobeBackend,
    ProbeBackend,
    PyAVBackend,
    VideoMetadata,
    thumbnail_at_s,
)
from tests.ffmpeg.conftest import (
    AUDIO_CORPUS,
    CORPUS,
    ENCODERS,
    audio_params,
    release_fifo,
)
from tests.support.media import MediaGenerationError, ffmpeg_encoders, make_audio_only
from tests.support.protocols import signature_mismatches

ONE_FRAME_APART = {
    # ffmpeg's seek before -i lands on the keyframe at 0.333 s and cannot decode the
    # open-GOP B-frame shown at the 0.3 s target, so it shows the keyframe; PyAV decodes
    # from the previous GOP and shows the 0.3 s frame itself. Both are the frame at
    # the thumbnail time to within one frame, which is what SPEC §3 asks.
    "h264_bframes_leading_b_mp4",
}
"""Clips whose thumbnails may legitimately differ by one frame between the backends."""

THUMBNAIL_CASES = list(CORPUS)

GAPLESS_DURATION = {"mp3"}
"""Sound files whose duration (and so bit rate) differs between libavformat versions."""

WINDOW_S = 0.2
"""Frames this close to the thumbnail timestamp are candidates for "which frame"."""


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    stat = ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB")))
    return sum(stat.mean) / len(stat.mean)


def shown_frame_s(path: Path, thumb: Image.Image, around_s: float) -> float:
    """Time of the source frame the thumbnail shows, among frames near ``around_s``.

    testsrc2 changes every frame, so the closest decoded frame is the one shown.
    The two backends scale differently (swscale vs. Pillow's input), so comparing
    the thumbnails with each other would need a loose threshold; comparing each
    with the source frames does not.
    """
    distances: dict[float, float] = {}
    with av.open(str(path)) as container:
        # Thumbnail times count from the container's start (MPEG-TS starts at 1.4 s).
        start_s = (container.start_time or 0) / 1_000_000
        for frame in container.decode(video=0):
            time_s = frame.time - start_s
            if time_s > around_s + WINDOW_S:
                break
            if time_s >= around_s - WINDOW_S or not distances:
                image = frame.to_image(width=thumb.width, height=thumb.height)
                distances[round(time_s, 4)] = mean_difference(thumb, image)
    return min(distances, key=lambda t: distances[t])


@pytest.fixture(params=["ffprobe", "pyav"])
def backend(
    request: pytest.FixtureRequest, ffprobe_backend: FFprobeBackend, pyav_backend: PyAVBackend
) -> ProbeBackend:
    return ffprobe_backend if request.param == "ffprobe" else pyav_backend


def without_duration(meta: VideoMetadata) -> VideoMetadata:
    return dataclasses.replace(meta, duration_s=0.0)


@pytest.mark.parametrize("name", list(CORPUS))
async def test_same_metadata(
    name: str,
    corpus_files: dict[str, Path],
    ffprobe_backend: FFprobeBackend,
    pyav_backend: PyAVBackend,
) -> None:
    path = corpus_files[name]

    reference = await ffprobe_backend.probe(path, timeout_s=30)
    candidate = await pyav_backend.probe(path, timeout_s=30)

    assert candidate.duration_s == pytest.approx(reference.duration_s, abs=0.001)
    assert without_duration(candidate) == without_duration(reference)


@pytest.mark.parametrize("name", THUMBNAIL_CASES)
async def test_same_thumbnail(
    name: str,
    corpus_files: dict[str, Path],
    ffprobe_backend: FFprobeBackend,
    pyav_backend: PyAVBackend,
    tmp_path: Path,
) -> None:
    path = corpus_files[name]
    duration_s = CORPUS[name].duration_s
    by_ffmpeg = tmp_path / "ffmpeg.jpg"
    by_pyav = tmp_path / "pyav.jpg"

    await ffprobe_backend.thumbnail(path, by_ffmpeg, duration_s=duration_s, timeout_s=30)
    await pyav_backend.thumbnail(path, by_pyav, duration_s=duration_s, timeout_s=30)

    reference = Image.open(by_ffmpeg)
    candidate = Image.open(by_pyav)
    reference.load()
    candidate.load()
    assert candidate.format == reference.format == "JPEG"
    assert candidate.size == reference.size
    assert candidate.width == 320
    at_s = thumbnail_at_s(duration_s)
    frame_s = 1 / CORPUS[name].frame_rate + 0.001
    shown_s = shown_frame_s(path, reference, at_s)
    shown_by_pyav_s = shown_frame_s(path, candidate, at_s)
    if name in ONE_FRAME_APART:
        assert abs(shown_by_pyav_s - shown_s) <= frame_s
    else:
        assert shown_by_pyav_s == shown_s
    # ...and each is the frame at the thumbnail time, not merely the same wrong one.
    assert abs(shown_s - at_s) <= frame_s
    assert abs(shown_by_pyav_s - at_s) <= frame_s


@pytest.mark.parametrize("case", ["zero_byte", "random_bytes", "text", "audio_only", "truncated"])
async def test_bad_files_fail_the_same_way(
    case: str,
    bad_files: dict[str, Path],
    ffprobe_backend: FFprobeBackend,
    pyav_backend: PyAVBackend,
) -> None:
    path = bad_files[case]
    errors = []
    for backend in (ffprobe_backend, pyav_backend):
        with pytest.raises(FFprobeError) as caught:
            await backend.probe(path, timeout_s=30)
        errors.append(caught.value)

    for error in errors:
        assert error.path == str(path)
        assert str(path) in str(error)
        assert error.reason.strip()
    # Same libav underneath, same words: the reasons match exactly.
    assert errors[1].reason == errors[0].reason


async def test_cover_art_only_file_is_rejected_by_both(
    cover_art_file: Path, backend: ProbeBackend
) -> None:
    with pytest.raises(FFprobeError, match="no video stream"):
        await backend.probe(cover_art_file, timeout_s=30)


@pytest.mark.parametrize("case", ["zero_byte", "random_bytes", "text", "audio_only", "truncated"])
async def test_bad_files_get_no_thumbnail(
    case: str, bad_files: dict[str, Path], backend: ProbeBackend, tmp_path: Path
) -> None:
    path = bad_files[case]
    dest = tmp_path / "t.jpg"

    with pytest.raises(ThumbnailError) as caught:
        await backend.thumbnail(path, dest, duration_s=1.0, timeout_s=30)

    assert caught.value.path == str(path)
    assert caught.value.reason.strip()
    assert not dest.exists()


async def test_missing_file_fails_the_same_way(
    tmp_path: Path, ffprobe_backend: FFprobeBackend, pyav_backend: PyAVBackend
) -> None:
    missing = tmp_path / "gone.mp4"
    reasons = []
    for backend in (ffprobe_backend, pyav_backend):
        with pytest.raises(FFprobeError) as caught:
            await backend.probe(missing, timeout_s=30)
        reasons.append(caught.value.reason)

    assert reasons[0] == reasons[1] == "No such file or directory"


async def test_a_stalled_file_times_out_in_both(fifo_video: Path, backend: ProbeBackend) -> None:
    # Opening a FIFO blocks like a read from a dead network mount does.
    with pytest.raises(FFprobeError, match=r"timed out after 0\.3 s") as caught:
        await backend.probe(fifo_video, timeout_s=0.3)

    assert caught.value.path == str(fifo_video)
    release_fifo(fifo_video)


async def test_both_backends_satisfy_the_protocol(
    ffprobe_backend: FFprobeBackend, pyav_backend: PyAVBackend
) -> None:
    # Member by member, not isinstance (which only checks that the names exist).
    assert signature_mismatches(FFprobeBackend, ProbeBackend) == []
    assert signature_mismatches(PyAVBackend, ProbeBackend) == []
    assert {ffprobe_backend.name, pyav_backend.name} == {"ffprobe", "pyav"}


def audio_file(name: str, audio_files: dict[str, Path], tmp_path: Path) -> Path | None:
    """The generated file, or None after proving that ffmpeg cannot encode it here."""
    if name in audio_files:
        return audio_files[name]
    encoder = AUDIO_CORPUS[name].encoder
    assert encoder not in ENCODERS and encoder not in ffmpeg_encoders()
    with pytest.raises(MediaGenerationError, match=re.escape(encoder)):
        make_audio_only(tmp_path / AUDIO_CORPUS[name].filename, acodec=encoder)
    return None


def libavformat_major(ffprobe_path: str) -> int:
    version = subprocess.run(
        [ffprobe_path, "-hide_banner", "-version"], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"^libavformat\s+(\d+)\.", version, re.MULTILINE)
    assert found, version
    return int(found.group(1))


def decoded_seconds(path: Path) -> float:
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        return sum(frame.samples for frame in container.decode(stream)) / stream.sample_rate


@pytest.mark.parametrize("name", audio_params())
async def test_same_audio_metadata(
    name: str,
    audio_files: dict[str, Path],
    ffprobe_backend: FFprobeBackend,
    pyav_backend: PyAVBackend,
    ffprobe_path: str,
    tmp_path: Path,
) -> None:
    path = audio_file(name, audio_files, tmp_path)
    if path is None:
        return
    clip = AUDIO_CORPUS[name]

    reference = await ffprobe_backend.probe(path, timeout_s=30, media_type="audio")
    candidate = await pyav_backend.probe(path, timeout_s=30, media_type="audio")

    for meta in (reference, candidate):
        assert meta.media_type == "audio"
        picture = (meta.width, meta.height, meta.video_codec, meta.frame_rate)
        assert picture == (None, None, None, None)
        assert meta.duration_frames is None
        assert (meta.audio_codec, meta.container) == (clip.audio_codec, clip.container)
        assert (meta.audio_channels, meta.audio_sample_rate) == (
            clip.audio_channels,
            clip.audio_sample_rate,
        )
        assert meta.duration_s == pytest.approx(1.0, abs=0.05)
        assert meta.bit_rate is not None and meta.bit_rate > 0
    if name in GAPLESS_DURATION and av.library_versions["libavformat"][0] != libavformat_major(
        ffprobe_path
    ):
        # PyAV's libavformat drops the encoder delay and padding the LAME header
        # names: exactly the decoded samples. The older ffprobe adds them (< 2 frames
        # of 1152 samples); the bit rate, computed from the duration, follows.
        assert candidate.duration_s == pytest.approx(decoded_seconds(path), abs=0.001)
        padding_s = reference.duration_s - candidate.duration_s
        assert 0 < padding_s < 2 * 1152 / clip.audio_sample_rate
        reference = dataclasses.replace(reference, bit_rate=candidate.bit_rate)
    else:
        assert candidate.duration_s == pytest.approx(reference.duration_s, abs=0.001)
    assert without_duration(candidate) == without_duration(reference)


@pytest.mark.parametrize("name", audio_params())
async def test_same_waveform(
    name: str,
    audio_files: dict[str, Path],
    ffprobe_backend: FFprobeBackend,
    pyav_backend: PyAVBackend,
    tmp_path: Path,
) -> None:
    path = audio_file(name, audio_files, tmp_path)
    if path is None:
        return
    pictures = []
    for backend in (ffprobe_backend, pyav_backend):
        dest = tmp_path / f"{backend.name}.jpg"
        await backend.waveform(path, dest, timeout_s=30)
        image = Image.open(dest)
        image.load()
        pictures.append(image)

    for image in pictures:
        assert image.format == "JPEG"
        assert image.size == (320, 120)
        # A sine fills a band across the picture: far from one flat colour.
        assert ImageStat.Stat(image.convert("L")).var[0] > 500
    assert mean_difference(*pictures) == 0


async def test_a_video_without_sound_read_as_audio_fails_the_same_way(
    corpus_files: dict[str, Path], ffprobe_backend: FFprobeBackend, pyav_backend: PyAVBackend
) -> None:
    path = corpus_files["video_only_mp4"]
    reasons = []
    for backend in (ffprobe_backend, pyav_backend):
        with pytest.raises(FFprobeError) as caught:
            await backend.probe(path, timeout_s=30, media_type="audio")
        reasons.append(caught.value.reason)

    assert reasons == ["no audio stream", "no audio stream"]


@pytest.mark.parametrize("case", ["zero_byte", "random_bytes", "text", "truncated"])
async def test_bad_files_get_no_waveform(
    case: str, bad_files: dict[str, Path], backend: ProbeBackend, tmp_path: Path
) -> None:
    path = bad_files[case]
    dest = tmp_path / "w.jpg"

    with pytest.raises(ThumbnailError) as caught:
        await backend.waveform(path, dest, timeout_s=30)

    assert caught.value.path == str(path)
    assert caught.value.reason.strip()
    assert not dest.exists()
