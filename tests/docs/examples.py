"""Read the HTTP examples of ``docs/manual/03_api-reference.md`` so a test can replay them.

The convention (also written at the top of the reference):

````
```http
POST /api/v1/videos/scan
Content-Type: application/json

{"path": "{corpus}", "recursive": true}
```

**202 Accepted**

```json
{"job_id": "9c29cc9e7e954740a5feae3c2d505af1"}
```
````

- an ```` ```http ```` block holds one request: the request line, optional headers,
  a blank line and an optional JSON body;
- the first bold line after it (``**202 Accepted**``) is the documented status; a
  media type in inline code on that line (`` `image/jpeg` ``) is checked too;
- a ```` ```json ```` block right after that line is the documented response body;
- ``{name}`` placeholders are filled in at run time (``{job_id}``, ``{video_id}``...).

Responses are compared by shape: the same keys at every level where both sides hold
an object (lists: each documented item against the first real one), and the same
value for every ``code`` (the machine error code). Ids and times differ on every run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tests.docs.drift import HTTP_METHODS

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_STATUS_LINE = re.compile(r"^\*\*(?P<status>[1-5]\d\d)\b[^*]*\*\*(?P<rest>.*)$")
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class ExampleFormatError(ValueError):
    """An ```http block that does not follow the documented convention."""


@dataclass(frozen=True)
class Example:
    line: int
    method: str
    target: str
    headers: dict[str, str]
    body: str | None
    status: int
    media_type: str | None
    response: str | None

    @property
    def title(self) -> str:
        return f"line {self.line}: {self.method} {self.target} -> {self.status}"

    def placeholders(self) -> set[str]:
        text = " ".join([self.target, self.body or "", *self.headers.values()])
        return set(_PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class _Block:
    info: str
    body: list[str]
    start: int  # index of the opening fence line
    end: int  # index of the closing fence line


def _blocks(lines: list[str]) -> list[_Block]:
    blocks = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence, info = opening[1], opening[2].strip()
        start = index
        index += 1
        while index < len(lines):
            stripped = lines[index].strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                break
            index += 1
        blocks.append(_Block(info, lines[start + 1 : index], start, index))
        index += 1
    return blocks


def _parse_request(block: _Block) -> tuple[str, str, dict[str, str], str | None]:
    lines = list(block.body)
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise ExampleFormatError(f"line {block.start + 1}: empty ```http block")
    parts = lines[0].split()
    if len(parts) not in (2, 3) or parts[0] not in HTTP_METHODS or not parts[1].startswith("/"):
        raise ExampleFormatError(
            f"line {block.start + 2}: expected 'METHOD /path', got {lines[0]!r}"
        )
    headers: dict[str, str] = {}
    index = 1
    while index < len(lines) and lines[index].strip():
        name, sep, value = lines[index].partition(":")
        if not sep:
            raise ExampleFormatError(f"line {block.start + 2 + index}: bad header {lines[index]!r}")
        headers[name.strip()] = value.strip()
        index += 1
    body = "\n".join(lines[index:]).strip() or None
    return parts[0], parts[1], headers, body


def parse_examples(text: str) -> list[Example]:
    """Every ```http example of a page with its documented status and response."""
    lines = text.splitlines()
    blocks = _blocks(lines)
    examples = []
    for number, block in enumerate(blocks):
        if block.info.split()[:1] != ["http"]:
            continue
        method, target, headers, body = _parse_request(block)
        next_start = blocks[number + 1].start if number + 1 < len(blocks) else len(lines)
        status_line = None
        for index in range(block.end + 1, next_start):
            match = _STATUS_LINE.match(lines[index].strip())
            if match:
                status_line = (index, match)
                break
        if status_line is None:
            raise ExampleFormatError(
                f"line {block.start + 1}: {method} {target} has no **<status>** line after it"
            )
        index, match = status_line
        media = re.search(r"`([a-z]+/[a-z0-9.+-]+)`", match["rest"])
        response = None
        if number + 1 < len(blocks):
            following = blocks[number + 1]
            between = lines[index + 1 : following.start]
            if following.info.split()[:1] == ["json"] and not any(ln.strip() for ln in between):
                response = "\n".join(following.body)
        examples.append(
            Example(
                line=block.start + 1,
                method=method,
                target=target,
                headers=headers,
                body=body,
                status=int(match["status"]),
                media_type=media[1] if media else None,
                response=response,
            )
        )
    return examples


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` placeholders; an unknown name is an error, never left in."""

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        if name not in values:
            raise KeyError(f"unknown placeholder {{{name}}}")
        return values[name]

    return _PLACEHOLDER.sub(replace, text)


def shape_mismatches(documented: Any, actual: Any, where: str = "$") -> list[str]:
    """Differences in keys (and error codes) between a documented and a real response."""
    problems: list[str] = []
    if isinstance(documented, dict) and isinstance(actual, dict):
        for key in sorted(documented.keys() - actual.keys()):
            problems.append(f"{where}.{key}: documented but not in the real response")
        for key in sorted(actual.keys() - documented.keys()):
            problems.append(f"{where}.{key}: in the real response but not documented")
        for key in sorted(documented.keys() & actual.keys()):
            doc_value, real_value = documented[key], actual[key]
            if key == "code" and isinstance(doc_value, str) and doc_value != real_value:
                problems.append(f"{where}.code: documented {doc_value!r}, real {real_value!r}")
            problems.extend(shape_mismatches(doc_value, real_value, f"{where}.{key}"))
    elif isinstance(documented, list) and isinstance(actual, list) and documented and actual:
        for position, item in enumerate(documented):
            problems.extend(shape_mismatches(item, actual[0], f"{where}[{position}]"))
    return problems


def load_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExampleFormatError(f"{where}: documented response is not JSON ({exc})") from None


def _template_regex(path: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", path)
    pattern = "".join("[^/?]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(rf"^{pattern}(?:\?.*)?$")


def routes_without_example(
    routes: Iterable[tuple[str, str]], examples: Iterable[Example]
) -> list[str]:
    """Routes (method, path template) that no example exercises.

    An example counts for the most specific route it matches, so
    ``GET /api/v1/videos/search?q=x`` covers ``/videos/search``, not ``/videos/{video_id}``.
    """
    routes = list(routes)
    covered: set[tuple[str, str]] = set()
    for example in examples:
        matching = [
            (method, path)
            for method, path in routes
            if method == example.method and _template_regex(path).match(example.target)
        ]
        if matching:
            covered.add(min(matching, key=lambda route: route[1].count("{")))
    return sorted(f"{method} {path}" for method, path in routes if (method, path) not in covered)
