"""Walking folders for video files: extensions, recursion, symlink loops, unreadable folders."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from stoat_ferret.library.scan import FoundFile, WalkError, is_video_name, walk_videos


def found_names(root: Path, *, recursive: bool = True) -> list[str]:
    return sorted(
        os.path.relpath(item.path, root)
        for item in walk_videos(str(root), recursive=recursive)
        if isinstance(item, FoundFile)
    )


@pytest.mark.parametrize(
    "name",
    ["a.mp4", "B.MKV", "c.Mov", "d.avi", "e.webm", "f.m4v", "g.mts", "h.m2ts", "i.ts",
     "j.mpg", "k.mpeg", "l.wmv", "m.flv", "n.3gp", "o.MP4"],
)  # fmt: skip
def test_every_spec_extension_in_any_case(name: str) -> None:
    assert is_video_name(name)


@pytest.mark.parametrize("name", ["a.txt", "mp4", "video.mp4.part", "x.jpg", ".mp4x"])
def test_other_names_are_ignored(name: str) -> None:
    assert not is_video_name(name)


def test_recursive_and_flat(tmp_path: Path) -> None:
    for relative in ("top.mp4", "a/one.MKV", "a/b/two.mov", "a/b/readme.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(b"x")
    assert found_names(tmp_path) == ["a/b/two.mov", "a/one.MKV", "top.mp4"]
    assert found_names(tmp_path, recursive=False) == ["top.mp4"]


def test_symlink_loop_ends_and_files_are_reported_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "clip.mp4").write_bytes(b"x")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "alias.mp4").symlink_to(tmp_path / "sub" / "clip.mp4")
    names = found_names(tmp_path)
    assert len(names) == 1
    assert names[0] in {"alias.mp4", "sub/clip.mp4"}


def test_stamps_are_size_and_mtime_ns(tmp_path: Path) -> None:
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"12345")
    os.utime(clip, ns=(1_700_000_000_123_456_789, 1_700_000_000_123_456_789))
    (item,) = list(walk_videos(str(tmp_path), recursive=True))
    assert isinstance(item, FoundFile)
    assert (item.stamp.size, item.stamp.mtime_ns) == (5, 1_700_000_000_123_456_789)


def walk_as_nobody(root: Path) -> list[list[str | None]]:
    """Walk in a forked child that drops to ``nobody``: root itself can read every folder."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            items = [
                [type(i).__name__, i.path, getattr(i, "error", None)]
                for i in walk_videos(str(root), recursive=True)
            ]
            os.write(write_end, json.dumps(items).encode())
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        output = reader.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return list(json.loads(output))


def test_unreadable_folder_becomes_an_error_entry() -> None:
    with tempfile.TemporaryDirectory() as raw:
        root = Path(raw)
        root.chmod(0o755)
        (root / "open").mkdir(mode=0o755)
        (root / "open" / "ok.mp4").write_bytes(b"x")
        (root / "locked").mkdir()
        (root / "locked" / "hidden.mp4").write_bytes(b"x")
        (root / "locked").chmod(0o000)
        try:
            items = walk_as_nobody(root)
        finally:
            (root / "locked").chmod(0o755)
    assert ["FoundFile", str(root / "open" / "ok.mp4"), None] in items
    errors = [item for item in items if item[0] == WalkError.__name__]
    assert len(errors) == 1
    assert errors[0][1] == str(root / "locked")
    assert "Permission denied" in str(errors[0][2])
