"""The protocol conformance helper catches what ``isinstance`` lets through."""

from __future__ import annotations

from typing import Protocol

from tests.support.protocols import signature_mismatches


class Store(Protocol):
    name: str

    async def get(self, key: str, *, timeout_s: float) -> bytes: ...

    def keys(self, limit: int = 10) -> list[str]: ...


class Good:
    name = "good"

    async def get(self, key: str, *, timeout_s: float = 1.0, retries: int = 0) -> bytes:
        return b""

    def keys(self, limit: int = 10) -> list[str]:
        return []


class Bad:
    async def get(self, name: str, timeout_s: float, extra: int) -> bytes:
        return b""

    async def keys(self, limit: int = 20) -> list[str]:
        return []


def test_a_conforming_class_has_no_mismatch() -> None:
    assert signature_mismatches(Good, Store) == []


def test_each_kind_of_mismatch_is_reported() -> None:
    assert signature_mismatches(Bad, Store) == [
        "get: parameter 'key' missing",
        "get: parameter 'timeout_s' is positional or keyword",
        "get: extra required parameter 'name'",
        "get: extra required parameter 'extra'",
        "keys: async in one, not in the other",
        "keys: parameter 'limit' defaults to 20",
        "name: attribute missing",
    ]
