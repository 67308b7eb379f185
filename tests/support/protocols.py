"""Check that a class really implements a ``Protocol``, member by member.

``isinstance`` on a ``runtime_checkable`` protocol only checks that attributes with
the right names exist: a method that forgot ``async``, renamed a keyword or dropped
a parameter passes it. This compares what callers rely on instead: every member is
there, a coroutine function where the protocol has one, and every parameter of the
protocol's signature is accepted under the same name and kind (an implementation
may add parameters with defaults, and defaults of its own).
"""

from __future__ import annotations

import inspect
from typing import Any

_PROTOCOL_INTERNALS = frozenset({"__annotations__"})


def protocol_members(protocol: type) -> set[str]:
    """Names a protocol declares: its public methods and its annotated attributes."""
    names = set(getattr(protocol, "__annotations__", {}))
    names |= {name for name in vars(protocol) if not name.startswith("_")}
    return names - _PROTOCOL_INTERNALS


def signature_mismatches(implementation: type, protocol: type) -> list[str]:
    """Every way ``implementation`` falls short of ``protocol``; empty when it conforms."""
    problems: list[str] = []
    for name in sorted(protocol_members(protocol)):
        wanted = vars(protocol).get(name)
        if not callable(wanted):
            declared = getattr(implementation, "__annotations__", {})
            if not hasattr(implementation, name) and name not in declared:
                problems.append(f"{name}: attribute missing")
            continue
        got = getattr(implementation, name, None)
        if got is None or not callable(got):
            problems.append(f"{name}: method missing")
            continue
        if inspect.iscoroutinefunction(wanted) != inspect.iscoroutinefunction(got):
            problems.append(f"{name}: async in one, not in the other")
        problems += [f"{name}: {p}" for p in _parameter_mismatches(wanted, got)]
    return problems


def _parameter_mismatches(wanted: Any, got: Any) -> list[str]:
    want = inspect.signature(wanted).parameters
    have = inspect.signature(got).parameters
    problems = []
    for pname, param in want.items():
        other = have.get(pname)
        if other is None:
            problems.append(f"parameter {pname!r} missing")
        elif other.kind != param.kind:
            problems.append(f"parameter {pname!r} is {other.kind.description}")
        elif param.default is not inspect.Parameter.empty and other.default != param.default:
            problems.append(f"parameter {pname!r} defaults to {other.default!r}")
    variadic = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    for pname, param in have.items():
        required = param.default is inspect.Parameter.empty and param.kind not in variadic
        if pname not in want and required:
            problems.append(f"extra required parameter {pname!r}")
    return problems
