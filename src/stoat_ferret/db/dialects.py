"""The few SQL constructs that SQLite and PostgreSQL spell differently.

Everything else the repositories write is portable SQLAlchemy; these are the parts
that are not: the ``INSERT ... ON CONFLICT`` statement (each dialect has its own
class, with the same methods) and "position of a substring" (``instr`` in SQLite,
``strpos`` in PostgreSQL).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import GenericFunction

__all__ = ["insert_for", "strpos"]


def insert_for(session: AsyncSession, table: Any) -> sqlite.Insert | postgresql.Insert:
    """An ``INSERT`` into ``table`` with ``on_conflict_do_*``, for the session's database."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


class strpos(GenericFunction[int]):  # named like the SQL function it is
    """``strpos(text, part)``: where ``part`` starts in ``text`` (1-based), 0 if absent."""

    type = Integer()
    inherit_cache = True


@compiles(strpos, "sqlite")
def _sqlite_strpos(element: strpos, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"
