import { useCallback, useEffect, useState } from "react";

/** Playback steps this often; the frame preview follows at its own pace. */
export const PLAY_TICK_MS = 250;

export interface Playhead {
  frame: number;
  playing: boolean;
  seek: (frame: number) => void;
  step: (frames: number) => void;
  togglePlay: () => void;
  stop: () => void;
}

function clamp(frame: number, frames: number): number {
  return Math.min(Math.max(0, frames - 1), Math.max(0, Math.round(frame)));
}

/**
 * The playhead: a frame within `[0, frames - 1]`, moved by seeking, stepping
 * or playing. Playing advances it in real time (a quarter second per tick)
 * and stops at the end; the preview shows the frame under it.
 */
export function usePlayhead(frames: number, fps: number): Playhead {
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const shown = clamp(frame, frames);

  useEffect(() => {
    if (!playing) return;
    const perTick = Math.max(1, Math.round((fps * PLAY_TICK_MS) / 1000));
    const timer = window.setInterval(() => {
      setFrame((current) => {
        const next = clamp(current, frames) + perTick;
        if (next >= frames - 1) {
          setPlaying(false);
          return clamp(next, frames);
        }
        return next;
      });
    }, PLAY_TICK_MS);
    return () => window.clearInterval(timer);
  }, [playing, frames, fps]);

  const seek = useCallback((to: number) => setFrame(clamp(to, frames)), [frames]);
  const step = useCallback((by: number) => setFrame((current) => clamp(clamp(current, frames) + by, frames)), [frames]);
  const togglePlay = useCallback(() => {
    setPlaying((was) => {
      if (!was && shown >= frames - 1) setFrame(0);
      return !was && frames > 1;
    });
  }, [frames, shown]);
  const stop = useCallback(() => setPlaying(false), []);

  return { frame: shown, playing, seek, step, togglePlay, stop };
}
