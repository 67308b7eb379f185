/**
 * The effects panel's changes as project edits: each goes through the
 * editor's `edit()` helper (`features/projects/edit.ts`), which sends
 * `If-Match` and handles a 412.
 */
import { api } from "../../api/client";
import type { EditFn } from "../projects/edit";
import type { ClipEffect, EffectActions } from "./types";

/** `update_effect` putting `source`'s effect at `index` (start/end given, so nulls clear). */
function placed(clipId: string, index: number, source: ClipEffect) {
  return {
    op: "update_effect" as const,
    clip_id: clipId,
    index,
    effect_type: source.effect_type,
    parameters: source.parameters,
    start: source.start,
    end: source.end,
  };
}

export function effectActions(
  projectId: string,
  edit: EditFn,
  effectsOf: (clipId: string) => ClipEffect[],
): EffectActions {
  const path = (clipId: string) => ({ project_id: projectId, clip_id: clipId });
  return {
    add: (clipId, body) =>
      edit((header) =>
        api.POST("/api/v1/projects/{project_id}/clips/{clip_id}/effects", {
          params: { path: path(clipId), header },
          body,
        }),
      ),
    update: (clipId, index, body) =>
      edit((header) =>
        api.PATCH("/api/v1/projects/{project_id}/clips/{clip_id}/effects/{index}", {
          params: { path: { ...path(clipId), index }, header },
          body,
        }),
      ),
    remove: (clipId, index) =>
      edit((header) =>
        api.DELETE("/api/v1/projects/{project_id}/clips/{clip_id}/effects/{index}", {
          params: { path: { ...path(clipId), index }, header },
        }),
      ),
    // There is no reorder route: two `update_effect`s in one batch swap the
    // neighbours as one version (one undo step).
    move: (clipId, index, offset) => {
      const effects = effectsOf(clipId);
      const here = effects[index];
      const there = effects[index + offset];
      if (!here || !there) return Promise.resolve();
      return edit((header) =>
        api.POST("/api/v1/projects/{project_id}/edits", {
          params: { path: { project_id: projectId }, header },
          body: { operations: [placed(clipId, index, there), placed(clipId, index + offset, here)] },
        }),
      );
    },
  };
}
