"""
Where a render writes: the requested path's checks, the default name, the temporary file.

A render never writes its target directly: ffmpeg writes a temporary file beside it,
``.<target name>.<job id>.<attempt token>.part``, and the job renames it to the target
only once the output is verified. The token is new for every attempt, and every attempt
first removes what an earlier attempt of the same job left (a server killed mid-render
leaves its partial file; the re-queued job starts over from scratch and cleans it up).

The functions touch the file system: call them through ``asyncio.to_thread``.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from stoat_ferret.errors import InvalidPathError
from stoat_ferret.library.paths import ensure_allowed, shown

__all__ = [
    "default_output",
    "finish_output",
    "remove_leftovers",
    "resolve_output",
    "safe_name",
    "temporary_path",
]

_UNSAFE = re.compile(r"[^\w.-]+")
_LONGEST_NAME = 80


def safe_name(name: str) -> str:
    """
    ``name`` as a file-name stem on every common file system.

    Unicode is normalised (NFC), anything but letters, digits, ``.``, ``-`` and ``_``
    becomes ``_``, dots and ``_`` at either end go (no hidden files), and the result is at most 80
    characters; nothing left gives ``project``.
    """
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip("._")
    return cleaned[:_LONGEST_NAME].rstrip("._") or "project"


def default_output(renders_dir: Path, project_name: str, job_id: str, container: str) -> str:
    """``<data dir>/renders/<project name>-<job id>.<container>`` (SPEC §10)."""
    return str(renders_dir / f"{safe_name(project_name)}-{job_id}.{container}")


def resolve_output(raw: str, allowed_roots: Sequence[Path]) -> str:
    """
    Check a requested ``output_path``; returns it with symlinks resolved.

    The order matters (SPEC §13): absolute first (400), then the allowed roots (403,
    before anything about the path's existence is revealed), then the file itself: an
    existing file or folder (400), or a folder to write into that does not exist (400).

    Raises:
        InvalidPathError: not absolute, a NUL byte, an existing file, no such folder.
        PathNotAllowedError: outside ``STOAT_ALLOWED_SCAN_ROOTS``.
    """
    if "\x00" in raw:
        raise InvalidPathError("output_path contains a NUL byte")
    if not raw.strip() or not os.path.isabs(raw):
        raise InvalidPathError(f"output_path {shown(raw)} is not absolute")
    real = os.path.realpath(raw)
    ensure_allowed(real, allowed_roots)
    if os.path.lexists(real):
        raise InvalidPathError(f"output_path {shown(raw)} exists; choose a new file name")
    if not os.path.isdir(os.path.dirname(real)):
        raise InvalidPathError(f"output_path {shown(raw)}: its folder does not exist")
    return real


def _part_prefix(target: str, job_id: str) -> str:
    return f".{os.path.basename(target)}.{job_id}."


def temporary_path(target: str, job_id: str) -> str:
    """A new temporary name beside ``target`` for one attempt of ``job_id``."""
    name = f"{_part_prefix(target, job_id)}{secrets.token_hex(4)}.part"
    return os.path.join(os.path.dirname(target), name)


def remove_leftovers(target: str, job_id: str) -> list[str]:
    """Delete the temporary files earlier attempts of ``job_id`` left beside ``target``."""
    folder = os.path.dirname(target)
    prefix = _part_prefix(target, job_id)
    removed = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for name in os.listdir(folder):
            if name.startswith(prefix) and name.endswith(".part"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(os.path.join(folder, name))
                    removed.append(name)
    return removed


def remove_quietly(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def finish_output(temporary: str, target: str) -> int:
    """
    Move the verified file to ``target`` without replacing anything; returns its size.

    A hard link then an unlink: the link fails if a file appeared at ``target`` since
    the request was checked, where a rename would silently replace it.

    Raises:
        InvalidPathError: ``target`` exists now.
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        remove_quietly(temporary)
        raise InvalidPathError(f"output_path {shown(target)} appeared during the render") from None
    except OSError:
        # No hard links here (some network and FAT file systems): rename, checked once more.
        if os.path.lexists(target):
            remove_quietly(temporary)
            raise InvalidPathError(
                f"output_path {shown(target)} appeared during the render"
            ) from None
        os.rename(temporary, target)
        return os.path.getsize(target)
    os.remove(temporary)
    return os.path.getsize(target)
