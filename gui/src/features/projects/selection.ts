import type { Clip, Project } from "../../api/types";

/** What the user picked on the timeline: one clip of one track, or nothing. */
export interface Selection {
  trackId: string;
  clipId: string;
}

/**
 * The selected clip in the current document, or null when nothing is
 * selected or the clip is gone (removed here, by undo, or by another
 * client). The selection is kept by id, so a refetched project keeps it.
 */
export function selectedClip(project: Project, selection: Selection | null): Clip | null {
  if (!selection) return null;
  return project.clips.find((clip) => clip.id === selection.clipId && clip.track_id === selection.trackId) ?? null;
}

/** The main track's clips in play order (the server lists them first, in order). */
export function mainTrackClips(project: Project): Clip[] {
  const main = project.tracks.find((track) => track.main);
  return main ? project.clips.filter((clip) => clip.track_id === main.id) : [];
}
