"""Database access: the async engine, the declarative base and Alembic migrations."""

from stoat_ferret.db.base import Base
from stoat_ferret.db.engine import Database

__all__ = ["Base", "Database"]
