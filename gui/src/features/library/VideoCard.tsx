import { useState, useSyncExternalStore } from "react";
import { authStore, withToken } from "../../api/auth";
import type { Video } from "../../api/types";
import { formatBytes, formatDuration, formatResolution } from "../../lib/format";
import styles from "./LibraryPage.module.css";

export function VideoCard({ video }: { video: Video }) {
  const { token } = useSyncExternalStore(authStore.subscribe, authStore.getSnapshot, authStore.getSnapshot);
  // <img> cannot send the Authorization header, so the token rides in the URL.
  const thumbUrl = video.thumbnail_url ? withToken(video.thumbnail_url, token) : null;
  // Remember which URL failed: a new token gives a new URL worth trying again.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const showThumb = thumbUrl !== null && thumbUrl !== failedUrl;
  // A sound file's thumbnail is its waveform, 320x120.
  const audio = video.media_type === "audio";

  return (
    <li className={styles.card} data-testid="video-card" data-video-id={video.id}>
      <div className={styles.thumb}>
        {showThumb ? (
          <img
            src={thumbUrl ?? undefined}
            alt=""
            loading="lazy"
            decoding="async"
            width={320}
            height={audio ? 120 : 180}
            onError={() => setFailedUrl(thumbUrl)}
          />
        ) : (
          <span className={styles.noThumb}>No thumbnail</span>
        )}
        {audio && (
          <span className={styles.audioBadge} data-testid="audio-badge">
            audio
          </span>
        )}
        <span className={styles.durationTag}>{formatDuration(video.duration_seconds)}</span>
      </div>
      <div className={styles.cardBody}>
        <span className={styles.filename} title={video.path} data-testid="video-filename">
          {video.filename}
        </span>
        <span className={styles.meta}>
          <span data-testid="video-duration">{formatDuration(video.duration_seconds)}</span>
          {!audio && <span data-testid="video-resolution">{formatResolution(video.width, video.height)}</span>}
          <span>{formatBytes(video.file_size)}</span>
        </span>
        {video.missing && (
          <span className={styles.missing} title="The file was not found by the last scan of its folder.">
            File missing
          </span>
        )}
      </div>
    </li>
  );
}
