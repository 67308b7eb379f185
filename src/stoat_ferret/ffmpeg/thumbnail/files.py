"""Writing a thumbnail file so a reader never sees half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(dest: str | os.PathLike[str], data: bytes) -> None:
    """
    Write ``data`` to ``dest`` so readers see the old file or the whole new one.

    Blocking; call it through ``asyncio.to_thread`` from async code. The temporary
    file lives in the destination folder because ``os.replace`` is only atomic
    within one file system.

    Args:
        dest: final path; its folder is created if missing.
        data: file contents.
    """
    target = Path(dest)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # 0o644 like a normal file; mkstemp creates 0o600, which a separate web
        # server or the user's file manager could not read.
        Path(tmp_name).chmod(0o644)
        Path(tmp_name).replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink()
        raise
