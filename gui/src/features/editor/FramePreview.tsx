import { useEditorSession } from "../projects/session";
import { formatTimecode } from "./timecode";
import { useFrameImage } from "./useFrameImage";
import styles from "./Timeline.module.css";

const PREVIEW_WIDTH = 480;

/** The rendered output at the playhead (what the render would make of that frame). */
export function FramePreview({ frame, frames }: { frame: number; frames: number }) {
  const { project } = useEditorSession();
  const image = useFrameImage(project.id, frames > 0 ? frame : null, project.version, PREVIEW_WIDTH);
  const aspect = `${project.output_width} / ${project.output_height}`;

  return (
    <figure className={styles.preview} aria-label="Frame preview">
      <div className={styles.previewBox} style={{ aspectRatio: aspect }} aria-busy={image.loading}>
        {frames === 0 ? (
          <p className={styles.previewEmpty}>Add a clip to see the preview.</p>
        ) : image.url ? (
          <img
            src={image.url}
            alt={`Output at ${formatTimecode(image.shown?.frame ?? 0, project.output_fps)}`}
            data-testid="frame-preview"
            data-frame={image.shown?.frame}
            data-version={image.shown?.version}
          />
        ) : (
          <p className={styles.previewEmpty}>Loading the frame…</p>
        )}
        {image.loading && image.url && <span className={styles.previewLoading}>Updating…</span>}
      </div>
      <figcaption>
        <span data-testid="playhead-timecode">{formatTimecode(frame, project.output_fps)}</span>
        <span className={styles.muted}> / {formatTimecode(frames, project.output_fps)}</span>
        {image.error && (
          <span role="alert" className={styles.previewError}>
            {" "}
            Preview failed: {image.error}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
