import type { Playhead } from "./usePlayhead";
import styles from "./Editor.module.css";

/** Play/pause and frame steps, the buttons behind Space, J/K/L and the arrows. */
export function TransportBar({ playhead, frames, onAddClip }: { playhead: Playhead; frames: number; onAddClip: () => void }) {
  return (
    <div className={styles.transport} role="toolbar" aria-label="Playback">
      <button type="button" onClick={() => playhead.step(-1)} disabled={frames === 0} aria-keyshortcuts="J ArrowLeft">
        ◀ Frame
      </button>
      <button
        type="button"
        onClick={playhead.togglePlay}
        disabled={frames < 2}
        aria-keyshortcuts="Space"
        data-testid="play-toggle"
      >
        {playhead.playing ? "Pause" : "Play"}
      </button>
      <button type="button" onClick={() => playhead.step(1)} disabled={frames === 0} aria-keyshortcuts="L ArrowRight">
        Frame ▶
      </button>
      <span className={styles.spacer} />
      <button type="button" className="primary" onClick={onAddClip}>
        Add clip
      </button>
    </div>
  );
}
