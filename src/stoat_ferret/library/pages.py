"""List and search pages: SQL built once per query shape, read through ``ReadPool``.

These two reads are what many clients hit at once, so they skip the ORM: each query
shape (sort field, order, which kinds of search terms) is built with SQLAlchemy Core
and compiled to SQLite text once, and each request binds its values and makes one
trip to a reader thread (``db/reader.py``), which returns ``VideoRecord`` tuples. The
page and its total come from one statement; a second one counts only when the page
is empty (no match, or an offset past the end). Either can be narrowed to one
``media_type`` (``video`` or ``audio``), bound like the other values.
Measurements: docs/performance.md.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, Literal

from sqlalchemy import CTE, ColumnElement, Integer, Select, bindparam, func, select, text
from sqlalchemy.dialects import sqlite

from stoat_ferret.db.reader import ReadPool
from stoat_ferret.ffmpeg import MediaType
from stoat_ferret.library.models import VideoRecord, VideoRow
from stoat_ferret.library.schemas import VideoPage

SortField = Literal[
    "filename", "created_at", "updated_at", "duration_seconds", "file_size", "width"
]
SortOrder = Literal["asc", "desc"]
Page = tuple[list[VideoRecord], int]

#: Trigram FTS needs three characters; shorter terms fall back to LIKE.
MIN_FTS_TERM = 3

_TABLE = VideoRow.__table__
_COLUMNS = [_TABLE.c[name] for name in VideoRecord._fields]
_CONVERTED = len(VideoRecord._fields) - 3  # missing, created_at, updated_at
_DIALECT = sqlite.dialect()


@dataclass(frozen=True)
class _Sql:
    """Compiled SQLite text and the names of its ``?`` parameters, in order."""

    text: str
    names: tuple[str, ...]

    def bind(self, values: Mapping[str, Any]) -> list[Any]:
        return [values[name] for name in self.names]


def _compile(statement: Select[Any]) -> _Sql:
    compiled = statement.compile(dialect=_DIALECT)
    return _Sql(compiled.string, tuple(compiled.positiontup or ()))


def _utc(stored: str) -> datetime:
    """What ``UTCDateTime`` hands back: the stored naive UTC text, made aware."""
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def _record(row: tuple[Any, ...]) -> VideoRecord:
    n = _CONVERTED
    return VideoRecord._make((*row[:n], bool(row[n]), _utc(row[n + 1]), _utc(row[n + 2])))


def _ordering(sort: SortField, order: SortOrder) -> tuple[ColumnElement[Any], ...]:
    column = getattr(VideoRow, sort)
    if order == "asc":
        return column.asc(), VideoRow.pk.asc()
    return column.desc(), VideoRow.pk.desc()


def _paged(matching: Select[Any], sort: SortField, order: SortOrder) -> Select[Any]:
    ordered = matching.order_by(*_ordering(sort, order))
    return ordered.limit(bindparam("limit", type_=Integer)).offset(
        bindparam("offset", type_=Integer)
    )


@dataclass(frozen=True)
class PageQuery:
    """One page to read: hashable, so equal requests share a cached result."""

    page: _Sql
    count: _Sql
    values: tuple[tuple[str, Any], ...]

    def __call__(self, connection: sqlite3.Connection) -> Page:
        values = dict(self.values)
        rows = connection.execute(self.page.text, self.page.bind(values)).fetchall()
        if rows:
            return [_record(row) for row in rows], int(rows[0][-1])
        # An empty page (no match, or an offset past the end) carries no total.
        found = connection.execute(self.count.text, self.count.bind(values)).fetchone()
        return [], int(found[0])


def _of_type(filtered: bool) -> list[ColumnElement[bool]]:
    """The ``media_type`` condition, when the request names one."""
    return [VideoRow.media_type == bindparam("media_type")] if filtered else []


def _media_value(media_type: MediaType | None) -> tuple[tuple[str, Any], ...]:
    return () if media_type is None else (("media_type", media_type),)


@cache
def _list_sql(sort: SortField, order: SortOrder, filtered: bool) -> tuple[_Sql, _Sql]:
    count = select(func.count()).select_from(_TABLE).where(*_of_type(filtered))
    # correlate(None): the subquery counts the whole table, not the outer row.
    total = count.scalar_subquery().correlate(None)
    page = _paged(select(*_COLUMNS, total).where(*_of_type(filtered)), sort, order)
    return _compile(page), _compile(count)


def list_page(
    sort: SortField,
    order: SortOrder,
    limit: int,
    offset: int,
    media_type: MediaType | None = None,
) -> PageQuery:
    """The read for one list page (``ReadPool.read`` runs it); all media types by default."""
    page, count = _list_sql(sort, order, media_type is not None)
    values = (("limit", limit), ("offset", offset), *_media_value(media_type))
    return PageQuery(page, count, values)


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@lru_cache(maxsize=256)
def _search_sql(
    by_words: bool, short_terms: int, sort: SortField, order: SortOrder, filtered: bool
) -> tuple[_Sql, _Sql]:
    # The filename is the last part of the path, so matching the path alone finds
    # the same rows, and SQLite can answer it from the path index (path and rowid)
    # instead of reading every row (docs/performance.md).
    contains: list[ColumnElement[bool]] = [
        VideoRow.path.like(bindparam(f"like_{n}"), escape="\\") for n in range(short_terms)
    ]
    # Narrowing to one media type is one more condition on the matches.
    contains += _of_type(filtered)
    matches: CTE
    if by_words:
        fts = text("SELECT rowid AS pk FROM videos_fts WHERE videos_fts MATCH :match")
        words = fts.columns(pk=Integer)
        if contains:
            matches = select(VideoRow.pk).where(VideoRow.pk.in_(words), *contains).cte("matches")
        else:
            # Straight from the index: counting there costs a tenth of counting
            # the joined rows (a word in 5 % of 100,000 rows: 11 -> 6 ms).
            matches = words.cte("matches")
    else:
        matches = select(VideoRow.pk).where(*contains).cte("matches")
    count = select(func.count()).select_from(matches)
    # One statement for the page and the total: SQLite materialises the matches once
    # (a CTE used twice) and sorts only those, instead of finding them twice or
    # walking the sort index and testing every row on the way (a two-letter search
    # in 100,000 rows: 108 ms before, docs/performance.md).
    matching = select(*_COLUMNS, count.scalar_subquery()).where(
        VideoRow.pk.in_(select(matches.c.pk))
    )
    return _compile(_paged(matching, sort, order)), _compile(count)


def search_page(
    query: str,
    sort: SortField,
    order: SortOrder,
    limit: int,
    offset: int,
    media_type: MediaType | None = None,
) -> PageQuery:
    """The read for one search page: every whitespace-separated term must match."""
    terms = query.split()
    long_terms = [t for t in terms if len(t) >= MIN_FTS_TERM]
    short_terms = [t for t in terms if len(t) < MIN_FTS_TERM]
    values: dict[str, Any] = {"limit": limit, "offset": offset}
    values["match"] = " AND ".join(_fts_phrase(t) for t in long_terms)
    values.update({f"like_{n}": _like(t) for n, t in enumerate(short_terms)})
    values.update(_media_value(media_type))
    page, count = _search_sql(
        bool(long_terms), len(short_terms), sort, order, media_type is not None
    )
    return PageQuery(page, count, tuple(values.items()))


@dataclass(frozen=True)
class PageBody:
    """A page read and rendered to its JSON body in the reader thread.

    Cached like the page itself, so a page asked again by many clients is read,
    validated and encoded once per write to the database: the request then costs
    only the HTTP stack (validating and encoding 20 rows took about as much CPU as
    all the rest of the request, docs/performance.md).
    """

    query: PageQuery
    limit: int
    offset: int

    def __call__(self, connection: sqlite3.Connection) -> bytes:
        rows, total = self.query(connection)
        return VideoPage.of(rows, total, self.limit, self.offset).model_dump_json().encode()


class VideoPages:
    """The list and search pages, read through the ``ReadPool`` with its page cache.

    Deliberately not a unit-of-work repository: these are the hot reads (many
    clients at once), served by plain sqlite3 readers in threads, each page one trip
    and cached until the next write (``db/reader.py``, ``docs/design/03-wiring.md``).
    ``list_page`` and ``search`` hand back rows; the ``*_body`` forms hand back the
    HTTP answer's JSON.
    """

    def __init__(self, reads: ReadPool) -> None:
        self._reads = reads

    async def list_page(
        self,
        *,
        sort: SortField = "filename",
        order: SortOrder = "asc",
        limit: int = 20,
        offset: int = 0,
        media_type: MediaType | None = None,
    ) -> Page:
        """One page of the library, of one media type when ``media_type`` is given."""
        read = list_page(sort, order, limit, offset, media_type)
        return await self._reads.read(read, cache=True)

    async def search(
        self,
        query: str,
        *,
        sort: SortField = "filename",
        order: SortOrder = "asc",
        limit: int = 20,
        offset: int = 0,
        media_type: MediaType | None = None,
    ) -> Page:
        """Substring search over filename and path; every whitespace-separated term must match."""
        read = search_page(query, sort, order, limit, offset, media_type)
        return await self._reads.read(read, cache=True)

    async def list_body(
        self,
        *,
        sort: SortField = "filename",
        order: SortOrder = "asc",
        limit: int = 20,
        offset: int = 0,
        media_type: MediaType | None = None,
    ) -> bytes:
        """``list_page`` as the JSON of a ``VideoPage``."""
        read = list_page(sort, order, limit, offset, media_type)
        return await self._reads.read(PageBody(read, limit, offset), cache=True)

    async def search_body(
        self,
        query: str,
        *,
        sort: SortField = "filename",
        order: SortOrder = "asc",
        limit: int = 20,
        offset: int = 0,
        media_type: MediaType | None = None,
    ) -> bytes:
        """``search`` as the JSON of a ``VideoPage``."""
        read = search_page(query, sort, order, limit, offset, media_type)
        return await self._reads.read(PageBody(read, limit, offset), cache=True)
