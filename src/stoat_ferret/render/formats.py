"""
Which containers and encoders this machine's ffmpeg can render (``GET /render/formats``).

The answer is the local ffmpeg's own: ``ffmpeg -muxers`` and ``ffmpeg -encoders``, asked
once per process (:class:`FormatCatalog`) and parsed by the pure :func:`parse_muxers` and
:func:`parse_encoders`. ffmpeg does not print which codecs a muxer accepts, so the
containers the render offers and the codecs each can hold are a table here
(:data:`CONTAINER_CODECS`); an encoder is listed for a container when the local ffmpeg
has it, it is not experimental (those need ``-strict``), and its codec is one the
container holds; hardware encoders (``h264_nvenc``, ``*_vaapi``, ...) are left out, as
they need a device the render does not set up. A container is listed when its muxer is
present.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, get_args

from stoat_ferret.ffmpeg.runtime.tools import run_ffmpeg_tool
from stoat_ferret.render.errors import UnsupportedFormatError
from stoat_ferret.render.graph import MUXERS

__all__ = [
    "CONTAINER_CODECS",
    "X264_PRESETS",
    "ContainerFormats",
    "Encoder",
    "FormatCatalog",
    "X264Preset",
    "parse_encoders",
    "parse_muxers",
]

X264Preset = Literal[
    "ultrafast",
    "superfast",
    "veryfast",
    "faster",
    "fast",
    "medium",
    "slow",
    "slower",
    "veryslow",
    "placebo",
]
X264_PRESETS: tuple[str, ...] = get_args(X264Preset)
"""x264's preset names (SPEC §10 ``preset``), also the request schema's enum."""

CONTAINER_CODECS: Mapping[str, tuple[frozenset[str], frozenset[str]]] = {
    "mp4": (
        frozenset({"h264", "hevc", "mpeg4", "av1", "vp9"}),
        frozenset({"aac", "mp3", "opus", "ac3", "flac"}),
    ),
    "mov": (
        frozenset({"h264", "hevc", "mpeg4", "prores"}),
        frozenset({"aac", "mp3", "ac3", "pcm_s16le"}),
    ),
    "mkv": (
        frozenset({"h264", "hevc", "mpeg4", "vp8", "vp9", "av1", "ffv1", "prores"}),
        frozenset({"aac", "mp3", "opus", "vorbis", "flac", "ac3", "pcm_s16le"}),
    ),
    "webm": (frozenset({"vp8", "vp9", "av1"}), frozenset({"opus", "vorbis"})),
}
"""Container → (video codecs, audio codecs) it can hold."""

_HARDWARE = re.compile(r"_(nvenc|qsv|vaapi|omx|v4l2m2m|amf|videotoolbox|mf|mediacodec)$")
"""Hardware encoders need a device the render does not set up: not offered."""

_LIST_TIMEOUT_S = 20.0
_ENCODER_LINE = re.compile(r"^\s*([VAS])([.A-Z]{5})\s+(\S+)\s+(.*)$")
_MUXER_LINE = re.compile(r"^\s*[D ]E\s+(\S+)\s")
_CODEC_SUFFIX = re.compile(r"\(codec (\S+)\)\s*$")


@dataclass(frozen=True, slots=True)
class Encoder:
    """One encoder line of ``ffmpeg -encoders``."""

    name: str
    kind: str  # "V", "A" or "S"
    codec: str
    description: str
    experimental: bool


@dataclass(frozen=True, slots=True)
class ContainerFormats:
    """A container the render can write and the local encoders it accepts."""

    container: str
    muxer: str
    video_codecs: tuple[str, ...]
    audio_codecs: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "container": self.container,
            "muxer": self.muxer,
            "video_codecs": list(self.video_codecs),
            "audio_codecs": list(self.audio_codecs),
        }


def parse_muxers(text: str) -> frozenset[str]:
    """The muxer names of ``ffmpeg -muxers`` (several names may share a line: ``a,b``)."""
    names: set[str] = set()
    for line in text.splitlines():
        found = _MUXER_LINE.match(line)
        if found and found.group(1) != "=":
            names.update(found.group(1).split(","))
    return frozenset(names)


def parse_encoders(text: str) -> tuple[Encoder, ...]:
    """The encoders of ``ffmpeg -encoders``; the legend above ``------`` is skipped."""
    _, _, table = text.partition("------")
    encoders = []
    for line in table.splitlines():
        found = _ENCODER_LINE.match(line)
        if not found:
            continue
        kind, flags, name, description = found.groups()
        codec = _CODEC_SUFFIX.search(description)
        encoders.append(
            Encoder(
                name=name,
                kind=kind,
                codec=codec.group(1) if codec else name,
                description=description.strip(),
                experimental=flags[2] == "X",
            )
        )
    return tuple(encoders)


def containers_from(
    muxers: frozenset[str], encoders: tuple[Encoder, ...]
) -> list[ContainerFormats]:
    """What :data:`CONTAINER_CODECS` leaves of the local muxers and encoders (pure)."""
    usable = [e for e in encoders if not e.experimental and not _HARDWARE.search(e.name)]
    found = []
    for container, (video, audio) in CONTAINER_CODECS.items():
        muxer = MUXERS.get(container, container)
        if muxer not in muxers:
            continue
        found.append(
            ContainerFormats(
                container=container,
                muxer=muxer,
                video_codecs=tuple(e.name for e in usable if e.kind == "V" and e.codec in video),
                audio_codecs=tuple(e.name for e in usable if e.kind == "A" and e.codec in audio),
            )
        )
    return found


class FormatCatalog:
    """
    The local ffmpeg's renderable formats, asked once and kept.

    Args:
        ffmpeg: the executable (``STOAT_FFMPEG_PATH`` or the one on ``PATH``).
    """

    def __init__(self, ffmpeg: str) -> None:
        self._ffmpeg = ffmpeg
        self._lock = asyncio.Lock()
        self._containers: dict[str, ContainerFormats] | None = None

    async def containers(self) -> dict[str, ContainerFormats]:
        """
        Container name → what it accepts here.

        Raises:
            DependencyUnavailableError: ffmpeg cannot be run.
        """
        async with self._lock:
            if self._containers is None:
                muxers = await self._ask("-muxers")
                encoders = await self._ask("-encoders")
                found = containers_from(parse_muxers(muxers), parse_encoders(encoders))
                self._containers = {entry.container: entry for entry in found}
            return self._containers

    async def _ask(self, flag: str) -> str:
        argv = [self._ffmpeg, "-hide_banner", "-nostdin", flag]
        async with asyncio.timeout(_LIST_TIMEOUT_S):
            output = await run_ffmpeg_tool(argv, tool="ffmpeg", setting="STOAT_FFMPEG_PATH")
        return output.stdout.decode("utf-8", errors="replace")

    async def check(self, container: str, video_codec: str, audio_codec: str, preset: str) -> None:
        """
        Refuse what the local ffmpeg cannot write, naming the field.

        Raises:
            UnsupportedFormatError: with ``field`` ``container``, ``video_codec``,
                ``audio_codec`` or ``preset``.
        """
        known = await self.containers()
        entry = known.get(container)
        if entry is None:
            names = ", ".join(sorted(known)) or "none"
            raise UnsupportedFormatError("container", f"{container[:60]!r} is not one of {names}")
        for field, codec, accepted in (
            ("video_codec", video_codec, entry.video_codecs),
            ("audio_codec", audio_codec, entry.audio_codecs),
        ):
            if codec not in accepted:
                raise UnsupportedFormatError(
                    field,
                    f"{codec[:60]!r} is not an encoder this ffmpeg has for {container} "
                    f"(it has {', '.join(accepted) or 'none'}); see GET /api/v1/render/formats",
                )
        if preset not in X264_PRESETS:
            raise UnsupportedFormatError(
                "preset", f"{preset[:60]!r} is not one of {', '.join(X264_PRESETS)}"
            )
