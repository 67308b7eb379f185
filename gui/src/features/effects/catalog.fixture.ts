/**
 * The effect catalog as `GET /api/v1/effects` answers it, for the panel's
 * component tests. `catalog.fixture.json` is the server's whole catalog;
 * `tests/api/test_gui_catalog_fixture.py` fails when it no longer matches the
 * server (and says how to regenerate it), so the form tests that run over every
 * entry cover every kind of parameter the catalog has.
 */
import catalog from "./catalog.fixture.json";
import type { Effect } from "./types";

/** Every effect of the server's catalog, in its order. */
export const fullCatalog = catalog as unknown as Effect[];

export function catalogEntry(effectType: Effect["effect_type"]): Effect {
  const entry = fullCatalog.find((effect) => effect.effect_type === effectType);
  if (!entry) throw new Error(`no fixture for ${effectType}`);
  return entry;
}

/** A small catalog (two video effects, one audio) for the panel's tests. */
const SMALL: Effect["effect_type"][] = ["text_overlay", "speed", "volume"];
export const catalogFixture: Effect[] = SMALL.map(catalogEntry);
