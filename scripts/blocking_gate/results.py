"""What a run produces: findings, and files that could not be parsed."""

from __future__ import annotations

from dataclasses import dataclass


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
