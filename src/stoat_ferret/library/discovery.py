"""Finding video files on disk (synchronous: the scan runs it in a worker thread).

``os.scandir`` gives the file type and (on Linux) a cached ``stat`` per entry, so a
walk of 100,000 files costs one ``getdents`` stream plus one ``stat`` per file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from stoat_ferret.library.models import FileStamp

VIDEO_EXTENSIONS = frozenset(
    {".mp4", ".mkv", ".mov", ".avi", ".webm", ".m4v", ".mts", ".m2ts", ".ts", ".mpg",
     ".mpeg", ".wmv", ".flv", ".3gp"}
)  # fmt: skip


def is_video_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in VIDEO_EXTENSIONS


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: str
    stamp: FileStamp


@dataclass(frozen=True, slots=True)
class WalkError:
    """A folder or file the walk could not read; it becomes an ``errors`` entry."""

    path: str
    error: str


def walk_videos(root: str, *, recursive: bool) -> Iterator[FoundFile | WalkError]:
    """Yield video files under ``root`` and the errors met on the way.

    Symlinks are followed, but every directory is entered at most once, keyed by
    ``(st_dev, st_ino)``, so a symlink loop ends instead of recursing forever; the
    same file reached twice (a hard link or a symlink) is reported once.
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            info = os.stat(folder)
        except OSError as exc:
            yield WalkError(folder, _describe(exc))
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            continue
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as entries:
                children = sorted(entries, key=lambda entry: entry.name)
        except OSError as exc:
            yield WalkError(folder, _describe(exc))
            continue
        subfolders = []
        for entry in children:
            try:
                if entry.is_dir():
                    if recursive:
                        subfolders.append(entry.path)
                    continue
                if not (is_video_name(entry.name) and entry.is_file()):
                    continue
                stat = entry.stat()
            except OSError as exc:
                yield WalkError(entry.path, _describe(exc))
                continue
            file_key = (stat.st_dev, stat.st_ino)
            if file_key in seen_files:
                continue
            seen_files.add(file_key)
            yield FoundFile(entry.path, FileStamp(stat.st_size, stat.st_mtime_ns))
        # Reversed so the stack pops them in name order: stable, predictable output.
        pending.extend(reversed(subfolders))


def _describe(exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return f"cannot read: {reason}"
