"""
Static gate: report blocking calls made directly inside ``async def``.

Modules: :mod:`.rules` (what is reported), :mod:`.source` (import aliases and
``# blocking-ok`` markers), :mod:`.visitor` (the AST walk), :mod:`.cli` (files,
output, exit status). ``scripts/check_blocking_calls.py`` is the entry point.

Why this exists
    A blocking call inside a coroutine freezes the whole event loop: every
    request, WebSocket and job stalls until it returns.  ruff's ``ASYNC`` rules
    catch the obvious cases; this script adds what they miss for this project
    (directory walks, pathlib I/O, ``shutil``, ``sqlite3``, aliased imports) and
    gives us a reviewed escape hatch.  See SPEC.md section 11, STYLE.md section 5.

Usage
    ``python scripts/check_blocking_calls.py [PATHS...]`` (default ``src/``).
    Directories are walked for ``*.py`` files; files named explicitly are
    checked whatever their suffix.  Output is one ``path:line: <call> inside
    async def <name>`` line per finding, then a summary.  Exit status: 0 clean,
    1 findings, 2 when a file cannot be parsed or a path does not exist.

Rules (what is reported)
    Module functions, matched after resolving import aliases
    (``import subprocess as sp``, ``from time import sleep``, ``import os.path``):

    * ``subprocess``: run, call, check_call, check_output, Popen, getoutput,
      getstatusoutput
    * ``time.sleep``
    * ``os``: system, popen, walk, scandir, listdir, stat, lstat,
      replace, rename, renames, remove, unlink, mkdir, makedirs, rmdir,
      removedirs
    * ``os.path``: getsize, getmtime, getatime, getctime (each is a ``stat``)
    * ``glob``: glob, iglob
    * ``shutil``: every function except ``get_terminal_size`` (all of them
      touch the disk; ``which`` included, it stats each ``PATH`` entry)
    * ``sqlite3.connect`` (use the aiosqlite engine instead)
    * ``requests``: get, post, put, patch, delete, head, options, request
    * ``urllib.request``: urlopen, urlretrieve
    * built-in ``open`` and ``io.open``

    Method calls, matched by attribute name because static analysis cannot
    know receiver types; reported as ``Path.<name>``:

    * iterdir, rglob, glob, read_text, read_bytes, write_text, write_bytes,
      mkdir, rmdir, unlink, touch, stat, lstat -- names distinctive enough to
      pathlib that matching them on any receiver costs little noise.
    * open -- only when the receiver looks like a path: a ``Path(...)``
      constructor call, a ``/`` join, a ``.with_suffix()``/``.joinpath()``
      style call, or a name that is ``path`` or ends in ``_path``.  ``.open``
      on arbitrary objects (files in zip archives, DB connections, ...) is
      too common to flag blindly.

    Deliberately NOT reported:

    * ``.replace()`` and ``.rename()`` methods: ``str.replace`` and friends
      would drown the signal.  (``os.replace``/``os.rename`` are reported.)
    * existence predicates (``.exists()``, ``.is_file()``, ``.is_dir()``,
      ``os.path.exists`` ...): one cheap syscall, usually a one-off guard,
      and ``.exists()`` collides with SQLAlchemy's ``select().exists()``.
      The costly pattern -- per-file work in a loop -- always comes with a
      walk (``os.walk``/``scandir``/``iterdir``/``rglob``) or a ``stat``,
      which are reported.
    * a method call whose receiver is a module bound by ``import X`` (that is
      a module function, not a pathlib method, e.g. ``aiofiles.os.stat``).

Where the rules apply
    Only code that runs on the event loop: the body of an ``async def``
    (methods included) and blocks nested in it.  Code inside a nested sync
    ``def`` or ``lambda`` is skipped -- it runs wherever it is later called,
    typically ``asyncio.to_thread``.  A nested ``class`` body *is* checked,
    because a class body executes immediately when the ``class`` statement
    runs; its sync methods are skipped like any nested ``def``.  Decorators
    and default values of a nested ``def``/``lambda`` are evaluated in the
    enclosing function, so they are checked in its context.

Allowed patterns (never reported)
    * passing the callable un-called: ``await asyncio.to_thread(os.walk, p)``,
      ``loop.run_in_executor(None, time.sleep, 1)`` -- nothing is called here;
    * a call that is awaited, or used as ``async with``/``async for`` target:
      its result is awaitable, so it is an async API (anyio/aiofiles paths);
    * ``asyncio.create_subprocess_exec``, ``asyncio.sleep`` -- not in the table;
    * a call whose source lines carry ``# blocking-ok: <reason>``.  The reason
      is mandatory so reviewers see why; a bare ``# blocking-ok`` is itself
      reported, anywhere in the file.

Known limits
    Import aliases are collected from the whole module, not per scope, and a
    name that is not imported is taken literally (``time.sleep`` without an
    ``import time`` is still ``time.sleep``).  Calls reached indirectly (a sync
    helper called from a coroutine) are out of reach; the runtime
    responsiveness test covers those.
"""

from __future__ import annotations

from blocking_gate.cli import check_file, check_source, iter_python_files, main
from blocking_gate.results import Finding, ParseFailure

__all__ = ["Finding", "ParseFailure", "check_file", "check_source", "iter_python_files", "main"]
