"""
Job leases: who runs each unfinished job (``owner``) and until when (``lease_expires_at``).

A process renews the lease of its jobs on a heartbeat; start-up recovery and the
periodic sweep only take over a job whose lease has expired, never a live process's
job (``docs/design/02-job-system.md#leases-owners-and-recovery``). Rows stored before
this migration have no owner: they are claimable at once, as every unfinished job
was before. Plain nullable columns, added in place on SQLite and on PostgreSQL.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("jobs", sa.Column("owner", sa.String(255), nullable=True))
    op.add_column("jobs", sa.Column("lease_expires_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # SQLite 3.35 and later drop a column in place; PostgreSQL always does.
    op.drop_column("jobs", "lease_expires_at")
    op.drop_column("jobs", "owner")
