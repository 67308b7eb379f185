"""Collects the inputs and chains of one ffmpeg command and hands out link labels.

Labels are generated (``v3``, ``a7``) from a safe alphabet and every chain goes through
:func:`stoat_ferret.editing.filters.labelled`, so nothing here formats user text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from stoat_ferret.editing.filters import chain, format_number, graph, labelled

__all__ = ["GraphBuilder"]


@dataclass
class GraphBuilder:
    """A ``filter_complex`` under construction plus the ``-i`` inputs it reads."""

    _inputs: list[tuple[str, ...]] = field(default_factory=list)
    _chains: list[str] = field(default_factory=list)
    _count: int = 0

    def add_input(self, path: str, *, seek_s: float, read_s: float) -> int:
        """Open ``path`` as the next input, seeking (accurately) to ``seek_s``.

        The ``file:`` prefix keeps ffmpeg from reading a protocol or a special name
        (``-``, ``concat:...``) out of a file name.

        Returns:
            the input's index (``N`` in ``[N:v:0]``).
        """
        self._inputs.append(
            ("-ss", format_number(seek_s), "-t", format_number(read_s), "-i", f"file:{path}")
        )
        return len(self._inputs) - 1

    def label(self, stem: str) -> str:
        """A label used nowhere else in this graph."""
        self._count += 1
        return f"{stem}{self._count}"

    def add(self, inputs: Sequence[str], filters: Iterable[str], output: str) -> str:
        """Append the chain ``[inputs]filters[output]``; returns ``output``."""
        description = chain(filters)
        if not description:
            raise ValueError("a chain needs at least one filter")
        self._chains.append(labelled(description, inputs, [output]))
        return output

    def add_many(
        self, inputs: Sequence[str], filters: Iterable[str], outputs: Sequence[str]
    ) -> None:
        """Append a chain with several outputs (``asplit``)."""
        self._chains.append(labelled(chain(filters), inputs, outputs))

    def input_args(self) -> list[str]:
        return [arg for one in self._inputs for arg in one]

    def filter_complex(self) -> str:
        return graph(self._chains)
