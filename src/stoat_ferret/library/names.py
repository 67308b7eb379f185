"""File names the library cannot store as text: detecting them and showing them.

On Linux a file name is bytes; Python decodes the bytes that are not UTF-8 into lone
surrogates (``surrogateescape``), a ``str`` that SQLite, JSON and the API's schema all
refuse. Such files are reported as per-file scan errors instead of stored (decision and
reasons: docs/manual/04_library-scanning.md), and shown with the offending bytes
escaped, e.g. ``/videos/bad\\xff.mp4``.
"""

from __future__ import annotations

import os

UNDECODABLE_NAME = (
    "the file name is not valid UTF-8, so the library cannot store it; "
    "rename the file (e.g. with convmv) and scan again"
)


def is_storable(path: str) -> bool:
    """True when ``path`` is valid Unicode text (no bytes that were not UTF-8)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def display_path(path: str) -> str:
    """``path`` as printable text: bytes that are not UTF-8 become ``\\xNN`` escapes."""
    if is_storable(path):
        return path
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")
