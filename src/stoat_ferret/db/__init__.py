"""Database access: the async engine, the declarative base, the unit of work, migrations."""

from stoat_ferret.db.base import Base
from stoat_ferret.db.engine import Database
from stoat_ferret.db.unit_of_work import (
    UnitOfWork,
    UnitOfWorkFactory,
    discard_events,
)

__all__ = ["Base", "Database", "UnitOfWork", "UnitOfWorkFactory", "discard_events"]
