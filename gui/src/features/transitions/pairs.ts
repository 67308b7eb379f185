/**
 * Which clips a transition can join, and how long it may be (SPEC §9).
 *
 * Pure: the editor's project answer in, the pairs out. The server checks the
 * same bounds; these only keep the picker from offering what it would refuse.
 */
import type { Clip, ProjectTransition } from "./types";

export interface ClipPair {
  from: Clip;
  to: Clip;
  /** The transition already joining them, if any (at most one per pair). */
  transition: ProjectTransition | null;
}

/** Consecutive clips of the main track, in timeline order, with their transition. */
export function consecutivePairs(mainClips: Clip[], transitions: ProjectTransition[]): ClipPair[] {
  const ordered = [...mainClips].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const pairs: ClipPair[] = [];
  for (let i = 0; i + 1 < ordered.length; i += 1) {
    const from = ordered[i];
    const to = ordered[i + 1];
    if (!from || !to) continue;
    const transition = transitions.find((item) => item.from_clip_id === from.id && item.to_clip_id === to.id) ?? null;
    pairs.push({ from, to, transition });
  }
  return pairs;
}

/**
 * The longest transition a pair may get: less than both clips' durations once
 * each clip's other transition is counted.
 */
export function maxDuration(pair: ClipPair, transitions: ProjectTransition[]): number {
  const used = (clip: Clip) =>
    transitions
      .filter((item) => item.id !== pair.transition?.id && (item.from_clip_id === clip.id || item.to_clip_id === clip.id))
      .reduce((sum, item) => sum + item.duration, 0);
  return Math.max(0, Math.min(pair.from.duration - used(pair.from), pair.to.duration - used(pair.to)) - 1);
}

/** A first duration to offer: half a second, within the bounds. */
export function defaultDuration(fps: number, max: number): number {
  return Math.max(1, Math.min(Math.round(fps / 2), max));
}
