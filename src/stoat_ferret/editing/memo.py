"""
``IdentityMemo``: remember what was derived from an immutable object, by its identity.

The document's values are frozen and an edit copies only what it changes, so most of a
new version's clips and effects are the very objects of the last one. What is derived
from one of them alone (its stored JSON, its part of an answer) can be remembered.
The objects' equality is no help (their parameters are read-only mappings, which do not
hash), so entries are keyed by ``id()`` and keep their object alive: an id is never
mistaken for a newer object's while its entry exists.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["IdentityMemo"]

K = TypeVar("K")
V = TypeVar("V")


class IdentityMemo(Generic[K, V]):
    """The last ``size`` results of ``build(item, *extra)``, by ``(id(item), extra)``.

    What is remembered must be treated as read-only by every caller: it is shared.
    """

    def __init__(self, build: Callable[..., V], size: int) -> None:
        self._build = build
        self._size = size
        self._entries: OrderedDict[tuple[int, tuple[Hashable, ...]], tuple[K, V]] = OrderedDict()

    def __call__(self, item: K, *extra: Hashable) -> V:
        key = (id(item), extra)
        entries = self._entries
        found = entries.get(key)
        if found is not None and found[0] is item:
            # An import validates (so derives timelines) in a worker thread: another
            # thread may evict this entry between the two steps; the answer still holds.
            # (try/except rather than contextlib.suppress: this runs once per clip of
            # every answer, and a context manager cost more than the look-up.)
            try:  # noqa: SIM105 - see above: suppress() is the slow part
                entries.move_to_end(key)
            except KeyError:
                pass
            return found[1]
        value = self._build(item, *extra)
        entries[key] = (item, value)
        if len(entries) > self._size:
            try:  # noqa: SIM105 - see above: suppress() is the slow part
                entries.popitem(last=False)
            except KeyError:
                pass
        return value

    def __len__(self) -> int:
        return len(self._entries)
