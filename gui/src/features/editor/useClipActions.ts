import { useCallback, useMemo } from "react";
import { api } from "../../api/client";
import { errorMessage } from "../../api/errors";
import type { Clip } from "../../api/types";
import { isVersionConflict } from "../projects/edit";
import { useEditorSession } from "../projects/session";

export interface NewClip {
  sourceVideoId: string;
  inPoint: number;
  outPoint: number;
  /** Absent: appended to the main track. */
  trackId?: string;
  /** Audio tracks only. */
  timelinePosition?: number;
}

/**
 * The clip edits of the editor, each one API call through `edit()` (If-Match).
 * They resolve true when the change was made; a refusal goes to the notice
 * bar (a conflict is already reported by `edit`) and resolves false.
 */
export function useClipActions() {
  const { project, edit, report, select, selection } = useEditorSession();
  const projectId = project.id;

  const attempt = useCallback(
    async (call: () => Promise<unknown>): Promise<boolean> => {
      try {
        await call();
        return true;
      } catch (error) {
        if (!isVersionConflict(error)) report({ kind: "error", text: errorMessage(error) });
        return false;
      }
    },
    [report],
  );

  const update = useCallback(
    (clip: Clip, body: { in_point?: number; out_point?: number; index?: number; timeline_position?: number }) =>
      attempt(() =>
        edit((header) =>
          api.PATCH("/api/v1/projects/{project_id}/clips/{clip_id}", {
            params: { path: { project_id: projectId, clip_id: clip.id }, header },
            body,
          }),
        ),
      ),
    [attempt, edit, projectId],
  );

  return useMemo(
    () => ({
      /** Resolves null when added, else the reason (shown by the picker, not the notice bar). */
      add: async (clip: NewClip): Promise<string | null> => {
        try {
          const added = await edit((header) =>
            api.POST("/api/v1/projects/{project_id}/clips", {
              params: { path: { project_id: projectId }, header },
              body: {
                source_video_id: clip.sourceVideoId,
                in_point: clip.inPoint,
                out_point: clip.outPoint,
                ...(clip.trackId ? { track_id: clip.trackId } : {}),
                ...(clip.timelinePosition !== undefined ? { timeline_position: clip.timelinePosition } : {}),
              },
            }),
          );
          select({ trackId: added.track_id, clipId: added.id });
          return null;
        } catch (error) {
          return errorMessage(error);
        }
      },
      trim: (clip: Clip, inPoint: number, outPoint: number) => update(clip, { in_point: inPoint, out_point: outPoint }),
      moveTo: (clip: Clip, index: number) => update(clip, { index }),
      place: (clip: Clip, timelinePosition: number) => update(clip, { timeline_position: timelinePosition }),
      remove: (clip: Clip) =>
        attempt(async () => {
          await edit((header) =>
            api.DELETE("/api/v1/projects/{project_id}/clips/{clip_id}", {
              params: { path: { project_id: projectId, clip_id: clip.id }, header },
            }),
          );
          if (selection?.clipId === clip.id) select(null);
        }),
      addAudioTrack: () =>
        attempt(() =>
          edit((header) =>
            api.POST("/api/v1/projects/{project_id}/tracks", {
              params: { path: { project_id: projectId }, header },
              body: { volume_db: 0, muted: false },
            }),
          ),
        ),
    }),
    [attempt, edit, projectId, update, select, selection],
  );
}
