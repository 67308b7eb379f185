"""Static gate: report blocking calls made directly inside ``async def``.

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

import argparse
import ast
import builtins
import io
import re
import sys
import tokenize
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

# --------------------------------------------------------------------------- rules

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


# ------------------------------------------------------------------------ results


@dataclass(frozen=True, order=True)
class Finding:
    """One reported problem; ordered so output is stable per file."""

    path: str
    line: int
    message: str

    def render(self) -> str:
        """Format as ``path:line: message`` so editors can jump to it."""
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ParseFailure:
    """A file we could not read as Python; it makes the run exit 2."""

    path: str
    line: int | None
    reason: str

    def render(self) -> str:
        """Format like a finding, so the failing file is easy to locate."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: cannot parse: {self.reason}"


# ------------------------------------------------------------------ alias table


class ImportAliases:
    """Map local names to the fully qualified names they were imported as.

    Why: ``sp.run`` and ``run`` are ``subprocess.run`` in disguise; matching
    written names alone would let a rename slip past the gate.
    """

    def __init__(self, tree: ast.Module) -> None:
        self._names: dict[str, str] = {}
        self._modules: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                self._add_import(node)
            elif isinstance(node, ast.ImportFrom):
                self._add_import_from(node)
        # A module-level ``def open`` shadows the built-in; record it so the
        # builtin fallback in ``qualify`` does not fire on it.
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                self._names.setdefault(stmt.name, f"<module>.{stmt.name}")

    def _add_import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname is not None:
                # ``import os.path as osp`` binds osp to the submodule itself.
                self._names[alias.asname] = alias.name
                self._modules.add(alias.asname)
            else:
                # ``import os.path`` binds only ``os``; attribute access then
                # spells out the rest, so mapping the head is enough.
                head = alias.name.split(".", 1)[0]
                self._names[head] = head
                self._modules.add(head)

    def _add_import_from(self, node: ast.ImportFrom) -> None:
        # Relative imports get a leading dot so they never match a rule but
        # still shadow builtins such as ``open``.
        module = "." * node.level + (node.module or "")
        for alias in node.names:
            if alias.name == "*":
                continue
            local = alias.asname or alias.name
            self._names[local] = f"{module}.{alias.name}" if module else alias.name
            self._modules.discard(local)

    def qualify(self, expr: ast.expr) -> str | None:
        """Return the dotted, alias-resolved name of ``expr``, if it has one.

        Unimported names are taken literally, except built-ins which become
        ``builtins.<name>`` so the rules table can name them unambiguously.
        """
        parts: list[str] = []
        node = expr
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        head = node.id
        if head in self._names:
            resolved = self._names[head]
        elif head in BUILTIN_NAMES:
            resolved = f"builtins.{head}"
        else:
            resolved = head
        return ".".join([resolved, *reversed(parts)])

    def is_module_reference(self, expr: ast.expr) -> bool:
        """True if ``expr`` is a dotted name rooted in an ``import X`` binding."""
        node = expr
        while isinstance(node, ast.Attribute):
            node = node.value
        return isinstance(node, ast.Name) and node.id in self._modules


# ----------------------------------------------------------------------- markers


@dataclass(frozen=True)
class Markers:
    """``# blocking-ok`` comments of one file, keyed by line number."""

    justified: frozenset[int]
    bare: tuple[int, ...]

    @classmethod
    def scan(cls, source: bytes) -> Markers:
        """Collect markers from real comments only.

        Why tokenize rather than a regex over lines: a string literal that
        happens to contain ``# blocking-ok`` must not silence anything.
        """
        justified: set[int] = set()
        bare: list[int] = []
        for token in tokenize.tokenize(io.BytesIO(source).readline):
            if token.type != tokenize.COMMENT:
                continue
            match = MARKER_RE.search(token.string)
            if match is None:
                continue
            line = token.start[0]
            rest = match.group("rest")
            if rest.startswith(":") and rest[1:].strip():
                justified.add(line)
            else:
                bare.append(line)
        return cls(justified=frozenset(justified), bare=tuple(bare))

    def suppresses(self, node: ast.expr) -> bool:
        """True if any source line of the call carries a justified marker.

        Why the whole span: in a multi-line call the natural place for the
        comment may be the opening line or the line of the offending argument.
        """
        end = node.end_lineno if node.end_lineno is not None else node.lineno
        return any(line in self.justified for line in range(node.lineno, end + 1))


