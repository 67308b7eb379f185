"""Checks that keep the documentation true to the code.

Each check is a small pure function: it takes text (a page of the docs) and data
(names read from the code) and returns what is missing or wrong, as a sorted list of
strings; an empty list means the docs agree. The collectors at the bottom read those
names from the code itself (the OpenAPI schema, ``Settings``, the typer app, ...),
so a new route, status, setting or command breaks the build until it is documented.

``tests/docs/test_docs_drift.py`` runs every check on the real docs and proves, on
synthetic inputs, that each one fails when something is left out.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")

#: Diagram types a ```mermaid block may start with (the docs draw only in Mermaid).
MERMAID_DIAGRAMS = (
    "C4Context",
    "C4Container",
    "C4Component",
    "C4Dynamic",
    "C4Deployment",
    "flowchart",
    "graph",
    "sequenceDiagram",
    "stateDiagram-v2",
    "classDiagram",
    "erDiagram",
)

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


# -- Markdown helpers ------------------------------------------------------------------


@dataclass(frozen=True)
class Fence:
    """One fenced code block: its info string (```` ```json ```` -> ``json``) and body."""

    info: str
    body: str
    line: int  # 1-based line of the opening fence


def fenced_blocks(text: str) -> list[Fence]:
    """Every fenced code block of a Markdown text, in order."""
    blocks: list[Fence] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence = opening["fence"]
        body: list[str] = []
        start = index
        index += 1
        while index < len(lines):
            closing = lines[index].strip()
            if closing.startswith(fence[0] * len(fence)) and not closing.strip(fence[0]):
                break
            body.append(lines[index])
            index += 1
        blocks.append(Fence(opening["info"].strip(), "\n".join(body), start + 1))
        index += 1
    return blocks


def prose(text: str) -> str:
    """The text with fenced code blocks blanked out (line numbers are kept)."""
    out: list[str] = []
    in_fence: str | None = None
    for line in text.splitlines():
        match = _FENCE.match(line)
        if in_fence is None and match is not None:
            in_fence = match["fence"]
            out.append("")
        elif in_fence is not None:
            stripped = line.strip()
            if stripped.startswith(in_fence[0] * len(in_fence)) and not stripped.strip(in_fence[0]):
                in_fence = None
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


def _strip_inline_code(line: str) -> str:
    return re.sub(r"(`+)(?:(?!\1).)+?\1", "", line)


def heading_slugs(text: str) -> set[str]:
    """Anchors GitHub gives the headings of a page (``## Cancel a job`` -> ``cancel-a-job``)."""
    slugs: set[str] = set()
    counts: dict[str, int] = {}
    for line in prose(text).splitlines():
        match = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if match is None:
            continue
        base = slugify(match[1])
        seen = counts.get(base, 0)
        counts[base] = seen + 1
        slugs.add(base if seen == 0 else f"{base}-{seen}")
    slugs.update(re.findall(r'<a\s+(?:name|id)="([^"]+)"', text))
    return slugs


