import { useRef, type PointerEvent } from "react";
import { frameAt, rulerTicks } from "./layout";
import { formatTimecode } from "./timecode";
import styles from "./Timeline.module.css";

interface RulerProps {
  frames: number;
  fps: number;
  scale: number;
  width: number;
  frame: number;
  onSeek: (frame: number) => void;
}

/**
 * Time ruler and playhead handle: a slider (`role="slider"`) that seeks on
 * click and while dragged; the arrow keys and J/L step it (editor shortcuts).
 */
export function TimelineRuler({ frames, fps, scale, width, frame, onSeek }: RulerProps) {
  const dragging = useRef(false);

  function seekTo(event: PointerEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(frameAt(event.clientX - box.left, scale, frames));
  }

  return (
    <div
      className={styles.ruler}
      style={{ width }}
      role="slider"
      tabIndex={0}
      aria-label="Playhead"
      aria-valuemin={0}
      aria-valuemax={Math.max(0, frames - 1)}
      aria-valuenow={frame}
      aria-valuetext={formatTimecode(frame, fps)}
      data-testid="timeline-ruler"
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        seekTo(event);
      }}
      onPointerMove={(event) => {
        if (dragging.current) seekTo(event);
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
    >
      {rulerTicks(frames, fps, scale).map((tick) => (
        <span key={tick.frame} className={styles.tick} style={{ left: tick.x }}>
          {formatTimecode(tick.frame, fps)}
        </span>
      ))}
      <span className={styles.playheadHandle} style={{ left: frame * scale }} aria-hidden="true" />
    </div>
  );
}