# ----------------------------------------------------------------------- visitor


def _module_rule_matches(qualified: str) -> bool:
    module, _, function = qualified.rpartition(".")
    if not module or module not in BLOCKING_FUNCTIONS:
        return False
    names = BLOCKING_FUNCTIONS[module]
    if names is not None:
        return function in names
    if function[:1].isupper():
        return False
    return function not in MODULE_WIDE_EXCEPTIONS.get(module, frozenset())


class BlockingCallVisitor(ast.NodeVisitor):
    """Walk one module and record blocking calls made on the event loop.

    ``_async_stack`` holds, for each enclosing function scope, the display
    name of the ``async def`` whose body we are in, or ``None`` inside a sync
    ``def``/``lambda``; only the innermost entry matters.  ``_names`` tracks
    enclosing class/def names for readable ``Class.method`` output.
    """

    def __init__(self, path: str, aliases: ImportAliases, markers: Markers) -> None:
        self._path = path
        self._aliases = aliases
        self._markers = markers
        self._async_stack: list[str | None] = [None]
        self._names: list[str] = []
        self._async_consumed: set[int] = set()
        self.findings: list[Finding] = []

    # -- scopes ------------------------------------------------------------

    def _visit_signature(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        # Decorators, defaults and annotations are evaluated where the def
        # statement runs, i.e. in the enclosing scope.
        for decorator in node.decorator_list:
            self.visit(decorator)
        self.visit(node.args)
        if node.returns is not None:
            self.visit(node.returns)

    def _visit_body(self, body: Iterable[ast.stmt], scope: str | None, name: str) -> None:
        self._async_stack.append(scope)
        self._names.append(name)
        try:
            for stmt in body:
                self.visit(stmt)
        finally:
            self._names.pop()
            self._async_stack.pop()

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._visit_signature(node)
        display = ".".join([*self._names, node.name])
        self._visit_body(node.body, display, node.name)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._visit_signature(node)
        # The body runs whenever the function is called -- typically in a
        # worker thread via to_thread -- not where it is defined.
        self._visit_body(node.body, None, node.name)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.visit(node.args)
        self._async_stack.append(None)
        try:
            self.visit(node.body)
        finally:
            self._async_stack.pop()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for decorator in node.decorator_list:
            self.visit(decorator)
        for base in node.bases:
            self.visit(base)
        for keyword in node.keywords:
            self.visit(keyword)
        # A class body executes right away, so it keeps the current context.
        self._visit_body(node.body, self._async_stack[-1], node.name)

    # -- async consumption ------------------------------------------------

    def _mark_async(self, expr: ast.expr) -> None:
        if isinstance(expr, ast.Call):
            self._async_consumed.add(id(expr))

    def visit_Await(self, node: ast.Await) -> None:
        self._mark_async(node.value)
        self.generic_visit(node)

    def visit_AsyncWith(self, node: ast.AsyncWith) -> None:
        for item in node.items:
            self._mark_async(item.context_expr)
        self.generic_visit(node)

    def visit_AsyncFor(self, node: ast.AsyncFor) -> None:
        self._mark_async(node.iter)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        if node.is_async:
            self._mark_async(node.iter)
        self.generic_visit(node)

    # -- calls --------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        scope = self._async_stack[-1]
        if scope is not None and id(node) not in self._async_consumed:
            label = self._blocking_label(node)
            if label is not None and not self._markers.suppresses(node):
                self.findings.append(
                    Finding(self._path, node.lineno, f"{label} inside async def {scope}")
                )
        self.generic_visit(node)

    def _blocking_label(self, node: ast.Call) -> str | None:
        """Name the blocking API ``node`` calls, or ``None`` if it is fine."""
        qualified = self._aliases.qualify(node.func)
        if qualified is not None and _module_rule_matches(qualified):
            return qualified.removeprefix("builtins.")
        func = node.func
        if not isinstance(func, ast.Attribute):
            return None
        if self._aliases.is_module_reference(func.value):
            return None
        if func.attr in BLOCKING_PATH_METHODS or (
            func.attr in PATH_RECEIVER_METHODS and self._looks_like_path(func.value)
        ):
            return f"Path.{func.attr}"
        return None

    def _looks_like_path(self, expr: ast.expr) -> bool:
        """Heuristic: is ``expr`` evidently a filesystem path?"""
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
            return True
        if isinstance(expr, ast.Call):
            if isinstance(expr.func, ast.Attribute) and expr.func.attr in PATH_RETURNING_METHODS:
                return True
            return self._aliases.qualify(expr.func) in PATH_CONSTRUCTORS
        name: str | None = None
        if isinstance(expr, ast.Name):
            name = expr.id
        elif isinstance(expr, ast.Attribute):
            name = expr.attr
        return name is not None and (name.lower() == "path" or name.lower().endswith("_path"))


# ------------------------------------------------------------------------- driver


def check_source(source: bytes | str, path: str) -> list[Finding]:
    """Check one module's source text; raises ``SyntaxError`` if it does not parse."""
    data = source.encode() if isinstance(source, str) else source
    tree = ast.parse(data, filename=path)
    markers = Markers.scan(data)
    visitor = BlockingCallVisitor(path, ImportAliases(tree), markers)
    visitor.visit(tree)
    bare = [
        Finding(
            path,
            line,
            "bare '# blocking-ok' marker: give a reason as '# blocking-ok: <reason>'",
        )
        for line in markers.bare
    ]
    return sorted([*visitor.findings, *bare])


def check_file(path: Path) -> list[Finding]:
    """Check one file on disk; raises ``SyntaxError``/``ValueError`` if unreadable."""
    return check_source(path.read_bytes(), str(path))


def iter_python_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield files named explicitly, and ``*.py`` files under directories."""
    for root in paths:
        if root.is_file():
            yield root
            continue
        for candidate in sorted(root.rglob("*.py")):
            relative = candidate.relative_to(root).parts
            if any(part in SKIPPED_DIRS or part.startswith(".") for part in relative[:-1]):
                continue
            if candidate.is_file():
                yield candidate


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Report blocking calls made directly inside async def.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path("src")],
        help="files or directories to check (default: src/)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the gate; return 0 (clean), 1 (findings) or 2 (unparsable input)."""
    args = _parse_args(argv)
    paths: list[Path] = args.paths
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}: no such file or directory", file=sys.stderr)
    if missing:
        return 2

    findings: list[Finding] = []
    failures: list[ParseFailure] = []
    checked = 0
    for file in iter_python_files(paths):
        checked += 1
        try:
            findings.extend(check_file(file))
        except SyntaxError as exc:
            failures.append(ParseFailure(str(file), exc.lineno, exc.msg))
        except (ValueError, tokenize.TokenError) as exc:
            # ValueError covers undecodable bytes and, on 3.11, NUL bytes.
            failures.append(ParseFailure(str(file), None, str(exc)))

    for finding in findings:
        print(finding.render())
    for failure in failures:
        print(failure.render(), file=sys.stderr)

    files_with_findings = len({f.path for f in findings})
    if findings:
        print(f"{len(findings)} finding(s) in {files_with_findings} file(s) ({checked} checked).")
    else:
        print(f"No blocking calls found in {checked} file(s).")
    if failures:
        print(f"{len(failures)} file(s) could not be parsed.", file=sys.stderr)
        return 2
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
