"""A frame preview whose client goes away kills its ffmpeg (a real server, real sockets)."""

from __future__ import annotations

import asyncio
import os
import shutil
import stat
from pathlib import Path

import httpx
import pytest

from tests.render.api.test_render_server import _argv, _prepare
from tests.support.processes import free_port, read_pid, server_process, wait_until_stopped

_WRAPPER = """#!/bin/sh
# The frame preview's command (a filter graph written to stdout) hangs; anything else
# (thumbnails, formats) is the real ffmpeg.
last=""
graph=""
for arg in "$@"; do
  [ "$arg" = "-filter_complex" ] && graph=1
  last="$arg"
done
if [ -n "$graph" ] && [ "$last" = "pipe:1" ]; then
  echo $$ > "{pid_file}"
  exec sleep 120
fi
exec "{ffmpeg}" "$@"
"""


@pytest.fixture
def hanging_ffmpeg(tmp_path: Path) -> tuple[Path, Path]:
    pid_file = tmp_path / "frame.pid"
    wrapper = tmp_path / "ffmpeg-wrapper"
    ffmpeg = shutil.which("ffmpeg")
    assert ffmpeg is not None
    wrapper.write_text(_WRAPPER.replace("{pid_file}", str(pid_file)).replace("{ffmpeg}", ffmpeg))
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper, pid_file


async def test_client_disconnect_kills_the_frame_ffmpeg(
    tmp_path: Path, media_dir: Path, hanging_ffmpeg: tuple[Path, Path]
) -> None:
    wrapper, pid_file = hanging_ffmpeg
    port = free_port()
    env = {**os.environ, "STOAT_FFMPEG_PATH": str(wrapper)}
    with server_process(_argv(tmp_path / "data", port), port, env=env) as (url, _):
        projects = await asyncio.to_thread(_prepare, url, media_dir)
        async with httpx.AsyncClient(base_url=url, timeout=1.0) as client:
            with pytest.raises(httpx.ReadTimeout):
                await client.get(f"/api/v1/projects/{projects['long']}/frame", params={"at": 10})
        pid = await read_pid(pid_file)
        assert await wait_until_stopped(pid, limit_s=5), "ffmpeg outlived its client"
        # The server is fine and answers the next request.
        async with httpx.AsyncClient(base_url=url) as client:
            assert (await client.get("/health/live")).status_code == 200
