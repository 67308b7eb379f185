"""Path rules shared by scans and file deletion: absolute, inside an allowed root, existing.

These helpers touch the file system (``realpath``, ``stat``, ``unlink``): call them
through ``asyncio.to_thread`` from async code.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from stoat_ferret.errors import (
    InvalidPathError,
    NotARegularFileError,
    PathNotAllowedError,
    UnsafeFileError,
)

_SHOWN_MAX = 300
"""Longest path quoted in an error message (a request may send a 1 MiB one)."""

# Folders on a deleted file's path are opened one by one, never through a symlink.
# O_PATH (Linux) needs only search permission on the folder, not read permission.
_DIR_FLAGS = os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC | getattr(os, "O_PATH", os.O_RDONLY)


def shown(path: str) -> str:
    """``path`` quoted for an error message, cut to ``_SHOWN_MAX`` characters."""
    text = repr(path)
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 3] + "..."


def is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def overlaps(a: str, b: str) -> bool:
    """True when one folder contains the other (or they are the same)."""
    return is_within(a, b) or is_within(b, a)


def real_roots(allowed_roots: Sequence[Path | str]) -> list[str]:
    """The roots with symlinks resolved, so a root given through a symlink still matches."""
    return [os.path.realpath(root) for root in allowed_roots]


def ensure_allowed(real_path: str, allowed_roots: Sequence[Path]) -> None:
    """Raise ``PathNotAllowedError`` unless ``real_path`` lies in an allowed root.

    An empty list allows everything (the default for a loopback-only server).
    """
    if not allowed_roots:
        return
    roots = real_roots(allowed_roots)
    if not any(is_within(real_path, root) for root in roots):
        raise PathNotAllowedError(
            f"{shown(real_path)} is outside every allowed scan root ({', '.join(roots)}); "
            "see STOAT_ALLOWED_SCAN_ROOTS"
        )


def resolve_scan_folder(raw: str | None, allowed_roots: Sequence[Path]) -> str:
    """Validate a scan request's path; returns it with symlinks resolved.

    The roots are checked before the path's existence: a path outside them is 403
    whether or not it exists, so the answers reveal nothing about the file system
    outside the roots (``realpath`` works on paths that do not exist).
    """
    if raw is None or not raw.strip():
        raise InvalidPathError("path is required: the absolute path of a folder to scan")
    if "\x00" in raw:
        raise InvalidPathError("path contains a NUL byte")
    if not os.path.isabs(raw):
        raise InvalidPathError(f"path {shown(raw)} is not absolute")
    real = os.path.realpath(raw)
    ensure_allowed(real, allowed_roots)
    if not os.path.exists(real):
        raise InvalidPathError(f"path {shown(raw)} does not exist")
    if not os.path.isdir(real):
        raise InvalidPathError(f"path {shown(raw)} is not a directory")
    return real


def _walk_start(path: str, allowed_roots: Sequence[Path]) -> str:
    """The allowed root (resolved) that holds ``path`` by name; ``/`` when all are allowed."""
    if not allowed_roots:
        return os.sep
    holding = [root for root in real_roots(allowed_roots) if is_within(path, root)]
    if not holding:
        ensure_allowed(path, allowed_roots)  # raises, with the usual message
    return max(holding, key=len)


def remove_library_file(path: str, allowed_roots: Sequence[Path]) -> bool:
    """Delete the video file at ``path``; False when it is already gone.

    Nothing but the library file itself is ever removed. The stored path must lie by
    name in an allowed root (403 before anything is touched). From that root (``/``
    when every path is allowed) each folder is opened relative to the one before with
    ``O_NOFOLLOW``, and the file is unlinked relative to the last folder's descriptor:
    a folder swapped for a symlink at any moment makes an open fail instead of
    redirecting the delete, and there is no gap between checking a folder and using
    it. A symlink anywhere on the path (the file included) is refused (409), even one
    that would lead back inside the roots: following it is what must never happen.
    """
    target = os.path.normpath(path)
    start = _walk_start(target, allowed_roots)
    *folders, name = os.path.relpath(target, start).split(os.sep)
    if name in {".", ""}:
        raise NotARegularFileError(f"{shown(path)} is an allowed root, not a video file")
    fd = _open_folder(start, None, path)
    if fd is None:
        return False
    try:
        for folder in folders:
            inner = _open_folder(folder, fd, path)
            if inner is None:
                return False
            os.close(fd)
            fd = inner
        try:
            info = os.stat(name, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            return False
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeFileError(
                f"{shown(path)} is a symbolic link; neither it nor its target is deleted"
            )
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFileError(f"{shown(path)} is not a regular file; it is not deleted")
        try:
            # Relative to the verified folder: if the name was swapped since the check,
            # what goes is that entry itself (a link is removed, never its target).
            os.unlink(name, dir_fd=fd)
        except FileNotFoundError:
            return False
        except IsADirectoryError as exc:
            raise NotARegularFileError(f"{shown(path)} is a folder; it is not deleted") from exc
        return True
    finally:
        os.close(fd)


def _open_folder(name: str, dir_fd: int | None, path: str) -> int | None:
    """Open one folder of ``path`` without following a symlink; None when it is gone."""
    try:
        return os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno not in {errno.ENOTDIR, errno.ELOOP}:
            raise
        if not _is_symlink(name, dir_fd):
            return None  # a file stands where a folder was: the video is gone
        raise UnsafeFileError(
            f"{shown(name)} on the path of {shown(path)} is a symbolic link; "
            "the file is not deleted through it"
        ) from exc


def _is_symlink(name: str, dir_fd: int | None) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False