def slugify(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces become hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links and images -> text
    text = text.replace("`", "").strip().lower()
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "-_ " or category[0] in "LN" or category == "Mn":
            kept.append("-" if char == " " else char)
    return "".join(kept)


# -- route checks ----------------------------------------------------------------------


def _route_pattern(method: str, path: str) -> re.Pattern[str]:
    # The path must end there: "/api/v1/jobs" is not documented by "/api/v1/jobs/{job_id}".
    return re.compile(rf"(?<![A-Za-z]){method}\s+{re.escape(path)}(?![\w/{{}}-])")


def missing_routes(routes: Iterable[tuple[str, str]], reference: str) -> list[str]:
    """Routes (method, path) that the reference never names as ``METHOD /path``."""
    return sorted(
        f"{method} {path}"
        for method, path in routes
        if not _route_pattern(method, path).search(reference)
    )


_ROUTE_HEADING = re.compile(
    rf"^#{{1,6}}\s+`?(?P<method>{'|'.join(HTTP_METHODS)}|WS)\s+(?P<path>/[^\s`?]*)",
    re.MULTILINE,
)


def stale_routes(routes: Iterable[tuple[str, str]], reference: str) -> list[str]:
    """Routes the reference documents under a ``### METHOD /path`` heading that do not exist."""
    known = {(method, path) for method, path in routes}
    return sorted(
        f"{m['method']} {m['path']}"
        for m in _ROUTE_HEADING.finditer(prose(reference))
        if (m["method"], m["path"]) not in known
    )


# -- names that must appear ------------------------------------------------------------


def missing_code_words(words: Iterable[str], text: str) -> list[str]:
    """Words that never appear as inline code (`` `cancelled` ``) in ``text``."""
    return sorted(word for word in set(words) if f"`{word}`" not in text)


def missing_settings(field_names: Iterable[str], text: str) -> list[str]:
    """``STOAT_<NAME>`` variables of the ``Settings`` fields that ``text`` never mentions."""
    wanted = {f"STOAT_{name.upper()}" for name in field_names}
    return sorted(var for var in wanted if not re.search(rf"{var}(?![A-Z0-9_])", text))


def unknown_settings(field_names: Iterable[str], text: str, allowed: Iterable[str]) -> list[str]:
    """``STOAT_*`` variables ``text`` mentions that are neither settings nor ``allowed``."""
    known = {f"STOAT_{name.upper()}" for name in field_names} | set(allowed)
    return sorted(set(re.findall(r"STOAT_[A-Z0-9_]*[A-Z0-9]", text)) - known)


def missing_cli_commands(commands: Iterable[str], text: str) -> list[str]:
    """Command paths (``jobs cancel``) never written as ``stoat-ferret jobs cancel``."""
    missing = []
    for command in commands:
        words = r"\s+".join(re.escape(word) for word in command.split())
        if not re.search(rf"stoat-ferret\s+{words}(?![\w-])", text):
            missing.append(command)
    return sorted(missing)


def missing_flags(flags: Iterable[str], text: str) -> list[str]:
    """Option flags (``--data-dir``) never mentioned in ``text``."""
    return sorted(
        flag for flag in set(flags) if not re.search(rf"{re.escape(flag)}(?![\w-])", text)
    )


def missing_exit_codes(codes: Mapping[str, int], text: str) -> list[str]:
    """Exit codes without a table row naming both the number and the constant."""
    missing = []
    for name, value in codes.items():
        row = rf"^\|\s*`?{value}`?\s*\|.*`{name}`"
        if not re.search(row, text, re.MULTILINE):
            missing.append(f"{value} {name}")
    return sorted(missing)


# -- links and diagrams ----------------------------------------------------------------

_INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)


