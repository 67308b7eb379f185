"""Finding media files on disk (synchronous: the scan runs it in a worker thread).

The extension decides what a file is: a video extension makes a ``video`` record (the
file must then have a video stream), an audio extension an ``audio`` one (SPEC §9
"Library media"). Each found file carries that ``media_type`` to the probe.

``os.scandir`` gives the file type and (on Linux) a cached ``stat`` per entry, so a
walk of 100,000 files costs one ``getdents`` stream plus one ``stat`` per file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from stoat_ferret.ffmpeg import MediaType
from stoat_ferret.library.models import FileStamp
from stoat_ferret.library.paths import is_within, real_roots

VIDEO_EXTENSIONS = frozenset(
    {".mp4", ".mkv", ".mov", ".avi", ".webm", ".m4v", ".mts", ".m2ts", ".ts", ".mpg",
     ".mpeg", ".wmv", ".flv", ".3gp"}
)  # fmt: skip


AUDIO_EXTENSIONS = frozenset({".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".opus"})


def is_video_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in VIDEO_EXTENSIONS


def media_type_of(name: str) -> MediaType | None:
    """``"video"`` or ``"audio"`` by the extension (any case), None for other files."""
    extension = os.path.splitext(name)[1].lower()
    if extension in VIDEO_EXTENSIONS:
        return "video"
    if extension in AUDIO_EXTENSIONS:
        return "audio"
    return None


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: str
    stamp: FileStamp
    media_type: MediaType = "video"


@dataclass(frozen=True, slots=True)
class WalkError:
    """A folder or file the walk could not read or would not enter; an ``errors`` entry.

    ``unchecked`` is True when the files below ``path`` may still exist but could not
    be looked at (an unreadable folder): their records must not be marked missing.
    A link refused because it leads out of the roots is not ``unchecked``: its files
    are not part of the library, so records of them (from before) become missing.
    """

    path: str
    error: str
    unchecked: bool = True


LINK_OUTSIDE_ROOTS = "symbolic link leads outside the allowed scan roots; not followed"


def walk_videos(
    root: str, *, recursive: bool, allowed_roots: Sequence[Path | str] = ()
) -> Iterator[FoundFile | WalkError]:
    """Yield media files (video and audio extensions) under ``root`` and the errors met.

    Symlinks are followed, but every directory is entered at most once, keyed by
    ``(st_dev, st_ino)``, so a symlink loop ends instead of recursing forever; the
    same file reached twice (a hard link or a symlink) is reported once.

    With ``allowed_roots`` (empty: everything is allowed), a symlink the walk would use
    (to a media file, or to a folder in a recursive walk) is resolved and must land
    inside a root; one that leads out becomes a ``WalkError`` naming the link. Only
    symlinks pay for a ``realpath``: ``DirEntry.is_symlink`` comes from the directory
    listing itself, so plain files and folders cost nothing extra. ``root`` was
    resolved and checked when the scan was requested (``resolve_scan_folder``); it is
    checked once more here, as it may have been swapped for a link since.
    """
    roots = real_roots(allowed_roots)
    if roots and not _leads_inside(root, roots):
        yield WalkError(root, LINK_OUTSIDE_ROOTS)
        return
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
                    if not recursive:
                        continue
                    if roots and entry.is_symlink() and not _leads_inside(entry.path, roots):
                        yield WalkError(entry.path, LINK_OUTSIDE_ROOTS, unchecked=False)
                        continue
                    subfolders.append(entry.path)
                    continue
                media_type = media_type_of(entry.name)
                if media_type is None or not entry.is_file():
                    continue
                if roots and entry.is_symlink() and not _leads_inside(entry.path, roots):
                    yield WalkError(entry.path, LINK_OUTSIDE_ROOTS, unchecked=False)
                    continue
                stat = entry.stat()
            except OSError as exc:
                yield WalkError(entry.path, _describe(exc))
                continue
            file_key = (stat.st_dev, stat.st_ino)
            if file_key in seen_files:
                continue
            seen_files.add(file_key)
            yield FoundFile(entry.path, FileStamp(stat.st_size, stat.st_mtime_ns), media_type)
        # Reversed so the stack pops them in name order: stable, predictable output.
        pending.extend(reversed(subfolders))


def _leads_inside(link: str, roots: list[str]) -> bool:
    real = os.path.realpath(link)
    return any(is_within(real, root) for root in roots)


def _describe(exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return f"cannot read: {reason}"
