import { useState } from "react";
import type { Effect, MediaKind } from "./types";
import styles from "./EffectsPanel.module.css";

const GROUPS: { kind: MediaKind; title: string }[] = [
  { kind: "video", title: "Video effects" },
  { kind: "audio", title: "Audio effects" },
];

function matches(effect: Effect, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [effect.name, effect.effect_type, effect.description].some((text) => text.toLowerCase().includes(needle));
}

interface EffectCatalogProps {
  effects: Effect[];
  /** The selected clip's track kind: effects for the other kind cannot be added to it. */
  clipKind: MediaKind | null;
  onPick: (effect: Effect) => void;
}

/** The catalog: a search box and the effects grouped by what they apply to. */
export function EffectCatalog({ effects, clipKind, onPick }: EffectCatalogProps) {
  const [query, setQuery] = useState("");
  const shown = effects.filter((effect) => matches(effect, query));

  return (
    <div className={styles.catalog}>
      <input
        type="search"
        aria-label="Search effects"
        placeholder="Search effects"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {shown.length === 0 && <p className={styles.muted}>No effect matches “{query}”.</p>}
      {GROUPS.map(({ kind, title }) => {
        const group = shown.filter((effect) => effect.applies_to === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-label={title}>
            <h3 className={styles.groupTitle}>{title}</h3>
            <ul className={styles.effectList}>
              {group.map((effect) => (
                <li key={effect.effect_type}>
                  <button
                    type="button"
                    className={styles.effectButton}
                    title={effect.description}
                    disabled={clipKind !== null && clipKind !== effect.applies_to}
                    onClick={() => onPick(effect)}
                  >
                    {effect.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