def link_targets(text: str) -> list[tuple[int, str]]:
    """(line, target) of every Markdown link and image outside code."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(prose(text).splitlines(), start=1):
        line = _strip_inline_code(line)
        found.extend((number, target) for target in _INLINE_LINK.findall(line))
        found.extend((number, target) for target in _REFERENCE_LINK.findall(line))
    return found


def is_relative_target(target: str) -> bool:
    return not (re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith(("/", "#")))


def broken_links(
    page: Path,
    text: str,
    *,
    exists: Callable[[Path], bool],
    read: Callable[[Path], str],
) -> list[str]:
    """Relative links of ``page`` whose file is missing, or whose ``#anchor`` is not a heading.

    ``exists`` and ``read`` are injected so a test can run the check on made-up pages.
    Links to the same page (``#anchor``) are checked against this page's headings.
    """
    problems = []
    for line, target in link_targets(text):
        path_part, _, anchor = target.partition("#")
        path_part = path_part.split("?", 1)[0]
        if target.startswith("#"):
            if anchor and anchor not in heading_slugs(text):
                problems.append(f"{page}:{line}: no heading for anchor {target!r}")
            continue
        if not is_relative_target(target):
            continue
        resolved = (page.parent / path_part).resolve()
        if not exists(resolved):
            problems.append(f"{page}:{line}: link target {target!r} does not exist")
        elif anchor and resolved.suffix == ".md" and anchor not in heading_slugs(read(resolved)):
            problems.append(f"{page}:{line}: {path_part} has no heading for anchor #{anchor}")
    return problems


def bad_mermaid_blocks(text: str) -> list[str]:
    """```mermaid blocks that do not start with a known diagram type."""
    problems = []
    for block in fenced_blocks(text):
        if block.info.split()[:1] != ["mermaid"]:
            continue
        first = next((ln.strip() for ln in block.body.splitlines() if ln.strip()), "")
        if not first.startswith(MERMAID_DIAGRAMS):
            problems.append(f"line {block.line}: mermaid block starts with {first!r}")
    return problems


# -- collectors: the names the code defines ------------------------------------------


def openapi_routes(schema: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(METHOD, path) for every operation of an OpenAPI schema."""
    return sorted(
        (method.upper(), path)
        for path, operations in schema.get("paths", {}).items()
        for method in operations
        if method.upper() in HTTP_METHODS
    )


def websocket_routes(routes: Iterable[object], prefix: str = "") -> list[tuple[str, str]]:
    """("WS", path) for the WebSocket routes of an app (OpenAPI does not list them).

    Walks included routers too (FastAPI wraps them; each adds its include prefix).
    """
    found: list[tuple[str, str]] = []
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            context = getattr(route, "include_context", None)
            inner = prefix + (getattr(context, "prefix", "") or "")
            found.extend(websocket_routes(included.routes, inner))
        elif "WebSocket" in type(route).__name__:
            found.append(("WS", prefix + str(getattr(route, "path", ""))))
    return sorted(found)


def cli_command_paths(command: object, prefix: str = "") -> list[str]:
    """Every command and subcommand below a click group: ``["db", "db upgrade", ...]``.

    Duck-typed (``commands`` mapping, ``params`` list) because typer ships its own
    copy of click, whose classes are not ``click.Group``.
    """
    paths: list[str] = []
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        path = f"{prefix} {name}".strip()
        paths.append(path)
        paths.extend(cli_command_paths(sub, path))
    return paths


def cli_flags(command: object) -> list[str]:
    """Every long option flag of a click command tree (``--help`` excluded)."""
    flags: set[str] = set()
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", None) == "option":
            names = (*param.opts, *param.secondary_opts)
            flags.update(flag for flag in names if flag.startswith("--"))
    for sub in getattr(command, "commands", {}).values():
        flags.update(cli_flags(sub))
    flags.discard("--help")
    return sorted(flags)


_LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "msg"}
_EVENT_NAME = re.compile(r"^(job|video|project)\.[a-z_]+$")


def event_types_in_source(sources: Mapping[str, str]) -> list[str]:
    """Event types the code publishes, read from its syntax tree.

    A string such as ``"job.started"`` or ``"video.added"`` is an event type unless it
    is the message of a log call (``log.warning("job.interrupted")`` is a log line, not
    an event); ``heartbeat`` and ``resync`` are the first argument of ``_control``.
    """
    found: set[str] = set()
    for text in sources.values():
        tree = ast.parse(text)
        log_messages: set[int] = set()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            first = node.args[0]
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _LOG_METHODS:
                log_messages.add(id(first))
            elif name == "_control" and isinstance(first, ast.Constant):
                found.add(str(first.value))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _EVENT_NAME.match(node.value)
                and id(node) not in log_messages
            ):
                found.add(node.value)
    return sorted(found)


def error_codes_in_source(sources: Mapping[str, str]) -> list[str]:
    """Machine codes of the API error shape: ``code = "..."`` class attributes,
    ``error_body("CODE", ...)`` literals and the values of the ``HTTP_CODES`` table."""
    found: set[str] = set()
    for text in sources.values():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "code" for t in node.targets
            ):
                if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                    found.add(node.value.value)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "error_body":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
            elif (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "HTTP_CODES" for t in node.targets)
                and isinstance(node.value, ast.Dict)
            ):
                found.update(
                    v.value
                    for v in node.value.values
                    if isinstance(v, ast.Constant) and isinstance(v.value, str)
                )
    return sorted(found)


def module_int_constants(module: object) -> dict[str, int]:
    """Upper-case integer constants of a module (the exit codes)."""
    return {
        name: value
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, int) and not isinstance(value, bool)
    }
