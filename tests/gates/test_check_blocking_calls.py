"""Tests for the static blocking-call gate (``scripts/check_blocking_calls.py``,
whose logic is the ``scripts/blocking_gate`` package).

Fixture sources are written inline into ``tmp_path`` rather than kept as files
in the repo, so neither pytest nor ruff ever treats them as real code.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "check_blocking_calls.py"


def _load_checker() -> ModuleType:
    # The gate is not part of the package: it is the ``blocking_gate`` package
    # beside the script, importable once ``scripts/`` is on the path.
    sys.path.insert(0, str(SCRIPT.parent))
    return importlib.import_module("blocking_gate")


checker = _load_checker()


def findings(source: str) -> list[tuple[int, str]]:
    """Check ``source`` and return ``(line, message)`` pairs."""
    result = checker.check_source(textwrap.dedent(source), "mod.py")
    return [(f.line, f.message) for f in result]


def run_cli(*args: str | Path, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


# Each case: (id, source, expected line, expected call label, async def name).
FORBIDDEN = [
    (
        "subprocess.run",
        """
        import subprocess

        async def scan():
            subprocess.run(["ffprobe", "x"])
        """,
        5,
        "subprocess.run",
        "scan",
    ),
    (
        "subprocess.Popen",
        """
        import subprocess

        async def scan():
            proc = subprocess.Popen(["ffmpeg"])
        """,
        5,
        "subprocess.Popen",
        "scan",
    ),
    (
        "time.sleep",
        """
        import time

        async def wait():
            time.sleep(1)
        """,
        5,
        "time.sleep",
        "wait",
    ),
    (
        "open-read",
        """
        async def load(path):
            data = open(path).read()
            return data
        """,
        3,
        "open",
        "load",
    ),
    (
        "with-open",
        """
        async def load(path):
            with open(path, "rb") as fh:
                return fh.read()
        """,
        3,
        "open",
        "load",
    ),
    (
        "os.walk",
        """
        import os

        async def scan(root):
            for _dirpath, _dirs, _files in os.walk(root):
                pass
        """,
        5,
        "os.walk",
        "scan",
    ),
    (
        "os.scandir",
        """
        import os

        async def scan(root):
            entries = list(os.scandir(root))
        """,
        5,
        "os.scandir",
        "scan",
    ),
    (
        "os.listdir",
        """
        import os

        async def scan(root):
            return os.listdir(root)
        """,
        5,
        "os.listdir",
        "scan",
    ),
    (
        "Path.read_text",
        """
        from pathlib import Path

        async def load(p):
            return Path(p).read_text()
        """,
        5,
        "Path.read_text",
        "load",
    ),
    (
        "Path.rglob",
        """
        async def scan(root):
            return [p for p in root.rglob("*.mp4")]
        """,
        3,
        "Path.rglob",
        "scan",
    ),
    (
        "Path.iterdir",
        """
        async def scan(root):
            for child in root.iterdir():
                pass
        """,
        3,
        "Path.iterdir",
        "scan",
    ),
    (
        "Path.open-constructor",
        """
        from pathlib import Path

        async def load(p):
            with Path(p).open() as fh:
                return fh.read()
        """,
        5,
        "Path.open",
        "load",
    ),
    (
        "Path.open-join",
        """
        async def load(root):
            with (root / "meta.json").open() as fh:
                return fh.read()
        """,
        3,
        "Path.open",
        "load",
    ),
    (
        "Path.stat",
        """
        async def size(video_path):
            return video_path.stat().st_size
        """,
        3,
        "Path.stat",
        "size",
    ),
    (
        "shutil.copy",
        """
        import shutil

        async def copy(a, b):
            shutil.copy(a, b)
        """,
        5,
        "shutil.copy",
        "copy",
    ),
    (
        "shutil.rmtree",
        """
        import shutil

        async def clean(d):
            shutil.rmtree(d)
        """,
        5,
        "shutil.rmtree",
        "clean",
    ),
    (
        "sqlite3.connect",
        """
        import sqlite3

        async def db(p):
            return sqlite3.connect(p)
        """,
        5,
        "sqlite3.connect",
        "db",
    ),
    (
        "requests.get",
        """
        import requests

        async def fetch(url):
            return requests.get(url)
        """,
        5,
        "requests.get",
        "fetch",
    ),
    (
        "urllib.request.urlopen",
        """
        import urllib.request

        async def fetch(url):
            return urllib.request.urlopen(url)
        """,
        5,
        "urllib.request.urlopen",
        "fetch",
    ),
    (
        "os.replace",
        """
        import os

        async def commit(tmp, final):
            os.replace(tmp, final)
        """,
        5,
        "os.replace",
        "commit",
    ),
    (
        "os.path.getsize",
        """
        import os.path

        async def size(p):
            return os.path.getsize(p)
        """,
        5,
        "os.path.getsize",
        "size",
    ),
    (
        "alias-import-as",
        """
        import subprocess as sp

        async def scan():
            sp.run(["ls"])
        """,
        5,
        "subprocess.run",
        "scan",
    ),
    (
        "alias-from-import",
        """
        from subprocess import run

        async def scan():
            run(["ls"])
        """,
        5,
        "subprocess.run",
        "scan",
    ),
    (
        "alias-from-import-as",
        """
        from time import sleep as nap

        async def wait():
            nap(0.1)
        """,
        5,
        "time.sleep",
        "wait",
    ),
    (
        "alias-from-os-import-path",
        """
        from os import path as osp

        async def size(p):
            return osp.getmtime(p)
        """,
        5,
        "os.path.getmtime",
        "size",
    ),
    (
        "alias-from-urllib",
        """
        from urllib.request import urlopen

        async def fetch(url):
            return urlopen(url)
        """,
        5,
        "urllib.request.urlopen",
        "fetch",
    ),
    (
        "method-in-class",
        """
        import time

        class Worker:
            async def poll(self):
                time.sleep(0.5)
        """,
        6,
        "time.sleep",
        "Worker.poll",
    ),
    (
        "nested-async-in-sync",
        """
        import os

        def make_handler():
            async def handler(root):
                return os.listdir(root)
            return handler
        """,
        6,
        "os.listdir",
        "make_handler.handler",
    ),
    (
        "nested-block",
        """
        import time

        async def loop(items):
            for item in items:
                if item:
                    try:
                        time.sleep(1)
                    finally:
                        pass
        """,
        8,
        "time.sleep",
        "loop",
    ),
    (
        "eager-arg-to-to_thread",
        """
        import asyncio

        async def load(p):
            return await asyncio.to_thread(print, open(p).read())
        """,
        5,
        "open",
        "load",
    ),
    (
        "nested-def-default",
        """
        async def load(p):
            def helper(data=open(p).read()):
                return data
            return helper
        """,
        3,
        "open",
        "load",
    ),
    (
        # A class body executes as soon as the class statement runs, i.e. on
        # the event loop; only its methods run later.
        "class-body-runs-inline",
        """
        async def build(p):
            class Config:
                raw = open(p).read()
            return Config
        """,
        4,
        "open",
        "build",
    ),
    (
        "alias-import-dotted-as",
        """
        import os.path as osp

        async def size(p):
            return osp.getsize(p)
        """,
        5,
        "os.path.getsize",
        "size",
    ),
]


@pytest.mark.parametrize(
    ("source", "line", "call", "func"),
    [pytest.param(*case[1:], id=case[0]) for case in FORBIDDEN],
)
def test_forbidden_call_is_reported(source: str, line: int, call: str, func: str) -> None:
    assert findings(source) == [(line, f"{call} inside async def {func}")]


ALLOWED = {
    "to_thread-os.walk": """
        import asyncio
        import os

        async def scan(p):
            return await asyncio.to_thread(os.walk, p)
        """,
    "run_in_executor-time.sleep": """
        import asyncio
        import time

        async def wait():
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, time.sleep, 1)
        """,
    "sync-helper-via-to_thread": """
        import asyncio
        import os

        def _walk(root):
            return [f for _d, _s, files in os.walk(root) for f in files]

        async def scan(root):
            return await asyncio.to_thread(_walk, root)
        """,
    "nested-sync-def": """
        import asyncio
        import os
        from pathlib import Path

        async def scan(root):
            def collect():
                found = []
                for entry in os.scandir(root):
                    found.append(Path(entry.path).read_bytes())
                return found
            return await asyncio.to_thread(collect)
        """,
    "functools.partial": """
        import asyncio
        import functools
        import shutil

        async def copy(a, b):
            await asyncio.to_thread(functools.partial(shutil.copy2, a, b))
        """,
    "lambda": """
        import asyncio
        import os

        async def scan(root):
            return await asyncio.to_thread(lambda: os.listdir(root))
        """,
    "create_subprocess_exec": """
        import asyncio
        import subprocess

        async def probe(path):
            proc = await asyncio.create_subprocess_exec(
                "ffprobe", path, stdout=subprocess.PIPE
            )
            return await proc.communicate()
        """,
    "asyncio.sleep": """
        import asyncio

        async def wait():
            await asyncio.sleep(1)
        """,
    "awaited-async-path-api": """
        import anyio

        async def load(p):
            path = anyio.Path(p)
            text = await path.read_text()
            async for child in path.iterdir():
                pass
            async with await anyio.open_file(p) as fh:
                return text
        """,
    "sync-function-is-not-checked": """
        import subprocess
        import time

        def main():
            time.sleep(1)
            subprocess.run(["ls"])
        """,
    "module-level-is-not-checked": """
        import os

        FILES = os.listdir(".")
        """,
    "sync-method-of-class-in-async-def": """
        import time

        async def build():
            class Helper:
                def wait(self):
                    time.sleep(1)
            return Helper
        """,
    "str-replace-and-exists-not-flagged": """
        async def clean(name, session, query):
            name = name.replace("-", "_")
            return await session.scalar(query.exists().select())
        """,
    "open-on-non-path": """
        async def read_member(archive):
            return archive.open("member.txt")
        """,
    "shadowed-open": """
        from aiofiles import open

        async def load(p):
            async with open(p) as fh:
                return await fh.read()
        """,
    "exception-class-of-shutil": """
        import shutil

        async def fail():
            raise shutil.Error("boom")
        """,
    "marker-in-string-literal-irrelevant": """
        async def text():
            return "# blocking-ok"
        """,
}


@pytest.mark.parametrize("source", list(ALLOWED.values()), ids=list(ALLOWED))
def test_allowed_pattern_is_not_reported(source: str) -> None:
    assert findings(source) == []


def test_marker_with_reason_suppresses() -> None:
    source = """
        import os

        async def startup(d):
            os.makedirs(d, exist_ok=True)  # blocking-ok: runs once before serving
            return os.listdir(d)
        """
    assert findings(source) == [(6, "os.listdir inside async def startup")]


def test_marker_on_continuation_line_of_multiline_call_suppresses() -> None:
    source = """
        import subprocess

        async def version():
            return subprocess.run(
                ["ffmpeg", "-version"],  # blocking-ok: one-off probe at startup
                check=True,
            )
        """
    assert findings(source) == []


def test_marker_after_other_comment_suppresses() -> None:
    source = """
        import time

        async def wait():
            time.sleep(0)  # noqa: ASYNC251  # blocking-ok: yields the GIL only
        """
    assert findings(source) == []


@pytest.mark.parametrize("marker", ["# blocking-ok", "# blocking-ok:", "# blocking-ok:   "])
def test_bare_marker_is_reported_and_does_not_suppress(marker: str) -> None:
    source = f"""
        import time

        async def wait():
            time.sleep(1)  {marker}
        """
    assert findings(source) == [
        (5, "bare '# blocking-ok' marker: give a reason as '# blocking-ok: <reason>'"),
        (5, "time.sleep inside async def wait"),
    ]


def test_bare_marker_outside_async_def_is_reported() -> None:
    assert findings("x = 1  # blocking-ok\n") == [
        (1, "bare '# blocking-ok' marker: give a reason as '# blocking-ok: <reason>'"),
    ]


def test_syntax_error_raises_from_check_source() -> None:
    with pytest.raises(SyntaxError):
        checker.check_source("async def broken(:\n", "bad.py")


def test_main_returns_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.py"
    clean.write_text("import asyncio\n\nasync def f():\n    await asyncio.sleep(0)\n")
    dirty = tmp_path / "dirty.py"
    dirty.write_text("import time\n\nasync def f():\n    time.sleep(1)\n")

    assert checker.main([str(clean)]) == 0
    assert checker.main([str(dirty)]) == 1
    assert checker.main([str(tmp_path / "missing")]) == 2
    out = capsys.readouterr()
    assert f"{dirty}:4: time.sleep inside async def f" in out.out
    assert "missing: no such file or directory" in out.err


def test_directory_walk_skips_hidden_and_cache_dirs(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("")
    (tmp_path / "pkg" / "notes.txt").write_text("")
    for skipped in (".venv", "__pycache__"):
        (tmp_path / skipped).mkdir()
        (tmp_path / skipped / "b.py").write_text("")
    assert list(checker.iter_python_files([tmp_path])) == [tmp_path / "pkg" / "a.py"]


# --- CLI contract, exercised through a real subprocess -----------------------


def test_cli_reports_findings_with_exit_1(tmp_path: Path) -> None:
    target = tmp_path / "scan.py"
    target.write_text(
        textwrap.dedent(
            """\
            import subprocess
            import time

            async def scan(root):
                subprocess.run(["ls", root])
                time.sleep(1)
            """
        )
    )
    result = run_cli(target)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"{target}:5: subprocess.run inside async def scan",
        f"{target}:6: time.sleep inside async def scan",
    ]
    assert lines[2] == "2 finding(s) in 1 file(s) (1 checked)."


def test_cli_clean_file_exits_0(tmp_path: Path) -> None:
    target = tmp_path / "ok.py"
    target.write_text(
        "import asyncio, os\n\nasync def scan(p):\n    return await asyncio.to_thread(os.walk, p)\n"
    )
    result = run_cli(target)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "No blocking calls found in 1 file(s)."


def test_cli_syntax_error_exits_2_and_names_file(tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text("import time\n\nasync def f():\n    time.sleep(1)\n")
    bad = tmp_path / "bad.py"
    bad.write_text("async def broken(:\n    pass\n")
    result = run_cli(tmp_path)
    # A parse failure wins over findings: the gate cannot vouch for the file.
    assert result.returncode == 2
    assert f"{bad}:1: cannot parse:" in result.stderr
    assert f"{good}:4: time.sleep inside async def f" in result.stdout


def test_cli_bare_marker_exits_1(tmp_path: Path) -> None:
    target = tmp_path / "marker.py"
    target.write_text("import os\n\nasync def f(p):\n    os.mkdir(p)  # blocking-ok\n")
    result = run_cli(target)
    assert result.returncode == 1
    assert f"{target}:4: bare '# blocking-ok' marker" in result.stdout


def test_cli_defaults_to_src(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "m.py").write_text("import time\n\nasync def f():\n    time.sleep(1)\n")
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("src/m.py:4: time.sleep inside async def f")


def test_real_source_tree_is_clean() -> None:
    result = run_cli(REPO_ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
