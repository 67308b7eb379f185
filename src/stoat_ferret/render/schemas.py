"""HTTP shapes of the render (SPEC §10)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from stoat_ferret.render.formats import X264Preset

__all__ = ["ContainerOut", "DryRunOut", "FormatsOut", "RenderRequest"]


class RenderRequest(BaseModel):
    """``POST /api/v1/projects/{id}/render``; every field is optional."""

    model_config = ConfigDict(extra="forbid")

    output_path: str | None = Field(
        None,
        max_length=4096,
        description=(
            "Absolute path of a new file inside the allowed roots; default "
            "<data dir>/renders/<project name>-<job id>.<container>."
        ),
    )
    container: Literal["mp4", "mov", "mkv", "webm"] = Field(
        "mp4", description="Also refused (422) when the local ffmpeg lacks its muxer."
    )
    video_codec: str = Field(
        "libx264",
        min_length=1,
        max_length=64,
        description="An encoder GET /api/v1/render/formats lists for the container.",
    )
    audio_codec: str = Field("aac", min_length=1, max_length=64, description="Likewise.")
    crf: int = Field(23, ge=0, le=51, description="Constant rate factor (lower is better).")
    preset: X264Preset = Field("medium", description="An x264 preset name.")

    def settings_payload(self) -> dict[str, Any]:
        """The encoding settings as the job's payload stores them."""
        return {
            "container": self.container,
            "video_codec": self.video_codec,
            "audio_codec": self.audio_codec,
            "crf": self.crf,
            "preset": self.preset,
        }


class DryRunOut(BaseModel):
    """What a render would run (``?dry_run=true``); nothing is started."""

    argv: list[str]
    filter_complex: str
    expected_frames: int
    expected_duration_s: float


class ContainerOut(BaseModel):
    container: str = Field(examples=["mp4"])
    muxer: str = Field(examples=["mp4"], description="ffmpeg's muxer for it (-f).")
    video_codecs: list[str] = Field(examples=[["libx264", "libx265"]])
    audio_codecs: list[str] = Field(examples=[["aac", "libopus"]])


class FormatsOut(BaseModel):
    """The containers this server's ffmpeg can write and the encoders each accepts."""

    containers: list[ContainerOut]
    presets: list[str]
