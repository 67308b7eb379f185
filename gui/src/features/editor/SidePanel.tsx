import styles from "./Editor.module.css";

/**
 * The editor's side panel: the mount area for the panels that work on the
 * selection (`useEditorSession().selectedClip`). Effects, transitions and
 * the like are added here as children, one component each.
 */
export function SidePanel() {
  return <aside className={styles.side} aria-label="Clip panels" data-testid="editor-side-panel" />;
}
