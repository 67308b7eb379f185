"""Videos with a full-text index over filename and path.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "videos",
        # An integer key the FTS index can follow; the public id is `id`.
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("path", sa.Text(), nullable=False, unique=True),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("duration_seconds", sa.Float(), nullable=True),
        sa.Column("duration_frames", sa.Integer(), nullable=True),
        sa.Column("frame_rate_numerator", sa.Integer(), nullable=True),
        sa.Column("frame_rate_denominator", sa.Integer(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("video_codec", sa.String(64), nullable=True),
        sa.Column("audio_codec", sa.String(64), nullable=True),
        sa.Column("container", sa.String(128), nullable=True),
        sa.Column("bit_rate", sa.Integer(), nullable=True),
        sa.Column("audio_channels", sa.Integer(), nullable=True),
        sa.Column("audio_sample_rate", sa.Integer(), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=False),
        sa.Column("file_mtime_ns", sa.Integer(), nullable=False),
        sa.Column("thumbnail_path", sa.Text(), nullable=True),
        sa.Column("missing", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    for column in (
        "filename",
        "created_at",
        "updated_at",
        "duration_seconds",
        "file_size",
        "width",
    ):
        op.create_index(f"ix_videos_{column}", "videos", [column, "pk"])
    op.execute(
        "CREATE VIRTUAL TABLE videos_fts USING fts5("
        "filename, path, content='videos', content_rowid='pk', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER videos_fts_insert AFTER INSERT ON videos BEGIN "
        "INSERT INTO videos_fts(rowid, filename, path) VALUES (new.pk, new.filename, new.path); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER videos_fts_delete AFTER DELETE ON videos BEGIN "
        "INSERT INTO videos_fts(videos_fts, rowid, filename, path) "
        "VALUES ('delete', old.pk, old.filename, old.path); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER videos_fts_update AFTER UPDATE OF filename, path ON videos BEGIN "
        "INSERT INTO videos_fts(videos_fts, rowid, filename, path) "
        "VALUES ('delete', old.pk, old.filename, old.path); "
        "INSERT INTO videos_fts(rowid, filename, path) VALUES (new.pk, new.filename, new.path); "
        "END"
    )


def downgrade() -> None:
    for name in ("videos_fts_update", "videos_fts_delete", "videos_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS videos_fts")
    op.drop_table("videos")
