"""
Projects store their current document once: in its version row, not also in ``projects``.

Every change wrote the whole document twice (``projects.document`` and the new
``project_versions`` row, identical), which was the largest part of an edit of a big
project. The current document is the version row at ``projects.version``, which every
project has (each change adds it in the same transaction that bumps the version), so
the upgrade only drops the copy. The downgrade puts the column back, filled from those
rows (``docs/design/04-projects.md``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite 3.35 and later drop a column in place; PostgreSQL always does.
    op.drop_column("projects", "document")


def downgrade() -> None:
    # Added with a default so that existing rows satisfy NOT NULL, then filled.
    op.add_column(
        "projects",
        sa.Column("document", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
    )
    op.execute(
        "UPDATE projects SET document = (SELECT v.document FROM project_versions v"
        " WHERE v.project_id = projects.id AND v.version = projects.version)"
    )
    if op.get_bind().dialect.name != "sqlite":
        # SQLite cannot drop a column default in place; the code always sets the value.
        op.alter_column("projects", "document", server_default=None)
