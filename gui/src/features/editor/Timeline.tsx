import { useMemo, useState } from "react";
import type { Timeline as TimelineData } from "../../api/types";
import { useEditorSession } from "../projects/session";
import { clampScale, fitScale, layoutTimeline } from "./layout";
import { TimelineRuler } from "./TimelineRuler";
import { TrackLane } from "./TrackLane";
import type { Playhead } from "./usePlayhead";
import styles from "./Timeline.module.css";

/** How wide the timeline is drawn before zooming: about the stage's width. */
const FIT_PIXELS = 860;
const ZOOM_STEP = 1.5;

/** Ruler, tracks and the playhead line, laid out from the derived timeline. */
export function Timeline({ timeline, playhead }: { timeline: TimelineData; playhead: Playhead }) {
  const { project } = useEditorSession();
  const fps = project.output_fps;
  const [zoom, setZoom] = useState(1);
  const scale = clampScale(fitScale(timeline.duration_frames, fps, FIT_PIXELS) * zoom);
  const layout = useMemo(() => layoutTimeline(timeline, scale), [timeline, scale]);

  return (
    <section className={styles.timeline} aria-label="Timeline">
      <div className={styles.zoom} role="group" aria-label="Zoom">
        <button type="button" onClick={() => setZoom((z) => z / ZOOM_STEP)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => setZoom(1)}>
          Fit
        </button>
        <button type="button" onClick={() => setZoom((z) => z * ZOOM_STEP)} aria-label="Zoom in">
          +
        </button>
      </div>
      <div className={styles.scroller}>
        <div className={styles.content} style={{ width: layout.width }}>
          <TimelineRuler
            frames={project.duration_frames}
            fps={fps}
            scale={scale}
            width={layout.width}
            frame={playhead.frame}
            onSeek={(frame) => {
              playhead.stop();
              playhead.seek(frame);
            }}
          />
          {project.tracks.map((track) => (
            <TrackLane
              key={track.id}
              track={track}
              clips={project.clips.filter((clip) => clip.track_id === track.id)}
              transitions={project.transitions}
              layout={layout}
              scale={scale}
            />
          ))}
          <span className={styles.playheadLine} style={{ left: playhead.frame * scale }} data-testid="playhead" aria-hidden="true" />
        </div>
      </div>
    </section>
  );
}
