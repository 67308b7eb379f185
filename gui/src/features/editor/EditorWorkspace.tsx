import { useEditorSession } from "../projects/session";
import { useTimeline } from "../projects/api";
import { EditorToolbar } from "./EditorToolbar";
import { NoticeBar } from "./NoticeBar";
import { SidePanel } from "./SidePanel";
import styles from "./Editor.module.css";

/** The editor's layout: toolbar, notices, preview and timeline, and the side panel. */
export function EditorWorkspace() {
  const { project } = useEditorSession();
  const timeline = useTimeline(project.id, project.version);

  return (
    <section className={styles.editor} aria-labelledby="editor-title">
      <EditorToolbar />
      <NoticeBar />
      <div className={styles.body}>
        <div className={styles.stage} data-testid="editor-stage">
          <p className={styles.muted}>
            {timeline.data ? `${timeline.data.duration_frames} frames` : "Loading the timeline…"}
          </p>
        </div>
        <SidePanel />
      </div>
    </section>
  );
}
