"""``CommitStamp``: has anything been committed to this SQLite file since I last looked?

Answered from memory, without calling SQLite. The list and search answers are kept
until the library's change counter moves (``api/page_cache.py``), and that counter
used to be read on the event loop for every request (``ReadPool.peek``). One read is
4 µs on a quiet machine, but under load it was the loop's worst stall: profiled
during a scan with 200 clients (docs/performance.md), 100-170 of the ~20,000 peeks
in 12 s took 5-60 ms of wall time for under 0.5 ms of CPU, 0.9-1.7 s of the loop's
12 s in all. Every SQLite call releases the GIL and takes SQLite's process-wide
locks, which the reader threads, the scan's writer and the decoder threads (busy
with thumbnails) are using at the same time; when the OS has parked the holder (load
above the two cores), the loop waits for it, and so do all 200 clients.

SQLite in WAL mode keeps the header of its WAL index at the start of the ``-shm``
file, which every connection to the database maps into memory: two copies of a
48-byte header that the committing connection rewrites at every commit (and a
checkpoint at every WAL restart), the second copy first, then the first; a reader
that finds the copies equal has a consistent header (``walIndexTryHdr`` in SQLite's
``wal.c``; the layout is documented for the unix and Windows VFS at
https://sqlite.org/walformat.html, section 2.1, and shared by every SQLite since
3.7.0, because processes with different versions use the same file). Reading those
96 bytes from a read-only mapping is a copy in memory: no system call, no lock, no
GIL release. While they are unchanged nothing has been committed, from this process
or any other, so a value read from the database after they were last read is still
current.

What keeps this safe:

- A commit is visible to new readers only once its header is written (that is what
  a reader starts from), and ``COMMIT`` returns after that, so a request sent after
  a write was acknowledged sees a new stamp.
- Unequal copies (a commit in the middle of writing them) or a header that is not
  initialised give None: the caller then reads the database as before.
- The mapping is opened only while a connection of this process has the database
  open in WAL mode (``ReadPool`` opens it after its own connection's first read and
  closes it before that connection): SQLite truncates or rebuilds the ``-shm`` file
  only when no connection has it open, so the mapped bytes stay valid.
"""

from __future__ import annotations

import mmap
import os
import sqlite3
import struct
from pathlib import Path

#: The two copies of the WAL-index header (``WalIndexHdr``, 48 bytes each).
HEADER = 48
#: ``iVersion`` of the header (first 4 bytes, native byte order), the same since 3.7.0.
WAL_INDEX_VERSION = 3007000
#: Offset of ``isInit``: 1 once the header has been built.
IS_INIT = 12


class CommitStamp:
    """The WAL-index header of one database, read from a read-only shared mapping."""

    def __init__(self, mapping: mmap.mmap) -> None:
        self._mapping: mmap.mmap | None = mapping

    @classmethod
    def open(cls, connection: sqlite3.Connection, path: Path) -> CommitStamp | None:
        """The stamp of ``path``, or None if it is not in WAL mode (no shared index).

        ``connection`` must be a connection to ``path`` that stays open for as long as
        the stamp is used (see the module docstring); blocking, call it from a thread.
        """
        try:
            mode = connection.execute("PRAGMA journal_mode").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                return None
            # A read makes this connection map the index, building it if it was not.
            connection.execute("SELECT count(*) FROM sqlite_schema").fetchall()
        except sqlite3.Error:  # busy or unreadable: the caller reads the database instead
            return None
        try:
            fd = os.open(f"{path}-shm", os.O_RDONLY)
        except OSError:
            return None
        try:
            if os.fstat(fd).st_size < 2 * HEADER:
                return None
            mapping = mmap.mmap(fd, 2 * HEADER, mmap.MAP_SHARED, mmap.PROT_READ)
        except OSError:
            return None
        finally:
            os.close(fd)
        stamp = cls(mapping)
        first = mapping[:4]
        if struct.unpack("=I", first)[0] != WAL_INDEX_VERSION:
            stamp.close()
            return None
        return stamp

    def read(self) -> bytes | None:
        """The header as it is now; None while it is being rewritten or once closed."""
        mapping = self._mapping
        if mapping is None:
            return None
        try:
            first = mapping[:HEADER]
            second = mapping[HEADER : 2 * HEADER]
        except ValueError:  # closed by ``close`` from another thread meanwhile
            return None
        if first != second or first[IS_INIT] != 1:
            return None
        return first

    def close(self) -> None:
        mapping, self._mapping = self._mapping, None
        if mapping is not None:
            mapping.close()
