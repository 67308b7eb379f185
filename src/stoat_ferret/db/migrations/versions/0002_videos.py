"""Videos with a full-text index over filename and path.

SQLite: an FTS5 table with the trigram tokenizer, kept by triggers. PostgreSQL: a
``pg_trgm`` GIN index on ``path``, which answers the same case-insensitive
substring searches (``ILIKE``); ``path`` and ``filename`` are collated "C" there so
that sorting and the folder ranges of a rescan compare bytes, as SQLite does; sizes
and times in nanoseconds need 64-bit integers there (SQLite's are always 64-bit).

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


# SQLite's DDL stays what it always was; these differ only on PostgreSQL.
_BYTES_TEXT = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
_BIG = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "videos",
        # An integer key the FTS index can follow; the public id is `id`.
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("path", _BYTES_TEXT, nullable=False, unique=True),
        sa.Column("filename", _BYTES_TEXT, nullable=False),
        sa.Column("duration_seconds", sa.Float(), nullable=True),
        sa.Column("duration_frames", sa.Integer(), nullable=True),
        sa.Column("frame_rate_numerator", sa.Integer(), nullable=True),
        sa.Column("frame_rate_denominator", sa.Integer(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("video_codec", sa.String(64), nullable=True),
        sa.Column("audio_codec", sa.String(64), nullable=True),
        sa.Column("container", sa.String(128), nullable=True),
        sa.Column("bit_rate", _BIG, nullable=True),
        sa.Column("audio_channels", sa.Integer(), nullable=True),
        sa.Column("audio_sample_rate", sa.Integer(), nullable=True),
        sa.Column("file_size", _BIG, nullable=False),
        sa.Column("file_mtime_ns", _BIG, nullable=False),
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
    if op.get_context().dialect.name == "postgresql":
        _create_trigram_index()
    else:
        _create_fts5_index()


def _create_trigram_index() -> None:
    # pg_trgm is a "trusted" extension (PostgreSQL 13+): a database owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # Collated "default" (the database's locale), not the column's "C": searches fold
    # case beyond ASCII (Köln finds KÖLN), as SQLite's trigram tokenizer does, and the
    # search condition (library/pages_pg.py) names the same collation to use it.
    op.execute(
        'CREATE INDEX ix_videos_path_trgm ON videos USING gin (path COLLATE "default" gin_trgm_ops)'
    )


def _create_fts5_index() -> None:
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
    if op.get_context().dialect.name == "postgresql":
        # The extension stays: other objects may use it, and it holds no data.
        op.drop_index("ix_videos_path_trgm", table_name="videos")
        op.drop_table("videos")
        return
    for name in ("videos_fts_update", "videos_fts_delete", "videos_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS videos_fts")
    op.drop_table("videos")
