"""Alembic environment: always runs on a connection handed in by ``Database.migrate``."""

from alembic import context

from stoat_ferret.db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable through a bare `alembic` call
    raise RuntimeError("run migrations through `stoat-ferret db upgrade`")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
