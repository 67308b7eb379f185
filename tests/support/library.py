"""``StoredVideos``: the library's repository and pages, each call its own unit of work.

``VideoRepository`` works in its caller's session; most repository tests want each
step committed on its own (the way the scan's writer and a request use it), so this
opens one unit of work per call. Tests of one multi-step unit use the repository
directly inside ``database.unit_of_work()``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TypeVar, Unpack

from stoat_ferret.db import Database
from stoat_ferret.library.models import ProbedVideo, VideoRow
from stoat_ferret.library.pages import Page, PageOptions, video_pages
from stoat_ferret.library.repository import KnownStamp, VideoRepository

T = TypeVar("T")


class StoredVideos:
    """The pages (``list_page``, ``search``) as served, plus the repository's calls."""

    def __init__(self, database: Database) -> None:
        self._pages = video_pages(database)
        self._database = database

    async def list_page(self, **options: Unpack[PageOptions]) -> Page:
        return await self._pages.list_page(**options)

    async def search(self, query: str, **options: Unpack[PageOptions]) -> Page:
        return await self._pages.search(query, **options)

    async def _in_unit(self, call: Callable[[VideoRepository], Awaitable[T]]) -> T:
        async with self._database.unit_of_work() as uow:
            return await call(VideoRepository(uow.session))

    async def get(self, video_id: str) -> VideoRow | None:
        return await self._in_unit(lambda repository: repository.get(video_id))

    async def get_by_path(self, path: str) -> VideoRow | None:
        return await self._in_unit(lambda repository: repository.get_by_path(path))

    async def count(self) -> int:
        return await self._in_unit(lambda repository: repository.count())

    async def known_stamps(self, root: str, *, recursive: bool) -> dict[str, KnownStamp]:
        return await self._in_unit(lambda r: r.known_stamps(root, recursive=recursive))

    async def ids(self) -> set[str]:
        return await self._in_unit(lambda repository: repository.ids())

    async def upsert_many(self, videos: Sequence[ProbedVideo]) -> list[VideoRow]:
        return await self._in_unit(lambda repository: repository.upsert_many(videos))

    async def set_missing(self, paths: Iterable[str], *, missing: bool = True) -> int:
        return await self._in_unit(lambda r: r.set_missing(paths, missing=missing))

    async def delete(self, video_id: str) -> bool:
        return await self._in_unit(lambda repository: repository.delete(video_id))
