import { errorMessage } from "../../api/errors";
import type { ProjectSummary } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { useDeleteProject } from "./api";
import styles from "./ProjectsPage.module.css";

/** "Delete <name>?" — nothing is deleted until the user confirms. */
export function DeleteProjectDialog({ project, onClose }: { project: ProjectSummary; onClose: () => void }) {
  const remove = useDeleteProject();
  return (
    <Dialog label="Delete project" onClose={onClose}>
      <h2>Delete “{project.name}”?</h2>
      <p>The project and its history are deleted. Library videos stay where they are.</p>
      {remove.error && (
        <p role="alert" className={styles.error}>
          {errorMessage(remove.error)}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(project.id, { onSuccess: onClose })}
        >
          {remove.isPending ? "Deleting…" : "Delete project"}
        </button>
      </div>
    </Dialog>
  );
}
