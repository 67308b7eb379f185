"""The AST walk: blocking calls made where the event loop runs them."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from blocking_gate.results import Finding
from blocking_gate.rules import (
    BLOCKING_FUNCTIONS,
    BLOCKING_PATH_METHODS,
    MODULE_WIDE_EXCEPTIONS,
    PATH_CONSTRUCTORS,
    PATH_RECEIVER_METHODS,
    PATH_RETURNING_METHODS,
)
from blocking_gate.source import ImportAliases, Markers


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
    """
    Walk one module and record blocking calls made on the event loop.

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
