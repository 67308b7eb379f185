"""Deleting a video's file never removes anything but the library file itself (SPEC §13).

The race test swaps a parent folder for a symlink to an outside folder, over and
over, while the file is deleted; nothing outside the root may ever go. The other
tests run through the real app: a file or folder that became a symlink is refused
with 409 and the record, the link and its target all stay.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import httpx
import pytest

from stoat_ferret.db import Database
from stoat_ferret.errors import PathNotAllowedError, UnsafeFileError
from stoat_ferret.library.paths import remove_library_file
from stoat_ferret.settings import Settings
from tests.library.conftest import scan_and_wait
from tests.library.test_videos_routes import (
    VIDEOS,
    all_videos,
    assert_error,
    exists,
    is_file,
    running_client,
    with_roots,
)

TRIES = 200


class ParentSwapper:
    """Flips ``folder`` between the real folder and a symlink to ``outside``, non-stop."""

    def __init__(self, folder: Path, outside: Path) -> None:
        self.folder = folder
        self.outside = outside
        self.parked = folder.with_name(folder.name + ".parked")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.flips = 0

    def _run(self) -> None:
        while not self._stop.is_set():
            os.rename(self.folder, self.parked)
            os.symlink(self.outside, self.folder, target_is_directory=True)
            os.unlink(self.folder)
            os.rename(self.parked, self.folder)
            self.flips += 1

    def __enter__(self) -> ParentSwapper:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        assert not self._thread.is_alive()
        # The loop ends after a whole flip: the real folder is back in place.
        assert self.folder.is_dir() and not self.folder.is_symlink()


@pytest.mark.parametrize("configured", [True, False], ids=["roots", "no-roots"])
def test_delete_race_with_a_parent_swapped_for_a_symlink(tmp_path: Path, configured: bool) -> None:
    base = tmp_path.resolve()  # the walk from "/" refuses any symlink, also one in tmp_path
    root = base / "root"
    folder = root / "sub"
    folder.mkdir(parents=True)
    outside = base / "outside"
    outside.mkdir()
    victim = outside / "clip.mp4"
    roots = [root] if configured else []
    outcomes: dict[str, int] = {}
    flips = 0
    for attempt in range(TRIES):
        (folder / "clip.mp4").write_bytes(b"library file")
        victim.write_bytes(b"must survive")
        with ParentSwapper(folder, outside) as swapper:
            try:
                outcome = (
                    "deleted" if remove_library_file(str(folder / "clip.mp4"), roots) else "gone"
                )
            except (UnsafeFileError, PathNotAllowedError) as exc:
                outcome = exc.code
        flips += swapper.flips
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        assert is_file(victim), f"try {attempt} deleted the file outside the root: {outcomes}"
        assert victim.read_bytes() == b"must survive"
    assert flips > 0
    # Every try ended in one of the safe ways.
    assert set(outcomes) <= {"deleted", "gone", "SYMLINK_IN_PATH", "PATH_NOT_ALLOWED"}, outcomes
    assert sum(outcomes.values()) == TRIES


def test_a_symlink_in_place_of_the_file_is_never_followed(tmp_path: Path) -> None:
    root = tmp_path.resolve() / "root"
    root.mkdir()
    target = root / "real.mp4"
    target.write_bytes(b"another library file")
    link = root / "clip.mp4"
    link.symlink_to(target)
    # Refused even though the target lies inside the root: following is what must not happen.
    with pytest.raises(UnsafeFileError, match="symbolic link"):
        remove_library_file(str(link), [root])
    assert link.is_symlink()
    assert target.read_bytes() == b"another library file"


# Synchronous file-system steps for the async tests (ruff's ASYNC240 rule).
@pytest.fixture
def base(tmp_path: Path) -> Path:
    """``tmp_path`` resolved: a delete with no roots refuses any symlink on the path."""
    return tmp_path.resolve()


def put_file(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def put_copy(source: Path, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, path)


def read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def is_link(path: Path) -> bool:
    return path.is_symlink()


def replace_with_link(path: Path, target: Path, *, park: Path | None = None) -> None:
    """Put a symlink to ``target`` where ``path`` was (moved to ``park``, else deleted)."""
    if park is not None:
        path.rename(park)
    else:
        path.unlink()
    path.symlink_to(target, target_is_directory=target.is_dir())


def replace_with_folder(path: Path) -> None:
    path.unlink()
    put_file(path / "inside.txt", b"kept")


async def library_with_one_video(
    client: httpx.AsyncClient, folder: Path, clip: Path
) -> dict[str, object]:
    put_copy(clip, folder / "clip.mp4")
    job = await scan_and_wait(client, folder)
    assert job["status"] == "complete", job
    (video,) = await all_videos(client)
    return video


async def test_library_file_that_became_a_symlink_is_409(
    library_settings: Settings, database: Database, base: Path, clip_templates: dict[str, Path]
) -> None:
    root = base / "root"
    precious = put_file(base / "outside" / "precious.mp4", b"not in the library")
    async with running_client(with_roots(library_settings, root), database) as client:
        video = await library_with_one_video(client, root / "videos", clip_templates["mp4"])
        path = Path(str(video["path"]))
        replace_with_link(path, precious)
        response = await client.delete(f"{VIDEOS}/{video['id']}", params={"delete_file": "true"})
        assert_error(response, 409, "SYMLINK_IN_PATH", str(path), "symbolic link")
        assert is_link(path)
        assert read(precious) == b"not in the library"
        # The record stays: nothing happened.
        assert (await client.get(f"{VIDEOS}/{video['id']}")).json() == video


async def test_parent_that_became_a_symlink_is_409_with_no_roots_configured(
    library_client: httpx.AsyncClient, base: Path, clip_templates: dict[str, Path]
) -> None:
    folder = base / "videos"
    video = await library_with_one_video(library_client, folder, clip_templates["mp4"])
    precious = put_file(base / "elsewhere" / Path(str(video["path"])).name, b"same name")
    replace_with_link(folder, precious.parent, park=base / "moved")
    # Everything is allowed, yet the delete does not follow the swapped folder.
    response = await library_client.delete(
        f"{VIDEOS}/{video['id']}", params={"delete_file": "true"}
    )
    assert_error(response, 409, "SYMLINK_IN_PATH", "'videos'", str(video["path"]))
    assert read(precious) == b"same name"
    assert is_file(base / "moved" / precious.name)
    assert len(await all_videos(library_client)) == 1


async def test_a_folder_in_place_of_the_file_is_409(
    library_client: httpx.AsyncClient, base: Path, clip_templates: dict[str, Path]
) -> None:
    video = await library_with_one_video(library_client, base / "videos", clip_templates["mp4"])
    path = Path(str(video["path"]))
    replace_with_folder(path)
    response = await library_client.delete(
        f"{VIDEOS}/{video['id']}", params={"delete_file": "true"}
    )
    assert_error(response, 409, "NOT_A_REGULAR_FILE", str(path))
    assert exists(path / "inside.txt")
    assert len(await all_videos(library_client)) == 1
