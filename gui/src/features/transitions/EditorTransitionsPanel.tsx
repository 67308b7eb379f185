import { useMemo } from "react";
import { api } from "../../api/client";
import { mainTrackClips } from "../projects/selection";
import { useEditorSession } from "../projects/session";
import { TransitionsPanel } from "./TransitionsPanel";
import type { Clip, TransitionActions } from "./types";

/** The transition pickers of the open project, their changes sent through the editor's `edit()`. */
export function EditorTransitionsPanel() {
  const { project, edit } = useEditorSession();
  const main = mainTrackClips(project);
  const actions = useMemo<TransitionActions>(
    () => ({
      add: (body) =>
        edit((header) =>
          api.POST("/api/v1/projects/{project_id}/transitions", {
            params: { path: { project_id: project.id }, header },
            body,
          }),
        ),
      remove: (transitionId) =>
        edit((header) =>
          api.DELETE("/api/v1/projects/{project_id}/transitions/{transition_id}", {
            params: { path: { project_id: project.id, transition_id: transitionId }, header },
          }),
        ),
    }),
    [project.id, edit],
  );
  const clipName = (clip: Clip) => `Clip ${main.indexOf(clip) + 1}`;
  return (
    <TransitionsPanel
      mainClips={main}
      transitions={project.transitions}
      fps={project.output_fps}
      clipName={clipName}
      actions={actions}
    />
  );
}
