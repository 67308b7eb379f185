"""Job handlers for tests only: production code ships no demo handler."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from stoat_ferret.jobs import AsyncJobQueue, JobContext


async def echo(ctx: JobContext, payload: dict[str, Any]) -> Any:
    return payload


async def fail(ctx: JobContext, payload: dict[str, Any]) -> Any:
    raise RuntimeError(str(payload.get("message", "boom")))


async def steps(ctx: JobContext, payload: dict[str, Any]) -> Any:
    """``total`` steps of ``step_s`` seconds each, reporting progress, honouring cancel."""
    total = int(payload.get("total", 100))
    step_s = float(payload.get("step_s", 0.01))
    for done in range(total):
        ctx.raise_if_cancelled({"processed": done, "total": total})
        await ctx.set_progress(done / total, {"processed": done, "total": total})
        await asyncio.sleep(step_s)
    return {"processed": total, "total": total}


async def marked(ctx: JobContext, payload: dict[str, Any]) -> Any:
    """Leave one file per run in ``payload["folder"]`` (how often it ran), then hold."""
    folder = Path(str(payload["folder"]))
    await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
    run = len(await asyncio.to_thread(lambda: list(folder.iterdir()))) + 1
    await asyncio.to_thread((folder / f"run-{run}-{os.getpid()}").write_text, ctx.job_id)
    await ctx.set_progress(0.1, {"run": run})
    await asyncio.sleep(float(payload.get("hold_s", 0)))
    return {"run": run}


TEST_HANDLERS = {"echo": echo, "fail": fail, "steps": steps, "marked": marked}


def register_test_handlers(queue: AsyncJobQueue) -> None:
    for job_type, handler in TEST_HANDLERS.items():
        queue.register_handler(job_type, handler)
