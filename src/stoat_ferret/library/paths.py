"""Path rules shared by scans and file deletion: absolute, existing, inside an allowed root.

These helpers touch the file system (``realpath``, ``stat``): call them through
``asyncio.to_thread`` from async code.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from stoat_ferret.errors import InvalidPathError, PathNotAllowedError, capped


def is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def overlaps(a: str, b: str) -> bool:
    """True when one folder contains the other (or they are the same)."""
    return is_within(a, b) or is_within(b, a)


def ensure_allowed(real_path: str, allowed_roots: Sequence[Path]) -> None:
    """Raise ``PathNotAllowedError`` unless ``real_path`` lies in an allowed root.

    An empty list allows everything (the default for a loopback-only server).
    Roots are resolved too, so a root given through a symlink still matches.
    """
    if not allowed_roots:
        return
    roots = [os.path.realpath(root) for root in allowed_roots]
    if not any(is_within(real_path, root) for root in roots):
        raise PathNotAllowedError(
            f"{capped(real_path)} is outside every allowed scan root ({', '.join(roots)}); "
            "see STOAT_ALLOWED_SCAN_ROOTS"
        )


def resolve_scan_folder(raw: str | None, allowed_roots: Sequence[Path]) -> str:
    """Validate a scan request's path; returns it with symlinks resolved."""
    if raw is None or not raw.strip():
        raise InvalidPathError("path is required: the absolute path of a folder to scan")
    if "\x00" in raw:
        raise InvalidPathError("path contains a NUL byte")
    if not os.path.isabs(raw):
        raise InvalidPathError(f"path {capped(raw)} is not absolute")
    if not os.path.exists(raw):
        raise InvalidPathError(f"path {capped(raw)} does not exist")
    if not os.path.isdir(raw):
        raise InvalidPathError(f"path {capped(raw)} is not a directory")
    real = os.path.realpath(raw)
    ensure_allowed(real, allowed_roots)
    return real
