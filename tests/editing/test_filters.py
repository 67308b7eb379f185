"""The escaping module: FFmpeg reads back exactly what we meant, at every level."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stoat_ferret.editing.effects import DEFAULT_FONT_FILE
from stoat_ferret.editing.filters import (
    chain,
    drawtext_text,
    filter_call,
    format_number,
    graph,
    labelled,
    quote_value,
)
from tests.editing.ffmpeg_run import decode_gray_frames

# Text an argv can carry: any Unicode scalar value except NUL (surrogates cannot be
# encoded as UTF-8, so they are not text).
argv_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"))

HOSTILE = [
    "a:b",
    "it's",
    "back\\slash",
    "%{pts} and %{n} and %%",
    "comma, semicolon; [bracket] ]",
    "line one\nline two",
    "emoji 🎬🦦",
    "שלום עולם",  # right-to-left
    "  spaces at both ends  ",
    "'quoted'",
    "\\'",
    "=key=value=",
]


# --- a reference parser written from FFmpeg's "Quoting and escaping" rules -----------

WHITESPACE = " \n\t\r"


def get_token(text: str, position: int, terms: str) -> tuple[str, int]:
    """FFmpeg's ``av_get_token``: one token up to an unescaped, unquoted ``terms`` char."""
    while position < len(text) and text[position] in WHITESPACE:
        position += 1
    out: list[str] = []
    keep = 0  # characters up to here survive the trailing-whitespace strip
    while position < len(text) and text[position] not in terms:
        char = text[position]
        position += 1
        if char == "\\" and position < len(text):
            out.append(text[position])
            position += 1
            keep = len(out)
        elif char == "'":
            while position < len(text) and text[position] != "'":
                out.append(text[position])
                position += 1
            if position < len(text):
                position += 1
                keep = len(out)
        else:
            out.append(char)
    while len(out) > keep and out[-1] in WHITESPACE:
        out.pop()
    return "".join(out), position


def parse_filter(description: str) -> tuple[str, dict[str, str]]:
    """A filter description back to its name and option values (levels 2 then 1)."""
    name, position = get_token(description, 0, "=,;[")
    assert position == len(description) or description[position] == "="
    arguments, position = get_token(description, position + 1, "[],;")
    assert position == len(description), "the description did not end where it should"
    options: dict[str, str] = {}
    position = 0
    while position < len(arguments):
        key, position = get_token(arguments, position, "=:")
        assert arguments[position] == "=", "every option here is named"
        value, position = get_token(arguments, position + 1, ":")
        options[key] = value
        position += 1  # the ':' between options
    return name, options


@given(argv_text)
@settings(max_examples=500)
def test_reference_parser_reads_back_any_value(value: str) -> None:
    name, options = parse_filter(filter_call("metadata", mode="add", key="k", value=value))
    assert name == "metadata"
    assert options == {"mode": "add", "key": "k", "value": value}


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_read_back(value: str) -> None:
    assert parse_filter(filter_call("metadata", value=value))[1] == {"value": value}


# --- FFmpeg itself reads the value back ---------------------------------------------


