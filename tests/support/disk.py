"""A small real disk that tests can fill: a tmpfs mount (needs root)."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def mounted_tmpfs(mount_point: Path, size: str = "4m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` at ``mount_point`` (skips the test without root)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs to fill a real disk needs root")
    mount_point.mkdir(exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)], check=True
    )
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=True)


def fill(disk: Path) -> Path:
    """Write a file until the disk has not one byte left; returns it."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        for chunk in (1 << 16, 1 << 12, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\xa5" * chunk)
    with pytest.raises(OSError) as caught, open(disk / "probe", "wb", buffering=0) as probe:
        probe.write(b"x")
    assert caught.value.errno == errno.ENOSPC
    return filler
