"""The unit of work on a real SQLite file: one transaction, events only after commit."""

from __future__ import annotations

from typing import Any

import pytest

from stoat_ferret.db import Database
from stoat_ferret.library.repository import VideoRepository
from tests.library.test_repository import probed
from tests.support.library import StoredVideos


class Sink:
    """Records what a unit of work publishes, and when."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, event_type: str, payload: dict[str, Any]) -> None:
        self.events.append((event_type, payload))


async def test_a_multi_step_change_commits_as_one_and_then_publishes(database: Database) -> None:
    sink = Sink()
    async with database.unit_of_work(sink) as uow:
        repository = VideoRepository(uow.session)
        [row] = await repository.upsert_many([probed("/u/one.mp4")])
        assert await repository.set_missing(["/u/one.mp4"]) == 1
        uow.emit("video.updated", {"id": row.id})
        # Held back until the commit: no listener hears of an uncommitted change.
        assert sink.events == []
        # Another connection does not see the change before the commit either.
        assert await StoredVideos(database).count() == 0
    assert sink.events == [("video.updated", {"id": row.id})]
    stored = await StoredVideos(database).get_by_path("/u/one.mp4")
    assert stored is not None and stored.missing is True


async def test_an_error_rolls_every_step_back_and_drops_the_events(database: Database) -> None:
    sink = Sink()
    with pytest.raises(RuntimeError, match="second step failed"):
        async with database.unit_of_work(sink) as uow:
            repository = VideoRepository(uow.session)
            await repository.upsert_many([probed("/u/two.mp4")])
            uow.emit("video.added", {"path": "/u/two.mp4"})
            raise RuntimeError("second step failed")
    assert sink.events == []
    assert await StoredVideos(database).count() == 0


async def test_a_failing_statement_rolls_back_what_came_before(database: Database) -> None:
    sink = Sink()
    with pytest.raises(OverflowError):
        async with database.unit_of_work(sink) as uow:
            repository = VideoRepository(uow.session)
            await repository.upsert_many([probed("/u/kept-out.mp4")])
            uow.emit("video.added", {"path": "/u/kept-out.mp4"})
            # 2**63 does not fit SQLite's INTEGER: the second step fails in the database.
            await repository.upsert_many([probed("/u/huge.mp4", size=2**63)])
    assert sink.events == []
    assert await StoredVideos(database).count() == 0


async def test_an_upsert_sees_its_own_session_s_rows_fresh(database: Database) -> None:
    """A row loaded earlier in the same unit is not handed back stale by the upsert."""
    async with database.unit_of_work() as uow:
        repository = VideoRepository(uow.session)
        await repository.upsert_many([probed("/u/fresh.mp4", size=1)])
        before = await repository.get_by_path("/u/fresh.mp4")
        assert before is not None and before.file_size == 1
        [after] = await repository.upsert_many([probed("/u/fresh.mp4", size=2)])
        assert after.file_size == 2
