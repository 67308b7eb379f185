import { useRef, useState, type PointerEvent } from "react";
import type { Clip } from "../../api/types";

export type Edge = "in" | "out";

/** New in/out points after dragging one edge by `deltaFrames`, kept valid (at least one frame). Pure. */
export function trimmedPoints(clip: Pick<Clip, "in_point" | "out_point" | "source_frames">, edge: Edge, deltaFrames: number) {
  if (edge === "in") {
    const inPoint = Math.min(clip.out_point - 1, Math.max(0, clip.in_point + deltaFrames));
    return { inPoint, outPoint: clip.out_point };
  }
  const outPoint = Math.max(clip.in_point + 1, Math.min(clip.source_frames, clip.out_point + deltaFrames));
  return { inPoint: clip.in_point, outPoint };
}

/**
 * Dragging a clip's left (in) or right (out) edge: while the pointer moves
 * the clip shows the new length; on release `onTrim` gets the new points.
 */
export function useEdgeTrim(clip: Clip, scale: number, onTrim: (inPoint: number, outPoint: number) => void) {
  const start = useRef<{ edge: Edge; x: number } | null>(null);
  const [delta, setDelta] = useState<{ edge: Edge; frames: number } | null>(null);

  const handlers = (edge: Edge) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      event.stopPropagation();
      event.preventDefault();
      event.currentTarget.setPointerCapture?.(event.pointerId);
      start.current = { edge, x: event.clientX };
      setDelta({ edge, frames: 0 });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      if (!start.current) return;
      setDelta({ edge, frames: Math.round((event.clientX - start.current.x) / scale) });
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      if (!start.current) return;
      const frames = Math.round((event.clientX - start.current.x) / scale);
      start.current = null;
      setDelta(null);
      const next = trimmedPoints(clip, edge, frames);
      if (next.inPoint !== clip.in_point || next.outPoint !== clip.out_point) onTrim(next.inPoint, next.outPoint);
    },
    onPointerCancel: () => {
      start.current = null;
      setDelta(null);
    },
  });

  const preview = delta ? trimmedPoints(clip, delta.edge, delta.frames) : null;
  return { handlers, preview };
}
