import { useMemo } from "react";
import { useEditorSession } from "../projects/session";
import { effectActions } from "./actions";
import { EffectsPanel } from "./EffectsPanel";

/** The effects panel on the editor's selected clip, its changes sent through the editor's `edit()`. */
export function EditorEffectsPanel() {
  const { project, selectedClip, edit } = useEditorSession();
  const clipKind = project.tracks.find((track) => track.id === selectedClip?.track_id)?.kind ?? null;
  const clips = project.clips;
  const actions = useMemo(
    () => effectActions(project.id, edit, (clipId) => clips.find((clip) => clip.id === clipId)?.effects ?? []),
    [project.id, edit, clips],
  );
  return <EffectsPanel clip={selectedClip} clipKind={clipKind} actions={actions} />;
}
