import type { Clip, ProjectTransition, Track } from "../../api/types";
import { useEditorSession } from "../projects/session";
import { ClipBlock } from "./ClipBlock";
import type { TimelineLayout } from "./layout";
import { TransitionMark } from "./TransitionMark";
import { useClipActions } from "./useClipActions";
import styles from "./Timeline.module.css";

interface TrackLaneProps {
  track: Track;
  clips: Clip[];
  transitions: ProjectTransition[];
  layout: TimelineLayout;
  scale: number;
}

/**
 * One track's row. The main track's clips play in order (reorderable, with
 * the transitions drawn over their overlaps); an audio track's clips sit at
 * their positions, each with its source's waveform.
 */
export function TrackLane({ track, clips, transitions, layout, scale }: TrackLaneProps) {
  const { project, selection, select } = useEditorSession();
  const actions = useClipActions();
  const byId = new Map(clips.map((clip, index) => [clip.id, index]));

  function moveBy(clip: Clip, by: number) {
    const to = (clip.index ?? 0) + by;
    if (to >= 0 && to < clips.length) void actions.moveTo(clip, to);
  }

  return (
    <div className={`${styles.track} ${track.main ? styles.mainTrack : styles.audioTrack}`} data-testid="timeline-track" data-track-id={track.id} data-kind={track.kind}>
      <span className={styles.trackName}>
        {track.name}
        {track.muted ? " (muted)" : ""}
      </span>
      <ol className={styles.lane} style={{ width: layout.width }} aria-label={`Track ${track.name}`}>
        {clips.map((clip) => {
          const span = layout.clips.get(clip.id);
          if (!span) return null;
          return (
            <ClipBlock
              key={clip.id}
              clip={clip}
              span={span}
              fps={project.output_fps}
              scale={scale}
              selected={selection?.clipId === clip.id}
              reorderable={track.main}
              onSelect={() => select({ trackId: track.id, clipId: clip.id })}
              onMove={(by) => moveBy(clip, by)}
              onDropClip={(draggedId) => {
                const dragged = clips[byId.get(draggedId) ?? -1];
                if (dragged && clip.index !== null) void actions.moveTo(dragged, clip.index);
              }}
              onTrim={(inPoint, outPoint) => void actions.trim(clip, inPoint, outPoint)}
            />
          );
        })}
        {track.main &&
          layout.transitions.map((span) => (
            <TransitionMark key={span.transitionId} span={span} transition={transitions.find((t) => t.id === span.transitionId)} />
          ))}
      </ol>
    </div>
  );
}
