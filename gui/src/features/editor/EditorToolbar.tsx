import { Link } from "react-router";
import { useEditorSession } from "../projects/session";
import { RenderButton } from "../render/RenderButton";
import { UndoRedo } from "./UndoRedo";
import styles from "./Editor.module.css";

/**
 * The project's name, size, frame rate and version, with Undo/Redo. The
 * `toolbar-actions` area is where project-wide actions (e.g. Render) mount.
 */
export function EditorToolbar() {
  const { project } = useEditorSession();
  return (
    <header className={styles.toolbar}>
      <Link to="/projects" className={styles.back}>
        ← Projects
      </Link>
      <h1 id="editor-title" className={styles.title}>
        {project.name}
      </h1>
      <span className={styles.muted}>
        {project.output_width}×{project.output_height} · {project.output_fps} fps
      </span>
      <span className={styles.version} data-testid="project-version" title="Every change makes a new version.">
        v{project.version}
      </span>
      <UndoRedo />
      <div className={styles.actions} data-testid="toolbar-actions">
        <RenderButton projectId={project.id} />
      </div>
    </header>
  );
}
