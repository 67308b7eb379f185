/**
 * Names for the generated types the effects panel uses (see `api/types.ts`:
 * nothing here describes a response by hand).
 */
import type { components } from "../../api/schema.gen";

/** One catalog entry of `GET /api/v1/effects`. */
export type Effect = components["schemas"]["EffectOut"];
/** One effect of a clip's stack, in filter order. */
export type ClipEffect = components["schemas"]["ClipEffectOut"];
export type EffectCreate = components["schemas"]["EffectCreate"];
export type EffectUpdate = components["schemas"]["EffectUpdate"];
export type MediaKind = components["schemas"]["MediaKind"];

/** The parameters of one effect as the form holds them: only the fields that are set. */
export type Parameters = Record<string, unknown>;

/** A clip as the project answers it (with its effect stack). */
export type Clip = components["schemas"]["ClipOut"];

/**
 * What the panel asks the editor to do to the project. The editor wires these
 * to its mutation helper (If-Match, 412 reload); each rejects with the
 * `ApiError` of a refused change so the panel can show it at its field.
 */
export interface EffectActions {
  add: (clipId: string, body: EffectCreate) => Promise<unknown>;
  update: (clipId: string, index: number, body: EffectUpdate) => Promise<unknown>;
  remove: (clipId: string, index: number) => Promise<unknown>;
  /** Swap the effect at `index` with its neighbour at `index + offset` (one version). */
  move: (clipId: string, index: number, offset: -1 | 1) => Promise<unknown>;
}
