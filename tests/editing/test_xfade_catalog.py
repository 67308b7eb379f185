"""The transition names come from the ffmpeg that will render: asked once, then cached."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

from stoat_ferret.editing.transitions import XFADE_TRANSITIONS, parse_xfade_transitions
from stoat_ferret.editing.xfade import XfadeCatalog
from tests.support.media import ffmpeg_binary

FAKE_HELP = """Filter xfade
xfade AVOptions:
   transition        <int>        ..FV....... set cross fade transition (default fade)
     fade            0            ..FV....... fade transition
     only_here       1            ..FV....... a transition of this build only
   duration          <duration>   ..FV....... set cross fade duration (default 1)
"""


def _fake_ffmpeg(folder: Path, help_text: str, calls: Path) -> Path:
    """A real executable that answers ``-h filter=xfade`` like an ffmpeg build would."""
    script = folder / "ffmpeg"
    script.write_text(
        f"#!/bin/sh\necho called >> '{calls}'\ncat <<'HELP'\n{help_text}HELP\n", encoding="utf-8"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


async def test_names_are_those_of_the_configured_ffmpeg_asked_once(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    catalog = XfadeCatalog(str(_fake_ffmpeg(tmp_path, FAKE_HELP, calls)))
    first = await catalog.names()
    assert set(first) == {"fade", "only_here"}
    assert await catalog.names() is first
    assert calls.read_text().count("called") == 1


def _installed_help() -> str:
    argv = [ffmpeg_binary(), "-hide_banner", "-h", "filter=xfade"]
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


async def test_the_installed_ffmpeg_is_asked() -> None:
    expected = parse_xfade_transitions(_installed_help())
    names = await XfadeCatalog(ffmpeg_binary()).names()
    assert names == expected and "fade" in names


async def test_without_a_usable_ffmpeg_the_default_list_is_used(tmp_path: Path) -> None:
    missing = XfadeCatalog(str(tmp_path / "no-such-ffmpeg"))
    assert await missing.names() == XFADE_TRANSITIONS
    silent = XfadeCatalog(str(_fake_ffmpeg(tmp_path, "", tmp_path / "calls")))
    assert await silent.names() == XFADE_TRANSITIONS
