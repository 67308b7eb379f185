"""The database "in use" lock: shared by users, exclusive for a restore, crash-proof."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stoat_ferret.db import Database
from stoat_ferret.db.lock import DatabaseInUseError, DatabaseLock, lock_path
from stoat_ferret.errors import ConflictError

HOLD_SHARED = """
import sys, time
from pathlib import Path
from stoat_ferret.db.lock import DatabaseLock
held = DatabaseLock.acquire(Path(sys.argv[1]), exclusive=False)
print("held", flush=True)
time.sleep(120)
"""


async def test_users_share_the_lock_and_a_restore_waits_for_all_of_them(tmp_path: Path) -> None:
    path = tmp_path / "stoat-ferret.db"
    first, second = Database(path), Database(path)
    await first.migrate()
    await second.migrate()  # a server and a terminal scan at once: both allowed
    with pytest.raises(DatabaseInUseError, match="is in use"):
        DatabaseLock.acquire(path, exclusive=True)
    await first.dispose()
    with pytest.raises(DatabaseInUseError):
        DatabaseLock.acquire(path, exclusive=True)
    await second.dispose()
    DatabaseLock.acquire(path, exclusive=True).release()
    assert lock_path(path).exists()  # kept: deleting it would race with a new holder


async def test_a_server_or_scan_is_refused_while_a_restore_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "stoat-ferret.db"
    database = Database(path)
    with DatabaseLock.acquire(path, exclusive=True):
        with pytest.raises(DatabaseInUseError, match="is being restored") as refused:
            await database.migrate()
        assert isinstance(refused.value, ConflictError)  # exit code 4 in the CLI
    await database.migrate()
    await database.dispose()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "stoat-ferret.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_SHARED, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseInUseError):
            DatabaseLock.acquire(path, exclusive=True)
    finally:
        holder.kill()  # SIGKILL: no clean-up code runs in the holder
        holder.wait()
    DatabaseLock.acquire(path, exclusive=True).release()
