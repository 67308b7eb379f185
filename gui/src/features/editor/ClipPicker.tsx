import { useState, type FormEvent } from "react";
import type { Video } from "../../api/types";
import { Dialog } from "../../components/Dialog";
import { formatDuration } from "../../lib/format";
import { useDebouncedValue } from "../../lib/useDebouncedValue";
import { useVideos } from "../library/api";
import { useEditorSession } from "../projects/session";
import { formatTimecode, parseTimecode, sourceFrames } from "./timecode";
import { TimecodeField } from "./TimecodeField";
import { useClipActions } from "./useClipActions";
import styles from "./Picker.module.css";

const RESULTS = 20;

/**
 * "Add a clip": search the library, pick a file, choose the track and the
 * in/out points (the whole file by default); video goes to the main track,
 * sound files to an audio track at a position (after its last clip by default).
 */
export function ClipPicker({ onClose }: { onClose: () => void }) {
  const { project } = useEditorSession();
  const actions = useClipActions();
  const fps = project.output_fps;
  const [query, setQuery] = useState("");
  const q = useDebouncedValue(query.trim(), 300);
  const videos = useVideos({ q, sort: "filename", order: "asc", limit: RESULTS, offset: 0 });
  const [picked, setPicked] = useState<Video | null>(null);
  const [trackId, setTrackId] = useState(project.tracks.find((track) => track.main)?.id ?? "");
  const [inText, setInText] = useState("0");
  const [outText, setOutText] = useState("0");
  const [positionText, setPositionText] = useState("0");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const track = project.tracks.find((item) => item.id === trackId);
  const onAudio = track !== undefined && !track.main;
  const inPoint = parseTimecode(inText, fps);
  const outPoint = parseTimecode(outText, fps);
  const position = parseTimecode(positionText, fps);

  function pick(video: Video) {
    setPicked(video);
    setInText(formatTimecode(0, fps));
    setOutText(formatTimecode(sourceFrames(video.duration_seconds, fps), fps));
    const audioTrack = project.tracks.find((item) => !item.main);
    const target = video.media_type === "audio" && audioTrack ? audioTrack : project.tracks.find((item) => item.main);
    if (target) chooseTrack(target.id);
  }

  function chooseTrack(id: string) {
    setTrackId(id);
    const end = Math.max(0, ...project.clips.filter((clip) => clip.track_id === id).map((clip) => clip.timeline_position + clip.duration));
    setPositionText(formatTimecode(end, fps));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!picked || inPoint === null || outPoint === null || (onAudio && position === null)) return;
    setBusy(true);
    const problem = await actions.add({
      sourceVideoId: picked.id,
      inPoint,
      outPoint,
      trackId,
      ...(onAudio && position !== null ? { timelinePosition: position } : {}),
    });
    setBusy(false);
    if (problem === null) onClose();
    else setError(problem);
  }

  const ready = picked !== null && inPoint !== null && outPoint !== null && (!onAudio || position !== null);

  return (
    <Dialog label="Add a clip" onClose={onClose}>
      <form className={styles.form} onSubmit={(event) => void onSubmit(event)}>
        <h2>Add a clip</h2>
        <input
          type="search"
          aria-label="Search library"
          placeholder="Search the library"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <ul className={styles.results} aria-label="Library files">
          {videos.data?.videos.map((video) => (
            <li key={video.id}>
              <button
                type="button"
                aria-pressed={picked?.id === video.id}
                disabled={video.missing}
                onClick={() => pick(video)}
                data-testid="picker-video"
              >
                <span className={styles.name}>{video.filename}</span>
                <span className={styles.meta}>
                  {video.media_type === "audio" ? "audio · " : ""}
                  {formatDuration(video.duration_seconds)}
                </span>
              </button>
            </li>
          ))}
          {videos.data?.videos.length === 0 && <li className={styles.meta}>Nothing in the library matches.</li>}
        </ul>
        {picked && (
          <>
            <label>
              Track
              <select value={trackId} onChange={(event) => chooseTrack(event.target.value)}>
                {project.tracks.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name} ({item.main ? "main" : item.kind})
                  </option>
                ))}
              </select>
            </label>
            <div className={styles.fields}>
              <TimecodeField label="In" value={inText} fps={fps} onChange={setInText} />
              <TimecodeField label="Out" value={outText} fps={fps} onChange={setOutText} />
              {onAudio && <TimecodeField label="Starts at" value={positionText} fps={fps} onChange={setPositionText} />}
            </div>
          </>
        )}
        {error && (
          <p role="alert" className={styles.error} data-testid="picker-error">
            {error}
          </p>
        )}
        <div className={styles.buttons}>
          <button type="button" onClick={() => void actions.addAudioTrack()}>
            New audio track
          </button>
          <span className={styles.spacer} />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready || busy}>
            {busy ? "Adding…" : "Add to timeline"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
