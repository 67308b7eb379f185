import type { DragEvent, KeyboardEvent } from "react";
import type { Clip } from "../../api/types";
import type { Span } from "./layout";
import { SourceThumb } from "./SourceThumb";
import { formatTimecode } from "./timecode";
import { useEdgeTrim } from "./useEdgeTrim";
import { useEffectNames } from "./useEffectNames";
import styles from "./Timeline.module.css";

export const CLIP_DRAG_TYPE = "application/x-stoat-clip";

interface ClipBlockProps {
  clip: Clip;
  span: Span;
  fps: number;
  scale: number;
  selected: boolean;
  /** Main-track clips can be dragged onto each other to reorder. */
  reorderable: boolean;
  onSelect: () => void;
  onMove: (by: number) => void;
  onDropClip: (draggedClipId: string) => void;
  onTrim: (inPoint: number, outPoint: number) => void;
}

/**
 * One clip on the timeline: thumbnail, file name, in/out timecodes and its
 * effects by name. Click selects; its edges drag to trim; main-track clips
 * drag onto another to take its place, or move with Alt+←/→.
 */
export function ClipBlock({ clip, span, fps, scale, selected, reorderable, onSelect, onMove, onDropClip, onTrim }: ClipBlockProps) {
  const trim = useEdgeTrim(clip, scale, onTrim);
  const effectName = useEffectNames();
  const shownIn = trim.preview?.inPoint ?? clip.in_point;
  const shownOut = trim.preview?.outPoint ?? clip.out_point;
  // While an edge is dragged the block shows the new length (speed effects aside).
  const width = trim.preview ? ((shownOut - shownIn) * span.width) / Math.max(1, clip.out_point - clip.in_point) : span.width;
  const left = trim.preview && trim.preview.inPoint !== clip.in_point ? span.x + span.width - width : span.x;

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (!reorderable || !event.altKey) return;
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      event.stopPropagation();
      onMove(event.key === "ArrowLeft" ? -1 : 1);
    }
  }

  const drop = reorderable
    ? {
        draggable: true,
        onDragStart: (event: DragEvent<HTMLLIElement>) => {
          event.dataTransfer.setData(CLIP_DRAG_TYPE, clip.id);
          event.dataTransfer.effectAllowed = "move";
        },
        onDragOver: (event: DragEvent<HTMLLIElement>) => {
          if (event.dataTransfer.types.includes(CLIP_DRAG_TYPE)) event.preventDefault();
        },
        onDrop: (event: DragEvent<HTMLLIElement>) => {
          const dragged = event.dataTransfer.getData(CLIP_DRAG_TYPE);
          event.preventDefault();
          if (dragged && dragged !== clip.id) onDropClip(dragged);
        },
      }
    : {};

  return (
    <li
      className={`${styles.clip} ${selected ? styles.selected : ""}`}
      style={{ left, width: Math.max(width, 4) }}
      data-testid="timeline-clip"
      data-clip-id={clip.id}
      data-selected={selected}
      {...drop}
    >
      <span className={`${styles.edge} ${styles.edgeIn}`} aria-hidden="true" data-testid="clip-edge-in" {...trim.handlers("in")} />
      <button
        type="button"
        className={styles.clipBody}
        aria-pressed={selected}
        aria-keyshortcuts={reorderable ? "Alt+ArrowLeft Alt+ArrowRight" : undefined}
        onClick={onSelect}
        onKeyDown={onKeyDown}
      >
        <SourceThumb videoId={clip.source_video_id} />
        <span className={styles.clipTimes}>
          <span data-testid="clip-in">{formatTimecode(shownIn, fps)}</span>
          {" – "}
          <span data-testid="clip-out">{formatTimecode(shownOut, fps)}</span>
        </span>
        {clip.effects.length > 0 && (
          <span className={styles.clipEffects} data-testid="clip-effects">
            {clip.effects.map((effect) => effectName(effect.effect_type)).join(", ")}
          </span>
        )}
        {clip.source_missing && <span className={styles.missing}>source missing</span>}
      </button>
      <span className={`${styles.edge} ${styles.edgeOut}`} aria-hidden="true" data-testid="clip-edge-out" {...trim.handlers("out")} />
    </li>
  );
}
