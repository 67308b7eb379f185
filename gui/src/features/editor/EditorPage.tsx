import { Link, useParams } from "react-router";
import { errorMessage } from "../../api/errors";
import { useProject } from "../projects/api";
import { EditorSessionProvider } from "../projects/session";
import { EditorWorkspace } from "./EditorWorkspace";
import styles from "./Editor.module.css";

/** `/gui/projects/:id`: loads the project and opens the editor on it. */
export function EditorPage() {
  const { id = "" } = useParams();
  const project = useProject(id);

  if (project.isPending) return <p className={styles.muted}>Loading project…</p>;
  if (project.isError && !project.data) {
    return (
      <section>
        <h1>Project not available</h1>
        <p role="alert" className={styles.error}>
          {errorMessage(project.error)}
        </p>
        <p>
          <Link to="/projects">Back to the projects</Link>
        </p>
      </section>
    );
  }
  return (
    <EditorSessionProvider project={project.data}>
      <EditorWorkspace />
    </EditorSessionProvider>
  );
}
