"""What the gate reads from a module besides its calls: imports and markers."""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass

from blocking_gate.rules import BUILTIN_NAMES, MARKER_RE


class ImportAliases:
    """
    Map local names to the fully qualified names they were imported as.

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
        """
        Return the dotted, alias-resolved name of ``expr``, if it has one.

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


@dataclass(frozen=True)
class Markers:
    """``# blocking-ok`` comments of one file, keyed by line number."""

    justified: frozenset[int]
    bare: tuple[int, ...]

    @classmethod
    def scan(cls, source: bytes) -> Markers:
        """
        Collect markers from real comments only.

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
        """
        True if any source line of the call carries a justified marker.

        Why the whole span: in a multi-line call the natural place for the
        comment may be the opening line or the line of the offending argument.
        """
        end = node.end_lineno if node.end_lineno is not None else node.lineno
        return any(line in self.justified for line in range(node.lineno, end + 1))
