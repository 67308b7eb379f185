"""``GET /effects``, ``POST /effects/preview`` and ``GET /transitions`` on real ffmpeg."""

from __future__ import annotations

import asyncio
import re
import subprocess
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from stoat_ferret.api import create_app
from stoat_ferret.db import Database
from stoat_ferret.editing.effect_schemas import CATALOG_CONTEXT
from stoat_ferret.editing.effects import CATALOG
from stoat_ferret.settings import Settings
from tests.support.app_client import app_client
from tests.support.fake_tools import assert_names_field, counting_ffmpeg, runs
from tests.support.media import ffmpeg_binary

CATALOG_FIELDS = {
    "effect_type",
    "name",
    "description",
    "applies_to",
    "parameter_schema",
    "ai_hints",
    "examples",
    "filter_preview",
}


async def test_catalog_lists_every_effect_with_its_schema_and_preview(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/v1/effects")

    assert response.status_code == 200
    effects = response.json()["effects"]
    assert [effect["effect_type"] for effect in effects] == list(CATALOG)
    for effect in effects:
        assert set(effect) == CATALOG_FIELDS
        definition = CATALOG[effect["effect_type"]]
        assert effect["parameter_schema"] == definition.parameter_schema
        assert effect["applies_to"] == definition.applies_to.value
        assert effect["examples"] == [dict(example) for example in definition.examples]
        assert set(effect["ai_hints"]) == set(definition.ai_hints)
        for hint in effect["ai_hints"].values():
            assert set(hint) == {"meaning", "typical", "examples"}
        assert effect["filter_preview"] == definition.filter_string(
            definition.examples[0], CATALOG_CONTEXT
        )


async def test_catalog_schema_describes_the_entries(app: FastAPI) -> None:
    components = app.openapi()["components"]["schemas"]
    entry = components["EffectOut"]
    assert set(entry["properties"]) == CATALOG_FIELDS
    assert entry["properties"]["effect_type"]["enum"] == list(CATALOG)
    assert entry["properties"]["ai_hints"]["additionalProperties"]["$ref"].endswith(
        "/ParameterHintOut"
    )
    assert "JSON Schema" in entry["properties"]["parameter_schema"]["description"]


async def test_filter_preview_builds_the_string_ffmpeg_runs(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    parameters = {"text": "Hello: it's 100%", "font_size": 48}
    response = await client.post(
        "/api/v1/effects/preview", json={"effect_type": "text_overlay", "parameters": parameters}
    )

    assert response.status_code == 200, response.text
    filter_string = response.json()["filter_string"]
    assert filter_string == CATALOG["text_overlay"].filter_string(parameters, CATALOG_CONTEXT)
    argv = [ffmpeg_binary(), "-v", "error", "-f", "lavfi", "-i", "color=size=64x64:d=0.1"]
    run = await asyncio.to_thread(
        subprocess.run,
        [*argv, "-vf", filter_string, "-f", "null", "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"effect_type": "text_overlay", "parameters": {"text": "x", "font_size": 2}},
            "parameters.font_size",
        ),
        ({"effect_type": "text_overlay", "parameters": {"font_size": 20}}, "parameters.text"),
        ({"effect_type": "blur", "parameters": {"sigma": 2, "bogus": 1}}, "parameters.bogus"),
        ({"effect_type": "volume", "parameters": {"gain_db": 1, "factor": 2}}, "parameters.factor"),
        ({"effect_type": "no_such_effect", "parameters": {}}, "effect_type"),
    ],
)
async def test_filter_preview_refuses_bad_input_naming_the_field(
    client: httpx.AsyncClient, body: dict[str, object], field: str
) -> None:
    response = await client.post("/api/v1/effects/preview", json=body)

    assert_names_field(response, field)
    assert response.json()["detail"]["errors"][0]["loc"] == [field]


def _xfade_names_from_ffmpeg() -> list[str]:
    """
    The ``transition`` values as ``ffmpeg -h filter=xfade`` prints them (read here on
    its own terms: the indented value lines under the ``transition`` option)."""
    text = subprocess.run(
        [ffmpeg_binary(), "-hide_banner", "-h", "filter=xfade"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    block = text.split("transition ", 1)[1].splitlines()[1:]
    names = []
    for line in block:
        match = re.match(r"^ {5,}(\w+) +-?\d+ ", line)
        if match is None:
            break
        names.append(match.group(1))
    return [name for name in names if name != "custom"]


async def test_transitions_are_what_the_local_ffmpeg_lists(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/transitions")

    assert response.status_code == 200
    transitions = response.json()["transitions"]
    assert [t["name"] for t in transitions] == _xfade_names_from_ffmpeg()
    fade = next(t for t in transitions if t["name"] == "fade")
    assert fade["description"] == "Cross-dissolve: the first clip fades into the second."
    assert all(t["description"] for t in transitions)


async def test_transitions_ask_ffmpeg_once_per_process(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    script, log = counting_ffmpeg(tmp_path)
    app = create_app(
        settings.model_copy(update={"ffmpeg_path": str(script)}),
        database=database,
        configure_logs=False,
    )

    async with app_client(app) as client:
        first = await client.get("/api/v1/transitions")
        second = await client.get("/api/v1/transitions")

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert runs(log) == ["-hide_banner -h filter=xfade"]


async def test_transitions_without_ffmpeg_are_503(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    missing = settings.model_copy(update={"ffmpeg_path": str(tmp_path / "no-ffmpeg")})
    async with app_client(create_app(missing, database=database, configure_logs=False)) as client:
        response = await client.get("/api/v1/transitions")

    assert response.status_code == 503
    assert response.json()["detail"]["code"] == "DEPENDENCY_UNAVAILABLE"
