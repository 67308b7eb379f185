import { useState } from "react";
import type { Video } from "../../api/types";
import { formatBytes, formatDuration, formatResolution } from "../../lib/format";
import styles from "./LibraryPage.module.css";

export function VideoCard({ video }: { video: Video }) {
  const [thumbFailed, setThumbFailed] = useState(false);
  const showThumb = Boolean(video.thumbnail_url) && !thumbFailed;

  return (
    <li className={styles.card} data-testid="video-card" data-video-id={video.id}>
      <div className={styles.thumb}>
        {showThumb ? (
          <img
            src={video.thumbnail_url ?? undefined}
            alt=""
            loading="lazy"
            decoding="async"
            width={320}
            height={180}
            onError={() => setThumbFailed(true)}
          />
        ) : (
          <span className={styles.noThumb}>No thumbnail</span>
        )}
        <span className={styles.durationTag}>{formatDuration(video.duration_seconds)}</span>
      </div>
      <div className={styles.cardBody}>
        <span className={styles.filename} title={video.path} data-testid="video-filename">
          {video.filename}
        </span>
        <span className={styles.meta}>
          <span data-testid="video-duration">{formatDuration(video.duration_seconds)}</span>
          <span data-testid="video-resolution">{formatResolution(video.width, video.height)}</span>
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
