import { useEditorSession } from "../projects/session";
import styles from "./Editor.module.css";

/** The one message line of the editor: a conflict reload, a refused edit, or news. */
export function NoticeBar() {
  const { notice, report } = useEditorSession();
  if (!notice) return null;
  return (
    <div
      className={`${styles.notice} ${styles[notice.kind]}`}
      role={notice.kind === "info" ? "status" : "alert"}
      data-testid="editor-notice"
      data-kind={notice.kind}
    >
      <span>{notice.text}</span>
      <button type="button" onClick={() => report(null)}>
        Dismiss
      </button>
    </div>
  );
}
