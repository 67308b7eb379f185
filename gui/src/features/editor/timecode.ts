/**
 * Timecodes `HH:MM:SS:FF` for integer frame counts at an integer frame rate
 * (the project's `output_fps`; the editor has no drop-frame rates). Pure.
 */

function two(value: number): string {
  return String(value).padStart(2, "0");
}

/** `formatTimecode(95, 30)` → `00:00:03:05`. Negative or junk frames read as 0. */
export function formatTimecode(frames: number, fps: number): string {
  const rate = Math.max(1, Math.floor(fps));
  const total = Number.isFinite(frames) && frames > 0 ? Math.floor(frames) : 0;
  const ff = total % rate;
  const seconds = Math.floor(total / rate);
  const ss = seconds % 60;
  const mm = Math.floor(seconds / 60) % 60;
  const hh = Math.floor(seconds / 3600);
  return `${two(hh)}:${two(mm)}:${two(ss)}:${two(ff)}`;
}

/**
 * Frames from what a person typed: a timecode (`HH:MM:SS:FF`, `MM:SS:FF`,
 * `SS:FF`) or a plain frame count. Null when it is neither, or a field is
 * out of range (frames ≥ fps, seconds or minutes ≥ 60).
 */
export function parseTimecode(text: string, fps: number): number | null {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^\d+(:\d+){1,3}$/.test(value)) return null;
  const parts = value.split(":").map(Number);
  while (parts.length < 4) parts.unshift(0);
  const [hh = 0, mm = 0, ss = 0, ff = 0] = parts;
  if (ff >= fps || ss >= 60 || mm >= 60) return null;
  return ((hh * 60 + mm) * 60 + ss) * fps + ff;
}

/** Whole project frames in a source of `seconds` (as the server counts them: a last partial frame does not count). */
export function sourceFrames(seconds: number | null | undefined, fps: number): number {
  if (!seconds || !Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.floor(seconds * fps + 1e-4);
}
