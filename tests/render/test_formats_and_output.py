"""The pure parts of the render's formats and output paths, on real ffmpeg text and real files."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from stoat_ferret.errors import InvalidPathError, PathNotAllowedError
from stoat_ferret.render.formats import containers_from, parse_encoders, parse_muxers
from stoat_ferret.render.output import (
    finish_output,
    remove_leftovers,
    resolve_output,
    safe_name,
    temporary_path,
)


def _ffmpeg(flag: str) -> str:
    return subprocess.run(
        ["ffmpeg", "-hide_banner", flag], capture_output=True, text=True, check=True
    ).stdout


def test_parse_the_local_ffmpegs_lists() -> None:
    muxers = parse_muxers(_ffmpeg("-muxers"))
    assert {"mp4", "mov", "matroska", "webm"} <= muxers
    assert "=" not in muxers and "Muxing" not in muxers
    encoders = {encoder.name: encoder for encoder in parse_encoders(_ffmpeg("-encoders"))}
    assert encoders["libx264"].codec == "h264" and encoders["libx264"].kind == "V"
    assert encoders["aac"].codec == "aac" and encoders["aac"].kind == "A"
    assert encoders["opus"].experimental and not encoders["libopus"].experimental
    found = {entry.container: entry for entry in containers_from(muxers, tuple(encoders.values()))}
    assert "opus" not in found["mkv"].audio_codecs  # experimental
    assert not any("vaapi" in name or "nvenc" in name for name in found["mp4"].video_codecs)
    assert "libvpx-vp9" in found["webm"].video_codecs and "aac" not in found["webm"].audio_codecs


def test_a_missing_muxer_drops_its_container() -> None:
    encoders = parse_encoders(_ffmpeg("-encoders"))
    found = [entry.container for entry in containers_from(frozenset({"mp4"}), encoders)]
    assert found == ["mp4"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Holiday 2026", "Holiday_2026"),
        ("../../etc/passwd", "etc_passwd"),
        ("..hidden", "hidden"),
        ("a/b\\c:d*e?", "a_b_c_d_e"),
        ("Été — Ünïcode", "Été_Ünïcode"),
        ("///", "project"),
        ("x" * 300, "x" * 80),
    ],
)
def test_safe_name(name: str, expected: str) -> None:
    assert safe_name(name) == expected


def test_resolve_output_order_and_rules(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "taken.mp4").write_bytes(b"x")
    with pytest.raises(InvalidPathError, match="not absolute"):
        resolve_output("out.mp4", [root])
    with pytest.raises(InvalidPathError, match="NUL"):
        resolve_output(f"{root}/a\x00.mp4", [root])
    # Outside the roots is 403 whether or not the path exists.
    with pytest.raises(PathNotAllowedError):
        resolve_output(str(tmp_path / "nowhere" / "x.mp4"), [root])
    with pytest.raises(PathNotAllowedError):
        resolve_output(f"{root}/../escape.mp4", [root])
    link = root / "link"
    link.symlink_to(tmp_path)
    with pytest.raises(PathNotAllowedError):
        resolve_output(str(link / "x.mp4"), [root])
    with pytest.raises(InvalidPathError, match="exists"):
        resolve_output(str(root / "taken.mp4"), [root])
    with pytest.raises(InvalidPathError, match="folder does not exist"):
        resolve_output(str(root / "sub" / "x.mp4"), [root])
    assert resolve_output(str(root / "new.mp4"), [root]) == str(root / "new.mp4")


def test_temporary_names_leftovers_and_finish(tmp_path: Path) -> None:
    target = str(tmp_path / "out.mp4")
    first, second = temporary_path(target, "job1"), temporary_path(target, "job1")
    assert first != second and os.path.dirname(first) == str(tmp_path)
    other_job = temporary_path(target, "job2")
    for path in (first, second, other_job):
        Path(path).write_bytes(b"partial")
    (tmp_path / "unrelated.part").write_bytes(b"x")
    assert len(remove_leftovers(target, "job1")) == 2
    assert sorted(os.listdir(tmp_path)) == sorted([os.path.basename(other_job), "unrelated.part"])
    fresh = temporary_path(target, "job1")
    Path(fresh).write_bytes(b"video")
    assert finish_output(fresh, target) == 5
    assert not os.path.exists(fresh) and Path(target).read_bytes() == b"video"
    again = temporary_path(target, "job1")
    Path(again).write_bytes(b"other")
    with pytest.raises(InvalidPathError, match="appeared"):
        finish_output(again, target)
    assert Path(target).read_bytes() == b"video" and not os.path.exists(again)
