import { useState, useSyncExternalStore } from "react";
import { authStore } from "../../api/auth";
import { previewImageUrl } from "./api";
import type { Parameters } from "./types";
import styles from "./EffectsPanel.module.css";

interface EffectPreviewImageProps {
  effectType: string;
  videoId: string;
  /** Seconds into the source video. */
  t: number;
  /** Parameters the server accepted (the filter preview's), so the picture is never refused. */
  parameters: Parameters;
}

/**
 * The effect applied to a frame of the clip's source (`preview.jpg`). The
 * previous picture stays until the next one has loaded; a picture that fails
 * (the source file gone, ffmpeg refused) says so instead.
 */
export function EffectPreviewImage({ effectType, videoId, t, parameters }: EffectPreviewImageProps) {
  const { token } = useSyncExternalStore(authStore.subscribe, authStore.getSnapshot, authStore.getSnapshot);
  const url = previewImageUrl(effectType, videoId, t, parameters, token);
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
