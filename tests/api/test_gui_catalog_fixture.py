"""The GUI's effect-catalog fixture is the server's catalog, so its form tests cover every schema.

``gui/src/features/effects/catalog.fixture.json`` is what ``GET /api/v1/effects``
answers; the GUI's component tests generate a parameter form for every entry of it
and check each property's widget. A catalog change that the fixture does not follow
fails here, before a new kind of parameter could go untested in the GUI.

Regenerate the fixture with ``uv run python -m tests.api.test_gui_catalog_fixture``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from tests.support.processes import REPO_ROOT

FIXTURE = REPO_ROOT / "gui" / "src" / "features" / "effects" / "catalog.fixture.json"
#: Depends on the machine (the font file's path in ``drawtext``); not read by the form.
MACHINE_FIELDS = ("filter_preview",)


def _comparable(effects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in effect.items() if k not in MACHINE_FIELDS} for effect in effects]


async def test_the_gui_fixture_is_the_served_catalog(client: httpx.AsyncClient) -> None:
    served = (await client.get("/api/v1/effects")).json()["effects"]
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))

    assert _comparable(fixture) == _comparable(served), (
        f"{FIXTURE.relative_to(REPO_ROOT)} is stale: "
        "run `uv run python -m tests.api.test_gui_catalog_fixture`"
    )


def _write(path: Path) -> None:
    """Write the catalog as the route answers it (the same model, dumped the same way)."""
    from stoat_ferret.editing.effect_schemas import EffectCatalog, EffectOut
    from stoat_ferret.editing.effects import CATALOG

    answer = EffectCatalog(effects=[EffectOut.of(effect) for effect in CATALOG.values()])
    effects = answer.model_dump(mode="json")["effects"]
    path.write_text(json.dumps(effects, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _write(FIXTURE)
