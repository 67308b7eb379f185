import { useState, useSyncExternalStore } from "react";
import { authStore, withToken } from "../../api/auth";
import { useSource } from "../projects/api";
import styles from "./Timeline.module.css";

/** A source's thumbnail (a waveform for sound files) and, unless `nameless`, its file name. */
export function SourceThumb({ videoId }: { videoId: string }) {
  const source = useSource(videoId);
  const { token } = useSyncExternalStore(authStore.subscribe, authStore.getSnapshot, authStore.getSnapshot);
  const url = source.data?.thumbnail_url ? withToken(source.data.thumbnail_url, token) : null;
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <>
      {url && url !== failed ? (
        <img className={styles.thumb} src={url} alt="" onError={() => setFailed(url)} />
      ) : (
        <span className={styles.thumb} aria-hidden="true" />
      )}
      <span className={styles.clipName} data-testid="clip-filename" title={source.data?.path}>
        {source.data?.filename ?? "…"}
      </span>
    </>
  );
}
