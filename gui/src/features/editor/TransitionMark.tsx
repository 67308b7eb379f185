import type { ProjectTransition } from "../../api/types";
import type { TransitionSpan } from "./layout";
import styles from "./Timeline.module.css";

/** A transition drawn over the overlap of its two clips, with its name. */
export function TransitionMark({ span, transition }: { span: TransitionSpan; transition: ProjectTransition | undefined }) {
  const name = transition?.transition ?? "transition";
  return (
    <li
      className={styles.transition}
      style={{ left: span.x, width: Math.max(span.width, 6) }}
      data-testid="timeline-transition"
      data-transition-id={span.transitionId}
      title={`${name}, ${span.endFrame - span.startFrame} frames`}
    >
      <span>{name}</span>
    </li>
  );
}
