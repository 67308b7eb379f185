import { useState } from "react";
import { errorMessage } from "../../api/errors";
import { useAsyncAction } from "../../lib/useAsyncAction";
import { useEffectCatalog } from "./api";
import { EffectCatalog } from "./EffectCatalog";
import { EffectEditor } from "./EffectEditor";
import { EffectStack } from "./EffectStack";
import { startingParameters } from "./schema";
import type { Clip, Effect, EffectActions, MediaKind, Parameters } from "./types";
import styles from "./EffectsPanel.module.css";

interface EffectsPanelProps {
  /** The selected clip, or null when nothing is selected. */
  clip: Clip | null;
  /** The kind of the selected clip's track. */
  clipKind: MediaKind | null;
  actions: EffectActions;
}

interface Editing {
  effect: Effect;
  initial: Parameters;
  /** The stack index being edited; null adds a new effect. */
  index: number | null;
}

/** The effects panel: the selected clip's stack, the catalog, and the editor of one effect. */
export function EffectsPanel({ clip, clipKind, actions }: EffectsPanelProps) {
  const catalog = useEffectCatalog();
  const [editing, setEditing] = useState<Editing | null>(null);
  const { busy, error: stackError, run } = useAsyncAction();
  const effects = catalog.data?.effects ?? [];

  function submit(parameters: Parameters): Promise<unknown> {
    if (!clip || !editing) return Promise.resolve();
    const { effect, index } = editing;
    return index === null
      ? actions.add(clip.id, { effect_type: effect.effect_type, parameters })
      : actions.update(clip.id, index, { effect_type: effect.effect_type, parameters });
  }

  return (
    <section className={styles.panel} aria-labelledby="effects-title">
      <h2 id="effects-title" className={styles.title}>
        Effects
      </h2>
      {catalog.isError && (
        <p className={styles.fieldError} role="alert">
          Could not load the effects: {errorMessage(catalog.error)}
        </p>
      )}
      {!clip && <p className={styles.muted}>Select a clip to see and change its effects.</p>}
      {clip && (
        <EffectStack
          effects={clip.effects}
          catalog={effects}
          busy={busy}
          onEdit={(applied) => {
            const effect = effects.find((item) => item.effect_type === applied.effect_type);
            if (effect) setEditing({ effect, initial: { ...applied.parameters }, index: applied.index });
          }}
          onMove={(index, offset) => void run(() => actions.move(clip.id, index, offset))}
          onRemove={(index) => {
            if (editing?.index === index) setEditing(null);
            void run(() => actions.remove(clip.id, index));
          }}
        />
      )}
      {stackError !== null && (
        <p className={styles.fieldError} role="alert">
          {errorMessage(stackError)}
        </p>
      )}
      {editing ? (
        <EffectEditor
          key={`${editing.effect.effect_type}-${editing.index ?? "new"}`}
          effect={editing.effect}
          initial={editing.initial}
          clip={clip}
          submitLabel={editing.index === null ? "Add effect" : "Save effect"}
          onSubmit={submit}
          onClose={() => setEditing(null)}
        />
      ) : (
        <EffectCatalog
          effects={effects}
          clipKind={clipKind}
          onPick={(effect) => setEditing({ effect, initial: startingParameters(effect), index: null })}
        />
      )}
    </section>
  );
}
