"""``library_version``: a counter every change to ``videos`` bumps (SQLite only).

The list and search pages are cached as their encoded answers (``api/page_cache.py``)
until the library changes, whichever connection or process changes it (the server's
own scan, a CLI ``scan``, another worker on the same file). SQLite's
``PRAGMA data_version`` says that *something* was committed, but the job and event
tables live in the same file: during a scan they commit several times a second and
would throw every cached page away although no video changed. These triggers count
changes to ``videos`` alone, in the writing transaction itself, so a reader that sees
the same count sees the same rows.

PostgreSQL has no page cache (``library/pages_pg.py``), so nothing is created there.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TRIGGERS = {
    "library_version_insert": "AFTER INSERT ON videos",
    "library_version_update": "AFTER UPDATE ON videos",
    "library_version_delete": "AFTER DELETE ON videos",
}


def upgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE library_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)"
    )
    op.execute("INSERT INTO library_version (id, n) VALUES (1, 0)")
    for name, when in _TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} {when} BEGIN "
            "UPDATE library_version SET n = n + 1 WHERE id = 1; END"
        )


def downgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS library_version")
