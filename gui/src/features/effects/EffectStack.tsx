import type { ClipEffect, Effect } from "./types";
import styles from "./EffectsPanel.module.css";

interface EffectStackProps {
  effects: ClipEffect[];
  catalog: Effect[];
  busy: boolean;
  onEdit: (effect: ClipEffect) => void;
  onMove: (index: number, offset: -1 | 1) => void;
  onRemove: (index: number) => void;
}

/** The clip's effects in filter order, each with Edit, Up/Down (reorder) and Remove. */
export function EffectStack({ effects, catalog, busy, onEdit, onMove, onRemove }: EffectStackProps) {
  if (effects.length === 0) return <p className={styles.muted}>No effects on this clip yet.</p>;
  const nameOf = (type: string) => catalog.find((item) => item.effect_type === type)?.name ?? type;
  return (
    <ol className={styles.stack} aria-label="Effect stack">
      {effects.map((effect, position) => {
        const name = nameOf(effect.effect_type);
        return (
          <li key={`${effect.index}-${effect.effect_type}`} className={styles.stackItem} data-testid="stack-item">
            <span className={styles.stackName}>{name}</span>
            <button type="button" disabled={busy} onClick={() => onEdit(effect)} aria-label={`Edit ${name}`}>
              Edit
            </button>
            <button
              type="button"
              disabled={busy || position === 0}
              onClick={() => onMove(effect.index, -1)}
              aria-label={`Move ${name} up`}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={busy || position === effects.length - 1}
              onClick={() => onMove(effect.index, 1)}
              aria-label={`Move ${name} down`}
            >
              ↓
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => onRemove(effect.index)}
              aria-label={`Remove ${name}`}
            >
              Remove
            </button>
          </li>
        );
      })}
    </ol>
  );
}
