"""List and search pages: SQL built once per query shape, read through ``ReadPool``.

These two reads are what many clients hit at once, so they skip the ORM: each query
shape (sort field, order, which kinds of search terms) is built with SQLAlchemy Core
and compiled to SQLite text once, and each request binds its values and makes one
trip to a reader thread (``db/reader.py``), which returns ``VideoRecord`` tuples. The
page and its total come from one statement; a second one counts only when the page
is empty (no match, or an offset past the end). Either can be narrowed to one
``media_type`` (``video`` or ``audio``), bound like the other values.
Measurements: docs/performance.md.

That is the SQLite database. On PostgreSQL the same statements (and a search of its
own, over a ``pg_trgm`` index) run through the async engine: ``pages_pg.py``.
``video_pages(database)`` picks the one for the database; both are ``LibraryPages``.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, Literal, TypedDict, Unpack

from sqlalchemy import CTE, ColumnElement, Integer, Select, bindparam, func, select, text
from sqlalchemy.dialects import sqlite

from stoat_ferret.db import Database
from stoat_ferret.db.reader import ReadPool
from stoat_ferret.ffmpeg import MediaType
from stoat_ferret.library.models import VideoRecord, VideoRow
from stoat_ferret.library.schemas import VideoPage

SortField = Literal[
    "filename", "created_at", "updated_at", "duration_seconds", "file_size", "width"
]
SortOrder = Literal["asc", "desc"]
Page = tuple[list[VideoRecord], int]

#: The change counter of the ``videos`` table (migration 0006).
LIBRARY_VERSION_SQL = "SELECT n FROM library_version WHERE id = 1"

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
def list_statements(
    sort: SortField, order: SortOrder, filtered: bool
) -> tuple[Select[Any], Select[Any]]:
    """A list page (its rows, each with the total last) and the separate count."""
    count = select(func.count()).select_from(_TABLE).where(*_of_type(filtered))
    # correlate(None): the subquery counts the whole table, not the outer row.
    total = count.scalar_subquery().correlate(None)
    page = _paged(select(*_COLUMNS, total).where(*_of_type(filtered)), sort, order)
    return page, count


def page_of_matches(
    matches: CTE, sort: SortField, order: SortOrder
) -> tuple[Select[Any], Select[Any]]:
    """A page of the rows whose ``pk`` is in ``matches`` (with the total last), and the count."""
    count = select(func.count()).select_from(matches)
    matching = select(*_COLUMNS, count.scalar_subquery()).where(
        VideoRow.pk.in_(select(matches.c.pk))
    )
    return _paged(matching, sort, order), count


@cache
def _list_sql(sort: SortField, order: SortOrder, filtered: bool) -> tuple[_Sql, _Sql]:
    page, count = list_statements(sort, order, filtered)
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


def like_pattern(term: str) -> str:
    """``term`` as a LIKE pattern that finds it anywhere, its wildcards taken literally."""
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
    # One statement for the page and the total: SQLite materialises the matches once
    # (a CTE used twice) and sorts only those, instead of finding them twice or
    # walking the sort index and testing every row on the way (a two-letter search
    # in 100,000 rows: 108 ms before, docs/performance.md).
    page, count = page_of_matches(matches, sort, order)
    return _compile(page), _compile(count)


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
    values.update({f"like_{n}": like_pattern(t) for n, t in enumerate(short_terms)})
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
        return encode_page(rows, total, self.limit, self.offset)


def encode_page(rows: list[VideoRecord], total: int, limit: int, offset: int) -> bytes:
    """The JSON body of a ``VideoPage``: what the list and search routes answer."""
    return VideoPage.of(rows, total, limit, offset).model_dump_json().encode()


class PageOptions(TypedDict, total=False):
    """Which page: the query parameters of the list and search routes."""

    sort: SortField
    order: SortOrder
    limit: int
    offset: int
    media_type: MediaType | None


@dataclass(frozen=True)
class PageRequest:
    """One page to read: ``query`` is None for the library list, else the search text."""

    query: str | None
    sort: SortField = "filename"
    order: SortOrder = "asc"
    limit: int = 20
    offset: int = 0
    media_type: MediaType | None = None


class LibraryPages(ABC):
    """The list and search pages as the API reads them, whichever the database.

    ``list_page`` and ``search`` hand back rows; the ``*_body`` forms hand back the
    HTTP answer's JSON. A database's pages implement ``_rows`` (and ``_body`` when
    they can do better than encoding the rows, e.g. cache the encoded answer).
    """

    async def list_page(self, **options: Unpack[PageOptions]) -> Page:
        """One page of the library, of one media type when ``media_type`` is given."""
        return await self._rows(PageRequest(None, **options))

    async def search(self, query: str, **options: Unpack[PageOptions]) -> Page:
        """Substring search over filename and path; every whitespace-separated term must match."""
        return await self._rows(PageRequest(query, **options))

    async def list_body(self, **options: Unpack[PageOptions]) -> bytes:
        """``list_page`` as the JSON of a ``VideoPage``."""
        return await self._body(PageRequest(None, **options))

    async def search_body(self, query: str, **options: Unpack[PageOptions]) -> bytes:
        """``search`` as the JSON of a ``VideoPage``."""
        return await self._body(PageRequest(query, **options))

    async def version(self) -> int | None:
        """A count that changes whenever the library's rows change, from any process.

        None when this database offers none (PostgreSQL) or cannot say right now: the
        answers must then not be reused (``api/page_cache.py``).
        """
        return None

    @abstractmethod
    async def _rows(self, request: PageRequest) -> Page: ...

    async def _body(self, request: PageRequest) -> bytes:
        rows, total = await self._rows(request)
        return encode_page(rows, total, request.limit, request.offset)


def video_pages(database: Database) -> LibraryPages:
    """The pages for ``database``: the SQLite read pool's, or the engine's on PostgreSQL."""
    if database.reads is not None:
        return VideoPages(database.reads)
    from stoat_ferret.library.pages_pg import EngineVideoPages

    return EngineVideoPages(database.engine)


def _read(request: PageRequest) -> PageQuery:
    sort, order, limit, offset = request.sort, request.order, request.limit, request.offset
    if request.query is None:
        return list_page(sort, order, limit, offset, request.media_type)
    return search_page(request.query, sort, order, limit, offset, request.media_type)


class VideoPages(LibraryPages):
    """The list and search pages, read through the ``ReadPool`` with its page cache.

    Deliberately not a unit-of-work repository: these are the hot reads (many
    clients at once), served by plain sqlite3 readers in threads, each page one trip
    and cached until the next write (``db/reader.py``, ``docs/design/03-wiring.md``),
    as rows or as the encoded answer.
    """

    def __init__(self, reads: ReadPool) -> None:
        self._reads = reads
        #: The commit stamp seen just before the counter was last read, and its value.
        self._seen: tuple[bytes, int] | None = None

    async def version(self) -> int | None:
        # Kept by the triggers of migration 0006. The stamp is taken *before* the
        # counter is read: while it stays the same nothing has been committed since,
        # so the value read after it is still the counter's (no SQLite call on the
        # loop for most requests, ``db/commit_stamp.py``).
        stamp = self._reads.commit_stamp()
        seen = self._seen
        if stamp is not None and seen is not None and seen[0] == stamp:
            return seen[1]
        found = await self._reads.peek(LIBRARY_VERSION_SQL)
        if not isinstance(found, int):
            return None
        if stamp is not None:
            self._seen = (stamp, found)
        return found

    async def _rows(self, request: PageRequest) -> Page:
        return await self._reads.read(_read(request), cache=True)

    async def _body(self, request: PageRequest) -> bytes:
        read = PageBody(_read(request), request.limit, request.offset)
        return await self._reads.read(read, cache=True)
