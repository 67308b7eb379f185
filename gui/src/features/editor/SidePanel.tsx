import { EditorEffectsPanel } from "../effects/EditorEffectsPanel";
import { RenderJobs } from "../render/RenderJobs";
import { EditorTransitionsPanel } from "../transitions/EditorTransitionsPanel";
import { useEditorSession } from "../projects/session";
import { ClipInspector } from "./ClipInspector";
import styles from "./Editor.module.css";

/**
 * The editor's side panel: the panels that work on the selection
 * (`useEditorSession().selectedClip`), one component each. Effects,
 * transitions and the like mount here, after the clip inspector.
 */
export function SidePanel() {
  const { project } = useEditorSession();
  return (
    <aside className={styles.side} aria-label="Clip panels" data-testid="editor-side-panel">
      <ClipInspector />
      <EditorEffectsPanel />
      <EditorTransitionsPanel />
      <RenderJobs projectId={project.id} />
    </aside>
  );
}
