import { useState } from "react";
import { useTimeline } from "../projects/api";
import { useEditorSession } from "../projects/session";
import { ClipPicker } from "./ClipPicker";
import { EditorToolbar } from "./EditorToolbar";
import { FramePreview } from "./FramePreview";
import { NoticeBar } from "./NoticeBar";
import { SidePanel } from "./SidePanel";
import { Timeline } from "./Timeline";
import { TransportBar } from "./TransportBar";
import { useClipActions } from "./useClipActions";
import { useEditorShortcuts } from "./useEditorShortcuts";
import { usePlayhead } from "./usePlayhead";
import { useHistoryStep } from "./UndoRedo";
import styles from "./Editor.module.css";

/** The editor's layout: toolbar, notices, preview, transport and timeline, and the side panel. */
export function EditorWorkspace() {
  const { project, selectedClip } = useEditorSession();
  const timeline = useTimeline(project.id, project.version);
  // The project's own duration matches its version; the timeline query may lag one refetch.
  const frames = project.duration_frames;
  const playhead = usePlayhead(frames, project.output_fps);
  const actions = useClipActions();
  const historyStep = useHistoryStep();
  const [picking, setPicking] = useState(false);

  useEditorShortcuts({
    fps: project.output_fps,
    frames,
    togglePlay: playhead.togglePlay,
    pause: playhead.stop,
    step: playhead.step,
    seek: playhead.seek,
    removeSelected: () => {
      if (selectedClip) void actions.remove(selectedClip);
    },
    undo: () => void historyStep("undo"),
    redo: () => void historyStep("redo"),
  });

  return (
    <section className={styles.editor} aria-labelledby="editor-title">
      <EditorToolbar />
      <NoticeBar />
      <div className={styles.body}>
        <div className={styles.stage} data-testid="editor-stage">
          <FramePreview frame={playhead.frame} frames={frames} />
          <TransportBar playhead={playhead} frames={frames} onAddClip={() => setPicking(true)} />
          {timeline.data ? (
            <Timeline timeline={timeline.data} playhead={playhead} />
          ) : (
            <p className={styles.muted}>Loading the timeline…</p>
          )}
        </div>
        <SidePanel />
      </div>
      {picking && <ClipPicker onClose={() => setPicking(false)} />}
    </section>
  );
}
