import { api } from "../../api/client";
import { errorMessage } from "../../api/errors";
import { isVersionConflict } from "../projects/edit";
import { useHistory } from "../projects/api";
import { useEditorSession } from "../projects/session";

export type HistoryStep = "undo" | "redo";

/** Runs `POST .../undo` or `.../redo` with If-Match; errors other than 412 go to the notice bar. */
export function useHistoryStep() {
  const { project, edit, report } = useEditorSession();
  return async (step: HistoryStep) => {
    try {
      const path = step === "undo" ? "/api/v1/projects/{project_id}/undo" : "/api/v1/projects/{project_id}/redo";
      await edit((header) => api.POST(path, { params: { path: { project_id: project.id }, header } }));
    } catch (error) {
      if (!isVersionConflict(error)) report({ kind: "error", text: errorMessage(error) });
    }
  };
}

/** Undo and Redo, enabled from the API's history (`can_undo`, `can_redo`). */
export function UndoRedo() {
  const { project } = useEditorSession();
  const history = useHistory(project.id, project.version);
  const runStep = useHistoryStep();
  const summary = history.data?.versions[0]?.summary;
  return (
    <span role="group" aria-label="History">
      <button
        type="button"
        onClick={() => void runStep("undo")}
        disabled={!history.data?.can_undo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={summary ? `Undo: ${summary}` : "Undo"}
      >
        Undo
      </button>{" "}
      <button
        type="button"
        onClick={() => void runStep("redo")}
        disabled={!history.data?.can_redo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
      >
        Redo
      </button>
    </span>
  );
}
