"""Finding ffprobe and ffmpeg, and reporting the missing ones clearly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from stoat_ferret.errors import DependencyUnavailableError
from stoat_ferret.ffmpeg import (
    binary_statuses,
    missing_binaries,
    require_binary,
    resolve_binary,
)
from stoat_ferret.settings import Settings


def test_found_on_path(ffprobe_path: str, ffmpeg_path: str) -> None:
    assert resolve_binary("ffprobe") == ffprobe_path
    assert resolve_binary("ffmpeg") == ffmpeg_path


def test_configured_absolute_path_wins(tmp_path: Path, ffprobe_path: str) -> None:
    copy = tmp_path / "my-ffprobe"
    shutil.copy(ffprobe_path, copy)

    assert resolve_binary("ffprobe", str(copy)) == str(copy)


def test_wrong_configured_path_does_not_fall_back_to_path() -> None:
    assert resolve_binary("ffprobe", "/nope/ffprobe") is None


def test_non_executable_file_is_not_a_binary(tmp_path: Path) -> None:
    fake = tmp_path / "ffprobe"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o644)

    assert resolve_binary("ffprobe", str(fake)) is None


def test_nothing_missing_on_this_machine() -> None:
    settings = Settings()

    assert missing_binaries(settings) == []
    statuses = binary_statuses(settings)
    assert statuses["ffprobe"].available
    assert statuses["ffmpeg"].available
    assert statuses["ffprobe"].error is None


def test_missing_binaries_name_the_binary_and_the_setting() -> None:
    settings = Settings(ffprobe_path="/nope/ffprobe", ffmpeg_path="/nope/ffmpeg")

    errors = missing_binaries(settings)

    assert [type(e) for e in errors] == [DependencyUnavailableError] * 2
    ffprobe_error, ffmpeg_error = (str(e) for e in errors)
    assert "ffprobe" in ffprobe_error
    assert "/nope/ffprobe" in ffprobe_error
    assert "STOAT_FFPROBE_PATH" in ffprobe_error
    assert "ffmpeg" in ffmpeg_error
    assert "STOAT_FFMPEG_PATH" in ffmpeg_error
    assert errors[0].code == "DEPENDENCY_UNAVAILABLE"


def test_missing_from_path_suggests_installing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent-dir")

    errors = missing_binaries(Settings())

    assert len(errors) == 2
    assert "not found on PATH" in str(errors[0])
    assert "install FFmpeg" in str(errors[0])


def test_require_binary(ffmpeg_path: str) -> None:
    assert require_binary("ffmpeg", Settings()) == ffmpeg_path

    with pytest.raises(DependencyUnavailableError, match="STOAT_FFPROBE_PATH"):
        require_binary("ffprobe", Settings(ffprobe_path="/nope/ffprobe"))
