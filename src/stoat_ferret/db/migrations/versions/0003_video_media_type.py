"""Library records of sound files: ``videos.media_type`` (``video`` or ``audio``).

Every existing row is a video. The picture columns (width, height, frame rate,
video codec, duration_frames) were nullable from the start; audio rows leave them
NULL.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # SQLite adds a NOT NULL column with a constant default in place (no table copy),
    # so the FTS triggers and indexes of 0002 stay as they are.
    op.add_column(
        "videos",
        sa.Column("media_type", sa.String(8), nullable=False, server_default="video"),
    )


def downgrade() -> None:
    # Not batch mode: copying the table would drop the FTS triggers with it. SQLite
    # 3.35 and later drop a column in place.
    op.execute("ALTER TABLE videos DROP COLUMN media_type")
