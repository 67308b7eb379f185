"""Scans and the allowed roots: links out of them, and 403 before any existence check.

SPEC §13: a scan never indexes a file reached through a link that leads out of the
roots (a per-file error naming the link instead), links that stay inside still
work, and a scan request outside the roots is 403 whether or not the path exists.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from stoat_ferret.db import Database
from stoat_ferret.library.paths import is_within
from stoat_ferret.library.scan import LINK_OUTSIDE_ROOTS, FoundFile, WalkError, walk_videos
from stoat_ferret.settings import Settings
from tests.library.conftest import scan_and_wait
from tests.library.test_videos_routes import (
    SCAN,
    all_videos,
    assert_error,
    real,
    running_client,
    with_roots,
)


def build_tree(tmp_path: Path, clip: Path) -> tuple[Path, Path]:
    """An allowed root with links out of it (a file, a folder) and links inside it."""
    base = tmp_path.resolve()
    root = base / "root"
    (root / "real").mkdir(parents=True)
    shutil.copyfile(clip, root / "real" / "inside.mp4")
    outside = base / "outside"
    (outside / "folder").mkdir(parents=True)
    shutil.copyfile(clip, outside / "secret.mp4")
    shutil.copyfile(clip, outside / "folder" / "hidden.mp4")
    (root / "out.mp4").symlink_to(outside / "secret.mp4")
    (root / "out_folder").symlink_to(outside / "folder", target_is_directory=True)
    # A relative link that climbs out with "..": also outside.
    (root / "climb.mp4").symlink_to(Path("..") / "outside" / "secret.mp4")
    (root / "alias.mp4").symlink_to(root / "real" / "inside.mp4")
    (root / "alias_folder").mkdir()
    (root / "alias_folder" / "to_real").symlink_to(root / "real", target_is_directory=True)
    shutil.copyfile(clip, root / "real" / "second.mp4")
    (root / "linked_second.mp4").symlink_to(Path("real") / "second.mp4")
    return root, outside


LINKS_OUT = {"out.mp4", "out_folder", "climb.mp4"}


def test_walk_reports_links_out_of_the_roots_and_follows_links_inside(tmp_path: Path) -> None:
    root, _ = build_tree(tmp_path, Path(__file__))
    items = list(walk_videos(str(root), recursive=True, allowed_roots=[root]))
    errors = {Path(i.path).name: i for i in items if isinstance(i, WalkError)}
    assert set(errors) == LINKS_OUT
    assert {e.error for e in errors.values()} == {LINK_OUTSIDE_ROOTS}
    assert not any(e.unchecked for e in errors.values())
    found = [Path(i.path) for i in items if isinstance(i, FoundFile)]
    # Each real file once, whichever name reached it first; none from outside.
    assert len(found) == 2
    assert {p.resolve().name for p in found} == {"inside.mp4", "second.mp4"}
    assert all(str(p.resolve()).startswith(str(root)) for p in found)


def test_walk_with_no_roots_follows_every_link(tmp_path: Path) -> None:
    root, outside = build_tree(tmp_path, Path(__file__))
    items = list(walk_videos(str(root), recursive=True))
    assert not [i for i in items if isinstance(i, WalkError)]
    reached = {Path(i.path).resolve() for i in items if isinstance(i, FoundFile)}
    assert outside / "secret.mp4" in reached
    assert outside / "folder" / "hidden.mp4" in reached


def test_walk_not_recursive_ignores_folder_links(tmp_path: Path) -> None:
    root, _ = build_tree(tmp_path, Path(__file__))
    items = list(walk_videos(str(root), recursive=False, allowed_roots=[root]))
    errors = {Path(i.path).name for i in items if isinstance(i, WalkError)}
    assert errors == {"out.mp4", "climb.mp4"}


@pytest.fixture
def media_tree(tmp_path: Path, clip_templates: dict[str, Path]) -> tuple[Path, Path]:
    """``build_tree`` with real clips, for scans that probe them."""
    return build_tree(tmp_path, clip_templates["mp4"])


async def test_scan_never_indexes_files_behind_links_out_of_the_roots(
    library_settings: Settings, database: Database, media_tree: tuple[Path, Path]
) -> None:
    root, outside = media_tree
    async with running_client(with_roots(library_settings, root), database) as client:
        job = await scan_and_wait(client, root)
        assert job["status"] == "complete", job
        errors = {e["path"]: e["error"] for e in job["result"]["errors"]}
        assert errors == {str(root / name): LINK_OUTSIDE_ROOTS for name in LINKS_OUT}
        assert job["result"]["new"] == 2
        videos = await all_videos(client)
        assert {real(v["path"]) for v in videos} == {
            str(root / "real" / "inside.mp4"),
            str(root / "real" / "second.mp4"),
        }
        assert not any(is_within(v["path"], str(outside)) for v in videos)
        assert not any(Path(v["path"]).name in {"secret.mp4", "hidden.mp4"} for v in videos)


async def test_files_indexed_through_a_link_out_become_missing_once_roots_are_set(
    library_settings: Settings, database: Database, media_tree: tuple[Path, Path]
) -> None:
    root, _ = media_tree
    # Without roots everything is allowed: the linked files are indexed by name.
    async with running_client(library_settings, database) as client:
        job = await scan_and_wait(client, root)
        assert job["status"] == "complete", job
        assert job["result"]["errors"] == []
        leading_out = {
            Path(v["path"]).relative_to(root).as_posix()
            for v in await all_videos(client)
            if not is_within(real(v["path"]), str(root))
        }
    assert "out_folder/hidden.mp4" in leading_out
    async with running_client(with_roots(library_settings, root), database) as client:
        job = await scan_and_wait(client, root)
        assert job["status"] == "complete", job
        videos = await all_videos(client)
        missing = {Path(v["path"]).relative_to(root).as_posix() for v in videos if v["missing"]}
        assert missing == leading_out
        # Kept, as the scan keeps every record whose file is gone (SPEC §3).
        assert len(videos) == 2 + len(leading_out)


def _nonexistent(outside: Path) -> Path:
    return outside / "missing"


def _a_file(outside: Path) -> Path:
    path = outside / "clip.mp4"
    path.write_bytes(b"a file, not a folder")
    return path


def _under_a_file(outside: Path) -> Path:
    return _a_file(outside) / "below"


@pytest.mark.parametrize("case", [_nonexistent, _a_file, _under_a_file], ids=lambda c: c.__name__)
async def test_scan_outside_the_roots_is_403_before_any_existence_check(
    library_settings: Settings, database: Database, tmp_path: Path, case: Callable[[Path], Path]
) -> None:
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    path = case(outside)
    async with running_client(with_roots(library_settings, allowed), database) as client:
        response = await client.post(SCAN, json={"path": str(path)})
        detail = assert_error(response, 403, "PATH_NOT_ALLOWED", real(path))
        for telling in ("exist", "directory", "folder"):
            assert telling not in detail["message"].replace("STOAT_ALLOWED_SCAN_ROOTS", "")
        # Through a link inside the root that leads out: the same answer.
        (allowed / "door").symlink_to(outside, target_is_directory=True)
        linked = allowed / "door" / path.relative_to(outside)
        response = await client.post(SCAN, json={"path": str(linked)})
        assert_error(response, 403, "PATH_NOT_ALLOWED", real(path))


async def test_inside_the_roots_a_bad_path_is_still_400(
    library_settings: Settings, database: Database, tmp_path: Path
) -> None:
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "clip.mp4").write_bytes(b"x")
    async with running_client(with_roots(library_settings, allowed), database) as client:
        for name, says in (("nothing here", "does not exist"), ("clip.mp4", "not a directory")):
            response = await client.post(SCAN, json={"path": str(allowed / name)})
            assert_error(response, 400, "INVALID_PATH", str(allowed / name), says)


def test_walk_refuses_a_scan_folder_swapped_for_a_link_after_the_request(tmp_path: Path) -> None:
    root = tmp_path.resolve() / "root"
    root.mkdir()
    outside = tmp_path.resolve() / "outside"
    outside.mkdir()
    (outside / "secret.mp4").write_bytes(b"x")
    (root / "videos").symlink_to(outside, target_is_directory=True)
    items = list(walk_videos(str(root / "videos"), recursive=True, allowed_roots=[root]))
    assert items == [WalkError(str(root / "videos"), LINK_OUTSIDE_ROOTS)]
