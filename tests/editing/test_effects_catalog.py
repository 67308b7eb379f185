"""The effect catalog: every example and hint value runs in the real ffmpeg; bad
parameters are refused, naming the field, before any filter is built."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from stoat_ferret.editing.effects import CATALOG, BuildContext, EffectDefinition, MediaKind
from stoat_ferret.editing.effects.catalog import object_schema
from stoat_ferret.editing.effects.timing import atempo_factors
from stoat_ferret.editing.errors import EffectParameterError
from stoat_ferret.editing.filters import filter_call
from tests.editing.ffmpeg_run import FilterRun, run_all

# A two-second clip of a 30 fps project: every example's frame counts fit in it. (The
# lavfi test sources are shorter; ffmpeg accepts a fade that starts after the end.)
CONTEXT = BuildContext(fps=30, clip_frames=60)
WINDOWED = BuildContext(fps=30, clip_frames=60, window=(10, 40))
SHORT = BuildContext(fps=10, clip_frames=5)


def _kind(effect: EffectDefinition) -> str:
    if effect.effect_type == "audio_ducking":
        return "sidechain"
    return effect.applies_to.value


def _runs() -> list[FilterRun]:
    runs: list[FilterRun] = []
    for effect in CATALOG.values():
        parameter_sets = [(f"example {i}", dict(e)) for i, e in enumerate(effect.examples)]
        examples = len(parameter_sets)
        base = dict(effect.examples[0])
        for name, hint in effect.ai_hints.items():
            for value in hint.examples:
                candidate = {**base, name: value}
                if effect.effect_type == "volume":  # gain_db and factor exclude each other
                    candidate = {name: value}
                parameter_sets.append((f"hint {name}={value!r}", candidate))
        for number, (label, parameters) in enumerate(parameter_sets):
            # The examples also run inside a start/end window where the effect has one.
            windowed = effect.supports_window and number < examples
            contexts = [CONTEXT, WINDOWED] if windowed else [CONTEXT]
            for context in contexts:
                tag = f"{effect.effect_type} {label}" + (" windowed" if context.window else "")
                runs.append(
                    FilterRun(tag, _kind(effect), effect.filter_string(parameters, context))
                )
                audio = effect.audio_filter_string(parameters, context)
                if audio is not None:
                    runs.append(FilterRun(f"{tag} (audio part)", "audio", audio))
    # A hint value equal to the example's own gives the same string: run it once.
    unique = {(run.kind, run.filter_string): run for run in reversed(runs)}
    return list(reversed(unique.values()))


def test_every_example_and_hint_value_runs_in_ffmpeg() -> None:
    runs = _runs()
    assert len(runs) > 70
    failures = [(run.label, run.filter_string, err) for run, rc, err in run_all(runs) if rc]
    assert not failures, failures


def test_catalog_entries_are_complete() -> None:
    required = {"text_overlay", "speed", "volume", "audio_fade", "video_fade", "audio_ducking"}
    required |= {"color", "crop", "blur", "rotate", "flip", "hue"}
    assert required <= set(CATALOG)
    for effect_type, effect in CATALOG.items():
        assert effect.effect_type == effect_type
        assert effect.name and effect.description
        properties = set(effect.parameter_schema["properties"])
        assert set(effect.ai_hints) == properties, effect_type
        for hint in effect.ai_hints.values():
            assert hint.meaning and hint.typical and hint.examples
        assert effect.examples
        for example in effect.examples:
            effect.validate(example, BuildContext(fps=30, clip_frames=60))


def test_speed_has_video_and_audio_parts_and_atempo_covers_the_range() -> None:
    speed = CATALOG["speed"]
    assert speed.filter_string({"factor": 2}, CONTEXT) == "setpts=PTS/2"
    assert speed.audio_filter_string({"factor": 0.25}, CONTEXT) == "atempo=0.5,atempo=0.5"
    for factor in (0.25, 0.3, 0.49, 0.5, 1, 1.7, 2, 2.5, 3.99, 4):
        steps = atempo_factors(factor)
        assert all(0.5 <= step <= 2 for step in steps)
        product = 1.0
        for step in steps:
            product *= step
        assert product == pytest.approx(factor)


def test_audio_ducking_applies_to_audio_tracks_only() -> None:
    assert CATALOG["audio_ducking"].track_kinds == {MediaKind.AUDIO}
    assert CATALOG["volume"].track_kinds == {MediaKind.AUDIO, MediaKind.VIDEO}
    assert CATALOG["text_overlay"].track_kinds == {MediaKind.VIDEO}


@pytest.mark.parametrize(
    ("effect_type", "parameters", "field"),
    [
        ("text_overlay", {"text": "x", "font_size": 401}, "parameters.font_size"),
        ("text_overlay", {"text": "x", "font_size": 7}, "parameters.font_size"),
        ("text_overlay", {"text": "x", "font_size": "big"}, "parameters.font_size"),
        ("text_overlay", {"font_size": 20}, "parameters.text"),
        ("text_overlay", {"text": ""}, "parameters.text"),
        ("text_overlay", {"text": "nul\0"}, "parameters.text"),
        ("text_overlay", {"text": "x", "colour": "red"}, "parameters.colour"),
        ("text_overlay", {"text": "x", "color": "red;drop"}, "parameters.color"),
        ("text_overlay", {"text": "x", "position": "middle"}, "parameters.position"),
        ("text_overlay", {"text": "x", "x": "system(1)"}, "parameters.x"),
        ("text_overlay", {"text": "x", "y": "(h-th"}, "parameters.y"),
        ("text_overlay", {"text": "x", "fade_in": 3, "fade_out": 3}, "parameters.fade_out"),
        ("speed", {"factor": 5}, "parameters.factor"),
        ("speed", {"factor": 0.2}, "parameters.factor"),
        ("speed", {}, "parameters.factor"),
        ("volume", {"gain_db": 25}, "parameters.gain_db"),
        ("volume", {"gain_db": -3, "factor": 1}, "parameters.factor"),
        ("volume", {}, "parameters.gain_db"),
        ("volume", {"factor": 17}, "parameters.factor"),
        ("audio_fade", {"direction": "sideways", "duration": 2}, "parameters.direction"),
        ("audio_fade", {"direction": "in", "duration": 6}, "parameters.duration"),
        ("audio_fade", {"direction": "in", "duration": 2, "curve": "x"}, "parameters.curve"),
        ("video_fade", {"direction": "in"}, "parameters.duration"),
        ("audio_ducking", {"ratio": 30}, "parameters.ratio"),
        ("color", {}, "parameters"),
        ("color", {"gamma": 0}, "parameters.gamma"),
        ("crop", {"left": 0.5, "right": 0.5}, "parameters.right"),
        ("blur", {"sigma": 100}, "parameters.sigma"),
        ("rotate", {"degrees": 720}, "parameters.degrees"),
        ("flip", {"direction": "diagonal"}, "parameters.direction"),
        ("hue", {"degrees": 181}, "parameters.degrees"),
        ("hue", "not an object", "parameters"),
    ],
)
def test_invalid_parameters_name_the_field(
    effect_type: str, parameters: object, field: str
) -> None:
    with pytest.raises(EffectParameterError) as raised:
        CATALOG[effect_type].filter_string(parameters, SHORT)
    assert raised.value.field == field
    assert raised.value.message.startswith(field)
    assert len(raised.value.message) <= 300


def test_parameters_are_refused_before_the_builder_runs() -> None:
    built: list[Mapping[str, Any]] = []

    def build(parameters: Mapping[str, Any], context: BuildContext) -> str:
        built.append(parameters)
        return filter_call("null")

    effect = EffectDefinition(
        effect_type="probe",
        name="Probe",
        description="records its builder's calls",
        applies_to=MediaKind.VIDEO,
        track_kinds=frozenset({MediaKind.VIDEO}),
        parameter_schema=object_schema({"n": {"type": "integer", "maximum": 3}}),
        ai_hints={},
        examples=({"n": 1},),
        build=build,
    )
    for bad in ({"n": 4}, {"m": 1}, {"n": "1"}):
        with pytest.raises(EffectParameterError):
            effect.filter_string(bad, CONTEXT)
    assert built == []
    assert effect.filter_string({"n": 2}, CONTEXT) == "null"
    assert built == [{"n": 2}]


def test_long_bad_values_are_capped_in_the_message() -> None:
    with pytest.raises(EffectParameterError) as raised:
        CATALOG["text_overlay"].filter_string({"text": "x", "color": "z" * 5000}, CONTEXT)
    assert raised.value.field == "parameters.color"
    assert len(raised.value.message) <= 300


def test_the_manual_shows_every_effect_with_its_example() -> None:
    page = (Path(__file__).parents[2] / "docs" / "manual" / "11_editing.md").read_text("utf-8")
    for effect in CATALOG.values():
        assert f"### `{effect.effect_type}`" in page, effect.effect_type
        assert effect.filter_string(effect.examples[0], CONTEXT) in page, effect.effect_type
        for name in effect.ai_hints:
            assert f"| `{name}`" in page, (effect.effect_type, name)
