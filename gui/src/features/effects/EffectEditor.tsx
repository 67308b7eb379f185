import { useState } from "react";
import { ApiError, errorMessage } from "../../api/errors";
import { useFilterString } from "./api";
import { EffectPreviewImage } from "./EffectPreviewImage";
import { FilterString } from "./FilterString";
import { ParameterForm } from "./ParameterForm";
import type { Clip, Effect, Parameters } from "./types";
import styles from "./EffectsPanel.module.css";

interface EffectEditorProps {
  effect: Effect;
  initial: Parameters;
  /** The clip the effect goes on: its source gives the preview picture. */
  clip: Clip | null;
  submitLabel: string;
  onSubmit: (parameters: Parameters) => Promise<unknown>;
  onClose: () => void;
}

function asServerError(error: unknown): { field: string | null; message: string } | null {
  if (!error) return null;
  if (error instanceof ApiError) return { field: error.field, message: error.message };
  return { field: null, message: errorMessage(error) };
}

/**
 * Edits one effect's parameters: the generated form, the live filter string,
 * the preview picture, and Apply. A refused Apply (or a filter preview the
 * server refuses while typing) shows the server's message at its field.
 */
export function EffectEditor({ effect, initial, clip, submitLabel, onSubmit, onClose }: EffectEditorProps) {
  const [parameters, setParameters] = useState<Parameters>(initial);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const filter = useFilterString(effect.effect_type, parameters);
  const serverError = asServerError(submitError) ?? (filter.isError ? asServerError(filter.error) : null);

  async function apply() {
    setSaving(true);
    setSubmitError(null);
    try {
      await onSubmit(parameters);
      onClose();
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className={styles.editor}
      aria-label={`Edit ${effect.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        void apply();
      }}
    >
      <h3 className={styles.groupTitle}>{effect.name}</h3>
      <p className={styles.muted}>{effect.description}</p>
      <ParameterForm
        effect={effect}
        value={parameters}
        serverError={serverError}
        onChange={(next) => {
          setSubmitError(null);
          setParameters(next);
        }}
      />
      <FilterString query={filter} />
      {clip && effect.applies_to === "video" && filter.data && (
        <EffectPreviewImage
          effectType={effect.effect_type}
          videoId={clip.source_video_id}
          t={clip.in_point_s + Math.min(1, clip.duration_s / 2)}
          parameters={filter.data.parameters}
        />
      )}
      <div className={styles.actions}>
        <button type="submit" disabled={saving || !clip}>
          {saving ? "Applying…" : submitLabel}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
