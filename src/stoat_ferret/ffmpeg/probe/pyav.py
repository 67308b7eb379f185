"""
Probing with PyAV: libavformat in-process, its answers normalised to ffprobe's.

PyAV reads the same demuxers as ffprobe but returns Python objects, and it saves
the ~55 ms it costs to start an ``ffprobe`` process per file (numbers in
:mod:`stoat_ferret.ffmpeg.backends.factory`). Its answers are converted to exactly what
ffprobe prints, so both backends produce identical ``VideoMetadata``:

- codec names: ``Codec.canonical_name`` (``avcodec_get_name``), the name ffprobe
  prints as ``codec_name`` (``h264``, ``vp9``, ``opus``), never a decoder name such
  as ``libdav1d``;
- container: ``InputContainer.format.name``, the demuxer name ffprobe prints as
  ``format_name`` (``"mov,mp4,m4a,3gp,3g2,mj2"``);
- duration: the container's ``duration`` (microseconds), as ffprobe; the video
  stream's ``duration * time_base`` when the container has none;
- frame rate: ``average_rate`` (ffprobe ``avg_frame_rate``), else ``base_rate``
  (``r_frame_rate``);
- bit rate: the container ``bit_rate``, the number ffprobe prints as
  ``format.bit_rate`` (libavformat takes it from the header or, failing that,
  computes it from file size and duration); neither backend uses stream bit rates;
- audio: ``channels`` and ``sample_rate`` of the first audio stream's codec context,
  and its ``duration * time_base`` when the container has no duration;
- the demuxer option ffprobe sets by default (``scan_all_pmts=1``, which finds every
  program of an MPEG-TS file), and the same ``file:`` URL;
- the same cover-art rule (streams flagged ``attached_pic`` are not video);
- errors: libav's own error lines, captured per thread, then the error itself, so
  a bad file gets the same words as from ffprobe.

Both backends then pass their raw values through the same
:func:`~stoat_ferret.ffmpeg.probe.metadata.build_metadata`.

Limits: a stream for which PyAV's build has no decoder fails here ("no decoder")
even where ffprobe could name its codec; such a file could not be thumbnailed by
either backend anyway. Blocking work runs on daemon threads; see
:mod:`stoat_ferret.ffmpeg.runtime.threads` for why and for the measurements.
"""

from __future__ import annotations

import dataclasses
import os
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from stoat_ferret.errors import FFprobeError
from stoat_ferret.ffmpeg.probe.metadata import MediaType, RawProbe, VideoMetadata, build_metadata
from stoat_ferret.ffmpeg.runtime.libav import (
    first_video,
    import_av,
    libav_errors,
    open_input,
    reason,
)

if TYPE_CHECKING:
    from av.container import InputContainer

__all__ = ["probe_with_pyav"]


def _codec_name(stream: Any) -> str | None:
    context = stream.codec_context
    if context is None:
        # PyAV builds no codec context when it has no decoder for the stream.
        return None
    name = context.codec.canonical_name
    return str(name) if name else None


def _seconds(value: int | None, time_base: Fraction | None) -> float | None:
    if value is None or time_base is None:
        return None
    return float(value * time_base)


def _audio_attr(audio: Any, name: str) -> int | None:
    if audio is None or audio.codec_context is None:
        return None
    value = getattr(audio.codec_context, name, None)
    return int(value) if isinstance(value, int) else None


def _raw_probe(av: Any, path: str, container: InputContainer, media_type: MediaType) -> RawProbe:
    # A sound file's pictures (cover art, or a stray video stream) are not read.
    video = first_video(av, container) if media_type == "video" else None
    audio = next(iter(container.streams.audio), None)
    duration_us = container.duration
    raw = RawProbe(
        container=container.format.name,
        format_duration_s=None if duration_us is None else duration_us / 1_000_000,
        format_bit_rate=container.bit_rate,
        video_codec=None,
        width=None,
        height=None,
        avg_frame_rate=None,
        r_frame_rate=None,
        video_duration_s=None,
        audio_codec=(_codec_name(audio) or "unknown") if audio is not None else None,
        audio_channels=_audio_attr(audio, "channels"),
        audio_sample_rate=_audio_attr(audio, "sample_rate"),
        audio_duration_s=_seconds(audio.duration, audio.time_base) if audio is not None else None,
    )
    if video is None:
        return raw
    if video.codec_context is None:
        raise FFprobeError(path, "PyAV has no decoder for the video stream")
    return dataclasses.replace(
        raw,
        video_codec=_codec_name(video),
        width=video.codec_context.width,
        height=video.codec_context.height,
        avg_frame_rate=video.average_rate,
        r_frame_rate=video.base_rate,
        video_duration_s=_seconds(video.duration, video.time_base),
    )


def probe_with_pyav(
    path: str | os.PathLike[str], *, media_type: MediaType = "video"
) -> VideoMetadata:
    """
    Probe ``path`` in this thread with PyAV (blocking; see :class:`PyAVBackend`).

    Args:
        path: the media file.
        media_type: what the file must be (see ``build_metadata``).

    Raises:
        FFprobeError: the file cannot be read or has no usable video stream (audio
            stream, for ``media_type="audio"``); the message names the file and
            carries libav's reason.
        DependencyUnavailableError: PyAV is not installed.
    """
    name = os.fspath(path)
    av = import_av()
    container = open_input(av, name, FFprobeError)
    try:
        with libav_errors(av) as logs:
            try:
                raw = _raw_probe(av, name, container, media_type)
            except FFprobeError:
                raise
            except Exception as exc:
                # PyAV raises assorted types on odd files (ValueError, UnicodeError,
                # av.error.*); the contract is FFprobeError, always.
                raise FFprobeError(name, reason(exc, logs)) from exc
    finally:
        container.close()
    return build_metadata(name, raw, media_type=media_type)
