"""List and search pages on PostgreSQL: the statements of ``pages.py``, through the engine.

PostgreSQL serves concurrent readers itself (no SQLite-style single file to share),
so there is no read pool and no page cache here: each page is one statement on a
pooled asyncpg connection, with the total counted in the same statement.

Search keeps SQLite's meaning exactly (every whitespace-separated term is a
case-insensitive substring of the path, which ends with the file name), so one test
suite holds on both databases: each term is an ``ILIKE`` over the path, which the
``pg_trgm`` GIN index of migration 0002 answers for terms of three characters or
more, as SQLite's trigram FTS5 table does (decision: docs/design/09-database-backends.md).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncEngine

from stoat_ferret.library.models import VideoRecord, VideoRow
from stoat_ferret.library.pages import (
    LibraryPages,
    Page,
    PageRequest,
    SortField,
    SortOrder,
    like_pattern,
    list_statements,
    page_of_matches,
)

_SEARCHED = VideoRow.path.collate("default")
"""The path in the database's locale: the expression the trigram index is built on."""


def _term_matches(n: int) -> ColumnElement[bool]:
    return _SEARCHED.ilike(bindparam(f"like_{n}"), escape="\\")


@lru_cache(maxsize=256)
def search_statements(
    terms: int, sort: SortField, order: SortOrder, filtered: bool
) -> tuple[Select[Any], Select[Any]]:
    """A search page and its count for ``terms`` terms (bound as ``like_0``, ``like_1``...)."""
    conditions = [_term_matches(n) for n in range(terms)]
    if filtered:
        conditions.append(VideoRow.media_type == bindparam("media_type"))
    matches = select(VideoRow.pk).where(*conditions).cte("matches")
    return page_of_matches(matches, sort, order)


def _statements(request: PageRequest) -> tuple[tuple[Select[Any], Select[Any]], dict[str, Any]]:
    values: dict[str, Any] = {"limit": request.limit, "offset": request.offset}
    filtered = request.media_type is not None
    if filtered:
        values["media_type"] = request.media_type
    if request.query is None:
        return list_statements(request.sort, request.order, filtered), values
    terms = request.query.split()
    values.update({f"like_{n}": like_pattern(term) for n, term in enumerate(terms)})
    return search_statements(len(terms), request.sort, request.order, filtered), values


def _records(rows: list[Row[Any]]) -> list[VideoRecord]:
    # The engine has already converted every column (aware datetimes, booleans).
    return [VideoRecord._make(tuple(row)[:-1]) for row in rows]


class EngineVideoPages(LibraryPages):
    """``LibraryPages`` on the async engine (PostgreSQL): one statement per page."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def _rows(self, request: PageRequest) -> Page:
        (page, count), values = _statements(request)
        async with self._engine.connect() as connection:
            rows = list((await connection.execute(page, values)).all())
            if rows:
                return _records(rows), int(rows[0][-1])
            # An empty page (no match, or an offset past the end) carries no total.
            return [], int((await connection.execute(count, values)).scalar_one())
