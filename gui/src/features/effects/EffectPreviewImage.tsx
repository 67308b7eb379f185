import { useState, useSyncExternalStore } from "react";
import { authStore } from "../../api/auth";
import { useDebouncedValue } from "../../lib/useDebouncedValue";
import { PREVIEW_DEBOUNCE_MS, previewImageUrl } from "./api";
import type { Parameters } from "./types";
import styles from "./EffectsPanel.module.css";

interface EffectPreviewImageProps {
  effectType: string;
  videoId: string;
  /** Seconds into the source video. */
  t: number;
  parameters: Parameters;
}

/**
 * The effect applied to a frame of the clip's source (`preview.jpg`); the
 * address changes only once typing pauses, and a refused parameter set (422)
 * just shows that there is no picture.
 */
export function EffectPreviewImage({ effectType, videoId, t, parameters }: EffectPreviewImageProps) {
  const { token } = useSyncExternalStore(authStore.subscribe, authStore.getSnapshot, authStore.getSnapshot);
  const settled = useDebouncedValue(parameters, PREVIEW_DEBOUNCE_MS);
  const url = previewImageUrl(effectType, videoId, t, settled, token);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);

  if (failedUrl === url) return <p className={styles.muted}>No preview for these parameters.</p>;
  return (
    <img
      className={styles.preview}
      src={url}
      alt="Preview of the effect on the selected clip"
      data-testid="effect-preview-image"
      onError={() => setFailedUrl(url)}
    />
  );
}
