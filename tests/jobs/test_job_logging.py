"""Handler logs are structured JSON lines carrying the job id and type."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import structlog

from stoat_ferret.jobs import InMemoryJobQueue, JobContext
from stoat_ferret.log_config import configure_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    yield
    structlog.reset_defaults()  # the logger must not keep this test's captured stderr


@pytest.mark.usefixtures("restore_logging")
async def test_handler_logs_carry_the_job_id(capsys: pytest.CaptureFixture[str]) -> None:
    # Configured here, not in a fixture: capsys swaps sys.stderr only when the test runs.
    configure_logging("info", "json")

    async def chatty(ctx: JobContext, payload: dict[str, Any]) -> None:
        structlog.get_logger("handler").info("working", step=1)  # no explicit binding
        ctx.log.info("via context")

    queue = InMemoryJobQueue()
    queue.register_handler("chatty", chatty)
    await queue.start()
    try:
        job_id = await queue.submit("chatty", {})
        await queue.wait(job_id, 5)
    finally:
        await queue.stop()
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.strip()]
    by_event = {line["event"]: line for line in lines}
    for event in ("working", "via context"):
        assert by_event[event]["job_id"] == job_id
        assert by_event[event]["job_type"] == "chatty"
        assert by_event[event]["level"] == "info"
        assert "timestamp" in by_event[event]
    assert by_event["working"]["step"] == 1
