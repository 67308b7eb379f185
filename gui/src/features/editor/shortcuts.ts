/**
 * The editor's keyboard map, as a pure function of the key event, so the
 * table in the manual and the code can be checked against each other.
 */

export type EditorCommand =
  | { kind: "togglePlay" }
  | { kind: "pause" }
  | { kind: "step"; frames: number }
  | { kind: "seekStart" }
  | { kind: "seekEnd" }
  | { kind: "removeClip" }
  | { kind: "undo" }
  | { kind: "redo" };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** A second's worth of frames for Shift+arrows / Shift+J/L. */
export function commandFor(event: KeyInput, fps: number): EditorCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && !event.altKey) {
    if (key === "z") return event.shiftKey ? { kind: "redo" } : { kind: "undo" };
    if (key === "y" && !event.shiftKey) return { kind: "redo" };
    return null;
  }
  if (mod || event.altKey) return null;
  const big = event.shiftKey ? fps : 1;
  switch (key) {
    case " ":
      return { kind: "togglePlay" };
    case "k":
      return { kind: "pause" };
    case "j":
    case "ArrowLeft":
      return { kind: "step", frames: -big };
    case "l":
    case "ArrowRight":
      return { kind: "step", frames: big };
    case "Home":
      return { kind: "seekStart" };
    case "End":
      return { kind: "seekEnd" };
    case "Delete":
    case "Backspace":
      return { kind: "removeClip" };
    default:
      return null;
  }
}

/** Keys typed into a field, or used inside a dialog, are not editor shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('[role="dialog"]')) return true;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["button", "checkbox", "radio", "range", "submit", "reset"].includes(type);
}
