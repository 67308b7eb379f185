"""
Static gate: report blocking calls made directly inside ``async def``.

``python scripts/check_blocking_calls.py [PATHS...]`` (default ``src/``). The rules,
their reasons and their limits are in the :mod:`blocking_gate` package beside this
file (its docstring); this is only the command.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, Python puts this folder first on sys.path; loaded by path (as the
# tests may), it does not, so make the package beside this file importable either way.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from blocking_gate.cli import main

if __name__ == "__main__":
    sys.exit(main())
