import { useState, type FormEvent } from "react";
import type { Clip } from "../../api/types";
import { useEditorSession } from "../projects/session";
import { formatTimecode, parseTimecode } from "./timecode";
import { TimecodeField } from "./TimecodeField";
import { useClipActions } from "./useClipActions";
import styles from "./Inspector.module.css";

/** The selected clip: trim by in/out, move earlier/later (or to a position), remove. */
export function ClipInspector() {
  const { selectedClip } = useEditorSession();
  return (
    <section className={styles.panel} aria-labelledby="clip-inspector-title" data-testid="clip-inspector">
      <h2 id="clip-inspector-title">Clip</h2>
      {selectedClip ? (
        // A new key per clip and per stored trim resets the fields to what the server has.
        <ClipForm key={`${selectedClip.id}:${selectedClip.in_point}:${selectedClip.out_point}:${selectedClip.timeline_position}`} clip={selectedClip} />
      ) : (
        <p className={styles.muted}>Select a clip on the timeline.</p>
      )}
    </section>
  );
}

function ClipForm({ clip }: { clip: Clip }) {
  const { project } = useEditorSession();
  const actions = useClipActions();
  const fps = project.output_fps;
  const [inText, setInText] = useState(formatTimecode(clip.in_point, fps));
  const [outText, setOutText] = useState(formatTimecode(clip.out_point, fps));
  const [positionText, setPositionText] = useState(formatTimecode(clip.timeline_position, fps));
  const inPoint = parseTimecode(inText, fps);
  const outPoint = parseTimecode(outText, fps);
  const position = parseTimecode(positionText, fps);
  const onMain = clip.index !== null;
  const mainCount = project.clips.filter((other) => other.track_id === clip.track_id).length;
  const changed = inPoint !== clip.in_point || outPoint !== clip.out_point;

  function onTrim(event: FormEvent) {
    event.preventDefault();
    if (inPoint === null || outPoint === null || !changed) return;
    void actions.trim(clip, inPoint, outPoint);
  }

  return (
    <>
      <p className={styles.muted}>
        Source length {formatTimecode(clip.source_frames, fps)} · on the timeline {formatTimecode(clip.timeline_position, fps)} for{" "}
        {formatTimecode(clip.duration, fps)}
      </p>
      <form onSubmit={onTrim} className={styles.form} aria-label="Trim">
        <TimecodeField label="In" value={inText} fps={fps} onChange={setInText} />
        <TimecodeField label="Out" value={outText} fps={fps} onChange={setOutText} />
        <button type="submit" disabled={inPoint === null || outPoint === null || !changed}>
          Trim
        </button>
      </form>
      {onMain ? (
        <div className={styles.row}>
          <button type="button" disabled={clip.index === 0} onClick={() => void actions.moveTo(clip, (clip.index ?? 0) - 1)}>
            Move earlier
          </button>
          <button
            type="button"
            disabled={clip.index === mainCount - 1}
            onClick={() => void actions.moveTo(clip, (clip.index ?? 0) + 1)}
          >
            Move later
          </button>
        </div>
      ) : (
        <form
          className={styles.form}
          aria-label="Position"
          onSubmit={(event) => {
            event.preventDefault();
            if (position !== null && position !== clip.timeline_position) void actions.place(clip, position);
          }}
        >
          <TimecodeField label="Starts at" value={positionText} fps={fps} onChange={setPositionText} />
          <button type="submit" disabled={position === null || position === clip.timeline_position}>
            Place
          </button>
        </form>
      )}
      <button type="button" className="danger" onClick={() => void actions.remove(clip)} aria-keyshortcuts="Delete">
        Remove clip
      </button>
    </>
  );
}
