import { ClipInspector } from "./ClipInspector";
import styles from "./Editor.module.css";

/**
 * The editor's side panel: the panels that work on the selection
 * (`useEditorSession().selectedClip`), one component each. Effects,
 * transitions and the like mount here, after the clip inspector.
 */
export function SidePanel() {
  return (
    <aside className={styles.side} aria-label="Clip panels" data-testid="editor-side-panel">
      <ClipInspector />
    </aside>
  );
}
