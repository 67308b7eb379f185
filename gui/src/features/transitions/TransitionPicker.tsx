import { useId, useState } from "react";
import { errorMessage } from "../../api/errors";
import { useAsyncAction } from "../../lib/useAsyncAction";
import { defaultDuration, type ClipPair } from "./pairs";
import type { TransitionActions, TransitionName } from "./types";
import styles from "./Transitions.module.css";

/** The audio crossfade's curve: the server's default (`acrossfade`'s triangular); the picker does not offer others. */
const AUDIO_CURVE = "tri";

interface TransitionPickerProps {
  pair: ClipPair;
  /** A label for the pair, e.g. "clip 1 → clip 2". */
  label: string;
  names: TransitionName[];
  fps: number;
  /** The longest duration the pair allows (frames). */
  max: number;
  actions: TransitionActions;
}

/** Between two consecutive clips: the transition there with Remove, or a name + duration picker with Add. */
export function TransitionPicker({ pair, label, names, fps, max, actions }: TransitionPickerProps) {
  const id = useId();
  const [name, setName] = useState(names.some((item) => item.name === "fade") ? "fade" : (names[0]?.name ?? "fade"));
  const [duration, setDuration] = useState(() => defaultDuration(fps, max));
  const { busy, error, run } = useAsyncAction();

  const existing = pair.transition;
  return (
    <li className={styles.pair} data-testid="transition-pair" aria-label={label}>
      <span className={styles.pairLabel}>{label}</span>
      {existing ? (
        <>
          <span data-testid="transition-current">
            {existing.transition} · {existing.duration} frames ({existing.duration_s.toFixed(2)} s)
          </span>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void run(() => actions.remove(existing.id))}
          >
            Remove transition
          </button>
        </>
      ) : (
        <>
          <label htmlFor={`${id}-name`}>Transition</label>
          <select id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)}>
            {names.map((item) => (
              <option key={item.name} value={item.name} title={item.description}>
                {item.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-duration`}>Duration (frames)</label>
          <input
            id={`${id}-duration`}
            type="number"
            min={1}
            max={max || undefined}
            step={1}
            value={duration}
            onChange={(event) => setDuration(Math.round(Number(event.target.value)))}
          />
          <span className={styles.muted}>{(duration / fps).toFixed(2)} s</span>
          <button
            type="button"
            disabled={busy || max < 1}
            title={max < 1 ? "These clips are too short for a transition" : undefined}
            onClick={() =>
              void run(() =>
                actions.add({
                  from_clip_id: pair.from.id,
                  to_clip_id: pair.to.id,
                  transition: name,
                  duration,
                  audio_curve: AUDIO_CURVE,
                }),
              )
            }
          >
            Add transition
          </button>
        </>
      )}
      {error !== null && (
        <p className={styles.error} role="alert">
          {errorMessage(error)}
        </p>
      )}
    </li>
  );
}
