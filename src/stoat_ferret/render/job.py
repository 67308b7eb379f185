"""
The ``render`` job: one ffmpeg run over the whole project, verified before it succeeds.

Payload ``{project_id, version, settings, output_path}`` (``output_path`` null: the
default ``<data dir>/renders/<project name>-<job id>.<container>``). The handler:

1. loads the project at ``version`` and its sources (a clip's source now ``missing``
   fails the job; a file deleted since the request is left for ffmpeg to report);
2. removes what an earlier attempt of this job left beside the target (a server killed
   mid-render re-queues the job, which starts over) and picks a new temporary name;
3. runs ffmpeg through the media process runner with ``-progress pipe:1 -nostats``,
   reporting every progress block (ffmpeg prints one each half second), the ETA from
   the render's cost model (``render_work``: the work left, not the seconds left);
4. on a cancel request: SIGTERM to ffmpeg's process group, SIGKILL after 5 s, reaped,
   the partial file deleted, ``cancelled``;
5. on a non-zero exit: ``failed`` with ffmpeg's last 50 stderr lines;
6. verifies the file with ffprobe (``verify_output``); more than one frame off (or a
   wrong size, rate, duration, no audio) fails the job naming each difference;
7. moves the file to its target (never replacing one) and returns
   ``{output_path, duration_s, frames, size_bytes, verification}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from fractions import Fraction
from typing import Any

from stoat_ferret.db import UnitOfWork
from stoat_ferret.ffmpeg import MediaProcess, media_process
from stoat_ferret.jobs import JobCancelledError, JobContext, JobHandler
from stoat_ferret.render.cost import WorkProfile, render_work
from stoat_ferret.render.errors import RenderFailedError
from stoat_ferret.render.output import (
    default_output,
    finish_output,
    remove_leftovers,
    remove_quietly,
    temporary_path,
)
from stoat_ferret.render.progress import ProgressParser
from stoat_ferret.render.service import Prepared, RenderService
from stoat_ferret.render.settings import RenderCommand
from stoat_ferret.render.verify import ExpectedOutput, verify_output

__all__ = ["TERM_GRACE_S", "make_render_handler"]

TERM_GRACE_S = 5.0
"""SIGTERM, then SIGKILL after this long (SPEC §10)."""

_SETTING_KEYS = ("container", "video_codec", "audio_codec", "crf", "preset")


def _expected(prepared: Prepared, command: RenderCommand) -> ExpectedOutput:
    settings = prepared.document.settings
    return ExpectedOutput(
        frames=command.expected_frames,
        duration_s=command.expected_duration_s,
        width=settings.output_width,
        height=settings.output_height,
        frame_rate=Fraction(settings.output_fps),
    )


async def _follow_progress(
    ctx: JobContext, proc: MediaProcess, parser: ProgressParser, last: dict[str, Any]
) -> None:
    async for line in proc.stdout_lines():
        for block in parser.feed(line + "\n"):
            last.update(block.detail)
            # 1.0 only once the output is verified and in place.
            await ctx.set_progress(min(block.fraction, 0.999), dict(block.detail))


async def _until_end_or_cancel(
    ctx: JobContext, proc: MediaProcess, parser: ProgressParser, last: dict[str, Any]
) -> bool:
    """Follow ffmpeg's progress until its stdout ends; True if a cancel came first."""
    follow = asyncio.create_task(_follow_progress(ctx, proc, parser, last))
    cancel = asyncio.create_task(ctx.wait_cancel_requested())
    try:
        await asyncio.wait({follow, cancel}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (follow, cancel):
            task.cancel()
        for task in (follow, cancel):
            with contextlib.suppress(asyncio.CancelledError):
                await task
    if follow.done() and not follow.cancelled():
        follow.result()  # a failure to report progress is the job's failure
        return False
    return True


async def _run_ffmpeg(
    ctx: JobContext, command: RenderCommand, work: WorkProfile, last: dict[str, Any]
) -> None:
    """
    Run the render's ffmpeg to its end, or stop it on a cancel request.

    ``work`` is the render's cost model: the ETA is the work left at the measured rate.

    Raises:
        JobCancelledError: a cancel was requested; ffmpeg is stopped and reaped.
        RenderFailedError: ffmpeg exited with an error; its last stderr lines.
    """
    parser = ProgressParser(command.expected_duration_s, work=work)
    try:
        async with media_process(command.argv, term_grace_s=TERM_GRACE_S) as proc:
            if await _until_end_or_cancel(ctx, proc, parser, last):
                await proc.stop()  # SIGTERM, SIGKILL after TERM_GRACE_S, reaped
                raise JobCancelledError()
            returncode = await proc.wait()
    except (FileNotFoundError, PermissionError) as exc:
        raise RenderFailedError(f"cannot run ffmpeg {command.argv[0]!r}: {exc}") from exc
    if returncode != 0:
        tail = "\n".join(proc.stderr_tail).strip() or "(ffmpeg printed nothing)"
        raise RenderFailedError(f"ffmpeg exited with status {returncode}:\n{tail}")


@contextlib.asynccontextmanager
async def _temporary(target: str, job_id: str) -> AsyncIterator[str]:
    """A fresh temporary name beside ``target``; deleted unless it was moved."""
    await asyncio.to_thread(remove_leftovers, target, job_id)
    temporary = temporary_path(target, job_id)
    try:
        yield temporary
    finally:
        # Shielded: a second cancel while deleting must not leave the partial file.
        await asyncio.shield(asyncio.to_thread(remove_quietly, temporary))


def make_render_handler(
    service: RenderService,
    unit_of_work: Callable[[], AbstractAsyncContextManager[UnitOfWork]],
    *,
    ffprobe: str,
) -> JobHandler:
    """The ``render`` handler over ``service`` (see the module docstring)."""

    async def render(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
        options = {key: payload["settings"][key] for key in _SETTING_KEYS}
        async with unit_of_work() as uow:
            prepared = await service.prepare(
                uow.session, payload["project_id"], payload["version"], check_files=False
            )
        target = payload.get("output_path")
        if not target:
            name = prepared.document.settings.name
            target = default_output(service.renders_dir, name, ctx.job_id, options["container"])
            await asyncio.to_thread(os.makedirs, service.renders_dir, exist_ok=True)
        async with _temporary(target, ctx.job_id) as temporary:
            command = service.command(prepared, options, temporary)
            last = _start_detail(command)
            await ctx.set_progress(0.0, dict(last))
            work = render_work(
                prepared.document,
                prepared.timeline,
                prepared.sources,
                video_codec=options["video_codec"],
                preset=options["preset"],
            )
            await _run_ffmpeg(ctx, command, work, last)
            ctx.raise_if_cancelled()
            checked = await verify_output(
                temporary, _expected(prepared, command), ffprobe_path=ffprobe
            )
            if not checked.ok:
                raise RenderFailedError(checked.message)
            size = await asyncio.to_thread(finish_output, temporary, target)
        facts = checked.facts
        await ctx.set_progress(1.0, {**last, "out_time_s": facts.duration_s, "eta_s": 0.0})
        return {
            "output_path": target,
            "duration_s": facts.duration_s,
            "frames": facts.frames,
            "size_bytes": size,
            "verification": dict(checked.result()),
        }

    return render


def _start_detail(command: RenderCommand) -> dict[str, Any]:
    return {
        "frame": 0,
        "fps": None,
        "speed": None,
        "out_time_s": 0.0,
        "total_s": command.expected_duration_s,
        "eta_s": None,
    }
