"""Running the gate: which files, what is printed, the exit status."""

from __future__ import annotations

import argparse
import ast
import sys
import tokenize
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from blocking_gate.results import Finding, ParseFailure
from blocking_gate.rules import SKIPPED_DIRS
from blocking_gate.source import ImportAliases, Markers
from blocking_gate.visitor import BlockingCallVisitor


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
