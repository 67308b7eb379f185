"""The one module that writes FFmpeg filter strings: every escaping level in one place.

A value on its way into ``ffmpeg -vf``/``-af``/``-filter_complex`` is parsed by FFmpeg
several times, and each parse removes one level of quoting (FFmpeg's "Quoting and
escaping" and "Notes on filtergraph escaping" documentation):

1. **Option value.** A filter's argument string ``key=value:key=value`` is split by
   ``av_get_token(..., ":")`` (and ``"="`` for the key). Inside ``'...'`` every
   character is literal; outside, ``\\`` makes the next character literal; leading and
   trailing white space is dropped unless quoted. :func:`quote_value` wraps the whole
   value in single quotes and writes an embedded ``'`` as ``'\\''`` (close the quote,
   an escaped quote, reopen), which FFmpeg reads back exactly, white space included.
2. **Filter description.** The graph parser takes everything after ``name=`` up to an
   unescaped ``[ ] , ;`` with ``av_get_token(..., "[],;")``, which also consumes one
   level of ``'`` and ``\\``. :func:`escape_description` backslash-escapes
   ``\\ ' [ ] , ;`` in the level-1 string, so it survives this second parse unchanged.
3. **Filter graph.** Filters join into a chain with ``,`` and chains into a graph with
   ``;``; link labels are ``[name]``. The output of :func:`filter_call` contains none of
   those characters unescaped, so :func:`chain` and :func:`graph` only join; labels are
   checked against a safe alphabet instead of escaped. The shell level of FFmpeg's
   documentation does not exist here: ffmpeg is always started with an argv list.

User text reaches ``drawtext`` only through :func:`drawtext_text`, which pairs it with
``expansion=none`` so ``%{...}`` sequences are drawn instead of expanded. No other module
builds a filter string out of user input by formatting strings itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

__all__ = [
    "FilterValue",
    "chain",
    "drawtext_text",
    "escape_description",
    "filter_call",
    "format_number",
    "graph",
    "labelled",
    "quote_value",
]

FilterValue = str | int | float | bool
"""What a filter option may be given: numbers and booleans are formatted, strings quoted."""

_NAME = re.compile(r"[A-Za-z0-9_]+")
_OPTION = re.compile(r"[A-Za-z0-9_]+")
_LABEL = re.compile(r"[A-Za-z0-9_:.]+")
_DESCRIPTION_SPECIALS = re.compile(r"([\\'\[\],;])")
# A value made only of these characters needs no quoting at level 1 (no ``' \ :``, no
# white space, no ``=`` that a positional value could be mistaken for a key by, nothing
# level 2 treats specially); keeping such values bare
# makes the strings shown to people (``filter_preview``) readable.
_BARE_VALUE = re.compile(r"[A-Za-z0-9_.+\-*/@#()<>|]+")


def format_number(value: float | int) -> str:
    """Format a number the way FFmpeg's option parser reads it back exactly.

    Integers print as integers; floats with up to 10 significant digits and never in
    exponent form with a bare ``e`` that an expression could misread.

    Raises:
        ValueError: for NaN or infinity, which no filter option accepts.
    """
    if isinstance(value, bool):
        raise TypeError("booleans are formatted by filter_call, not format_number")
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def quote_value(value: str) -> str:
    """Level 1: quote ``value`` so the option parser reads it back exactly.

    Raises:
        ValueError: for a value holding NUL, which no argv string can carry.
    """
    if "\0" in value:
        raise ValueError("a filter option value cannot contain NUL")
    if _BARE_VALUE.fullmatch(value):
        return value
    return "'" + value.replace("'", "'\\''") + "'"


def escape_description(arguments: str) -> str:
    """Level 2: escape a level-1 argument string for the filter graph parser."""
    return _DESCRIPTION_SPECIALS.sub(r"\\\1", arguments)


def _option_text(value: FilterValue) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return format_number(value)
    return quote_value(value)


def filter_call(
    name: str,
    *positional: FilterValue,
    **options: FilterValue,
) -> str:
    """One filter description, escaped for use anywhere in a filter graph.

    Args:
        name: the filter's name (``drawtext``, ``atempo``...); checked, never escaped.
        positional: values for the filter's options in their declared order.
        options: named options, in order; leave an option out rather than pass ``None``.

    Returns:
        ``name`` or ``name=arguments`` with every value escaped at levels 1 and 2.
    """
    if not _NAME.fullmatch(name):
        raise ValueError(f"invalid filter name: {name!r}")
    parts = [_option_text(value) for value in positional]
    for key, value in options.items():
        if not _OPTION.fullmatch(key):
            raise ValueError(f"invalid option name for {name}: {key!r}")
        parts.append(f"{key}={_option_text(value)}")
    if not parts:
        return name
    return f"{name}={escape_description(':'.join(parts))}"


def _check_label(label: str) -> str:
    if not _LABEL.fullmatch(label):
        raise ValueError(f"invalid link label: {label!r}")
    return f"[{label}]"


def labelled(description: str, inputs: Sequence[str] = (), outputs: Sequence[str] = ()) -> str:
    """A filter description (from :func:`filter_call` or :func:`chain`) with link labels."""
    before = "".join(_check_label(label) for label in inputs)
    after = "".join(_check_label(label) for label in outputs)
    return f"{before}{description}{after}"


def chain(filters: Iterable[str]) -> str:
    """Level 3: a linear chain of filter descriptions (``a,b,c``); empty parts are dropped.

    An empty chain is ``null``-free: callers get ``""`` and decide (``-vf ""`` is invalid).
    """
    return ",".join(part for part in filters if part)


def graph(chains: Iterable[str]) -> str:
    """Level 3: chains joined into one filter graph (``chain;chain``)."""
    return ";".join(part for part in chains if part)


def drawtext_text(text: str, **options: FilterValue) -> str:
    """A ``drawtext`` filter that draws ``text`` literally.

    The text goes inline (no ``textfile`` to clean up), escaped at both levels, and with
    ``expansion=none`` so ``%{pts}`` and friends are drawn as typed. ``options`` are the
    other drawtext options (``fontfile``, ``fontsize``, ``x``...); ``text`` and
    ``expansion`` cannot be overridden through them.

    Raises:
        ValueError: for empty text (drawtext refuses it) or text that is not a valid
            Unicode string (a lone surrogate cannot be encoded for ffmpeg).
    """
    if not text:
        raise ValueError("drawtext needs some text")
    text.encode("utf-8")  # raises UnicodeEncodeError (a ValueError) on lone surrogates
    forced = {"text": text, "expansion": "none"}
    clashing = sorted(set(options) & set(forced))
    if clashing:
        raise ValueError(f"drawtext_text sets {', '.join(clashing)} itself")
    return filter_call("drawtext", **forced, **options)
