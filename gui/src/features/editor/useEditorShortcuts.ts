import { useEffect, useRef } from "react";
import { assertNever } from "../../lib/assertNever";
import { commandFor, isTypingTarget, type EditorCommand } from "./shortcuts";

export interface ShortcutActions {
  fps: number;
  frames: number;
  togglePlay: () => void;
  pause: () => void;
  step: (frames: number) => void;
  seek: (frame: number) => void;
  removeSelected: () => void;
  undo: () => void;
  redo: () => void;
}

/** Listens on the whole page while the editor is open (not while typing or in a dialog). */
export function useEditorShortcuts(actions: ShortcutActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    function run(command: EditorCommand) {
      const a = latest.current;
      switch (command.kind) {
        case "togglePlay":
          return a.togglePlay();
        case "pause":
          return a.pause();
        case "step":
          a.pause();
          return a.step(command.frames);
        case "seekStart":
          return a.seek(0);
        case "seekEnd":
          return a.seek(a.frames - 1);
        case "removeClip":
          return a.removeSelected();
        case "undo":
          return a.undo();
        case "redo":
          return a.redo();
        default:
          return assertNever(command);
      }
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = commandFor(event, latest.current.fps);
      if (!command) return;
      event.preventDefault();
      run(command);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
