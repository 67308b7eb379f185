"""
What the gate reports: blocking module functions and pathlib-style methods.

The tables are explained in the package docstring (``Rules``).
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Mapping
from typing import Final

# Fully qualified module -> names of its functions that block.  ``None`` means
# "every function of the module", minus ``MODULE_WIDE_EXCEPTIONS``.
BLOCKING_FUNCTIONS: Final[Mapping[str, frozenset[str] | None]] = {
    "subprocess": frozenset(
        {
            "run",
            "call",
            "check_call",
            "check_output",
            "Popen",
            "getoutput",
            "getstatusoutput",
        }
    ),
    "time": frozenset({"sleep"}),
    "os": frozenset(
        {
            "system",
            "popen",
            "walk",
            "scandir",
            "listdir",
            "stat",
            "lstat",
            "replace",
            "rename",
            "renames",
            "remove",
            "unlink",
            "mkdir",
            "makedirs",
            "rmdir",
            "removedirs",
        }
    ),
    "os.path": frozenset({"getsize", "getmtime", "getatime", "getctime"}),
    "glob": frozenset({"glob", "iglob"}),
    "shutil": None,
    "sqlite3": frozenset({"connect"}),
    "requests": frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request"}),
    "urllib.request": frozenset({"urlopen", "urlretrieve"}),
    "io": frozenset({"open"}),
    "builtins": frozenset({"open"}),
}

# Functions of module-wide entries that do no I/O.  Capitalised names
# (exception classes such as ``shutil.Error``) are exempt as well.
MODULE_WIDE_EXCEPTIONS: Final[Mapping[str, frozenset[str]]] = {
    "shutil": frozenset({"get_terminal_size"}),
}

# pathlib-style methods reported on any receiver (see module docstring).
BLOCKING_PATH_METHODS: Final[frozenset[str]] = frozenset(
    {
        "iterdir",
        "rglob",
        "glob",
        "read_text",
        "read_bytes",
        "write_text",
        "write_bytes",
        "mkdir",
        "rmdir",
        "unlink",
        "touch",
        "stat",
        "lstat",
    }
)

# Methods reported only when the receiver looks like a path.
PATH_RECEIVER_METHODS: Final[frozenset[str]] = frozenset({"open"})

# Constructors whose call result is certainly a path.
PATH_CONSTRUCTORS: Final[frozenset[str]] = frozenset(
    {"pathlib.Path", "pathlib.PosixPath", "pathlib.WindowsPath", "Path"}
)

# Methods that return a new path, so ``x.with_suffix(".json").open()`` counts.
PATH_RETURNING_METHODS: Final[frozenset[str]] = frozenset(
    {
        "with_suffix",
        "with_name",
        "with_stem",
        "joinpath",
        "resolve",
        "absolute",
        "expanduser",
    }
)

MARKER_RE: Final[re.Pattern[str]] = re.compile(r"#\s*blocking-ok\b(?P<rest>.*)")

SKIPPED_DIRS: Final[frozenset[str]] = frozenset(
    {"__pycache__", "node_modules", ".venv", "venv", ".git"}
)

BUILTIN_NAMES: Final[frozenset[str]] = frozenset(dir(builtins))