def echo_through_ffmpeg(value: str, tmp_path: Path) -> str:
    """What ffmpeg's metadata filter stores for ``value``: it prints ``k=<value>``."""
    out = tmp_path / "metadata.txt"
    out.unlink(missing_ok=True)
    description = chain(
        [
            filter_call("metadata", mode="add", key="k", value=value),
            filter_call("metadata", mode="print", file=str(out)),
        ]
    )
    subprocess.run(
        [
            *("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "color=s=16x16:d=0.1"),
            *("-vf", description, "-frames:v", "1", "-f", "null", "-"),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    printed = out.read_bytes().decode("utf-8")
    header, _, entry = printed.partition("\n")
    assert header.startswith("frame:0")
    assert entry.startswith("k=") and entry.endswith("\n")
    return entry[2:-1]


@pytest.mark.parametrize("value", HOSTILE)
def test_ffmpeg_reads_hostile_values_back(value: str, tmp_path: Path) -> None:
    assert echo_through_ffmpeg(value, tmp_path) == value


#: ffmpeg's metadata filter prints each entry through a 128-byte buffer (f_metadata.c),
#: so ``k=<value>\n`` of more than 127 bytes comes back cut: that limit is the printer's,
#: not the filter's, and longer values would test the printer instead of the escaping.
PRINTABLE_BYTES = 127 - len("k=\n")


@given(argv_text.filter(lambda text: 0 < len(text.encode()) <= PRINTABLE_BYTES))
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_ffmpeg_reads_arbitrary_text_back(tmp_path: Path, value: str) -> None:
    assert echo_through_ffmpeg(value, tmp_path) == value


# --- drawtext draws user text literally ---------------------------------------------


def text_filter(text: str) -> str:
    return drawtext_text(text, fontfile=DEFAULT_FONT_FILE, fontsize=16, fontcolor="white", x=4, y=4)


@pytest.mark.parametrize("text", HOSTILE)
def test_drawtext_draws_hostile_text_literally(text: str) -> None:
    # %{pts}, %{n} would differ between frames 0 and 5 if drawtext expanded them; on a
    # still source the frames are identical only if the text is drawn as typed.
    first, _, _, _, _, sixth = decode_gray_frames(text_filter(text + " %{pts} %{n}"), 6)
    assert first == sixth
    blank = decode_gray_frames("null", 1)[0]
    assert first != blank, "the text was not drawn at all"


def test_expansion_would_show_in_the_frames() -> None:
    # The control: with expansion on, the same check does see the frames differ.
    expanded = filter_call(
        "drawtext", text="%{pts}", fontfile=DEFAULT_FONT_FILE, fontsize=16, fontcolor="white"
    )
    first, *_, sixth = decode_gray_frames(expanded, 6)
    assert first != sixth


def test_different_texts_draw_differently() -> None:
    # Backslash and quote characters reach drawtext: they are drawn, not swallowed.
    plain = decode_gray_frames(text_filter("ab"), 1)[0]
    for text in ("a\\b", "a'b", "a:b", "a,b"):
        assert decode_gray_frames(text_filter(text), 1)[0] != plain, text


def test_drawtext_text_refuses_what_it_cannot_carry() -> None:
    with pytest.raises(ValueError):
        drawtext_text("")
    with pytest.raises(ValueError):
        drawtext_text("\ud800")
    with pytest.raises(ValueError):
        drawtext_text("x", expansion="normal")
    with pytest.raises(ValueError):
        quote_value("nul\0")


# --- the graph level ----------------------------------------------------------------


def test_graph_joins_chains_and_checks_labels() -> None:
    video = labelled(chain([filter_call("scale", 320, 240), filter_call("hflip")]), ["0:v"], ["v"])
    audio = labelled(filter_call("volume", volume="-3dB"), ["0:a"], ["a"])
    assert graph([video, audio]) == "[0:v]scale=320:240,hflip[v];[0:a]volume=volume=-3dB[a]"
    for bad in ("a]b", "x;y", "", "a b"):
        with pytest.raises(ValueError):
            labelled("null", [bad])


def test_names_are_checked_not_escaped() -> None:
    for bad in ("drawtext,evil", "a=b", ""):
        with pytest.raises(ValueError):
            filter_call(bad)
    with pytest.raises(ValueError):
        filter_call("drawtext", **{"te:xt": "x"})


@pytest.mark.parametrize(
    ("number", "text"),
    [(2, "2"), (2.0, "2"), (0.5, "0.5"), (-0.25, "-0.25"), (1 / 3, "0.3333333333"), (1e-12, "0")],
)
def test_format_number(number: float, text: str) -> None:
    assert format_number(number) == text


def test_format_number_refuses_non_finite() -> None:
    with pytest.raises(ValueError):
        format_number(float("nan"))
