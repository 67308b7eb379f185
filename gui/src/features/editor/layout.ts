/**
 * Where things go on the timeline, in pixels, from the server's derived
 * timeline (`GET /projects/{id}/timeline`): the same start and end frames the
 * render uses, so what the editor draws is what will be rendered. Pure.
 */
import type { Timeline } from "../../api/types";

export interface Span {
  x: number;
  width: number;
  startFrame: number;
  /** Exclusive. */
  endFrame: number;
}

export interface TransitionSpan extends Span {
  transitionId: string;
  fromClipId: string;
  toClipId: string;
}

export interface TimelineLayout {
  /** Width of the whole timeline (at least one frame's worth). */
  width: number;
  clips: Map<string, Span>;
  transitions: TransitionSpan[];
}

/** The scale (px per frame) limits: a frame never thinner than 1/50 px nor wider than 40 px. */
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 40;

function span(startFrame: number, endFrame: number, scale: number): Span {
  return { x: startFrame * scale, width: Math.max(0, endFrame - startFrame) * scale, startFrame, endFrame };
}

export function layoutTimeline(timeline: Timeline, scale: number): TimelineLayout {
  const clips = new Map<string, Span>();
  for (const track of timeline.tracks) {
    for (const clip of track.clips) clips.set(clip.clip_id, span(clip.start_frame, clip.end_frame, scale));
  }
  const transitions = timeline.transitions.map((transition) => ({
    ...span(transition.start_frame, transition.end_frame, scale),
    transitionId: transition.transition_id,
    fromClipId: transition.from_clip_id,
    toClipId: transition.to_clip_id,
  }));
  // Audio clips may end after the main track: the timeline is as long as its furthest clip.
  const furthest = Math.max(timeline.duration_frames, ...Array.from(clips.values(), (clip) => clip.endFrame));
  return { width: Math.max(1, furthest) * scale, clips, transitions };
}

/** A scale that fits `frames` into `pixels` (five seconds at least, so short projects are not huge). */
export function fitScale(frames: number, fps: number, pixels: number): number {
  const shown = Math.max(frames, fps * 5, 1);
  return clampScale(pixels / shown);
}

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The frame under a pixel offset, within `[0, frames - 1]` (0 for an empty timeline). */
export function frameAt(x: number, scale: number, frames: number): number {
  if (frames <= 0) return 0;
  return Math.min(frames - 1, Math.max(0, Math.floor(x / scale)));
}

export interface Tick {
  frame: number;
  x: number;
}

const TICK_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Ruler ticks on whole seconds, spaced at least `minGap` px apart, from 0 to `frames`. */
export function rulerTicks(frames: number, fps: number, scale: number, minGap = 100): Tick[] {
  const pxPerSecond = fps * scale;
  const step = TICK_SECONDS.find((seconds) => seconds * pxPerSecond >= minGap) ?? TICK_SECONDS[TICK_SECONDS.length - 1] ?? 3600;
  const ticks: Tick[] = [];
  for (let frame = 0; frame <= frames; frame += step * fps) ticks.push({ frame, x: frame * scale });
  return ticks;
}

/**
 * The main-track index a clip dragged from `from` ends up at when dropped on
 * the clip at `onto` (it takes that clip's place). Null when nothing moves.
 */
export function dropIndex(from: number, onto: number, count: number): number | null {
  if (from === onto || onto < 0 || onto >= count || from < 0 || from >= count) return null;
  return onto;
}
