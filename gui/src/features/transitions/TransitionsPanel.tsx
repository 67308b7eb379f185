import { errorMessage } from "../../api/errors";
import { useTransitionNames } from "./api";
import { consecutivePairs, maxDuration } from "./pairs";
import { TransitionPicker } from "./TransitionPicker";
import type { Clip, ProjectTransition, TransitionActions } from "./types";
import styles from "./Transitions.module.css";

interface TransitionsPanelProps {
  /** The main track's clips (the only ones transitions join). */
  mainClips: Clip[];
  transitions: ProjectTransition[];
  fps: number;
  /** Names the clips for people: "1 · beach.mp4". */
  clipName: (clip: Clip) => string;
  actions: TransitionActions;
}

/** One picker per pair of consecutive main-track clips. */
export function TransitionsPanel({ mainClips, transitions, fps, clipName, actions }: TransitionsPanelProps) {
  const names = useTransitionNames();
  const pairs = consecutivePairs(mainClips, transitions);

  return (
    <section className={styles.panel} aria-labelledby="transitions-title">
      <h2 id="transitions-title" className={styles.title}>
        Transitions
      </h2>
      {names.isError && (
        <p className={styles.error} role="alert">
          Could not load the transitions: {errorMessage(names.error)}
        </p>
      )}
      {pairs.length === 0 && <p className={styles.muted}>Two clips on the main track can be joined by a transition.</p>}
      {names.data && pairs.length > 0 && (
        <ul className={styles.list}>
          {pairs.map((pair) => (
            <TransitionPicker
              key={`${pair.from.id}-${pair.to.id}-${pair.transition?.id ?? "none"}`}
              pair={pair}
              label={`${clipName(pair.from)} → ${clipName(pair.to)}`}
              names={names.data.transitions}
              fps={fps}
              max={maxDuration(pair, transitions)}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
