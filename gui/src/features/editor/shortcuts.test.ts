import { describe, expect, it } from "vitest";
import { commandFor, isTypingTarget, type KeyInput } from "./shortcuts";

function key(k: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe("commandFor", () => {
  it("maps the NLE habits", () => {
    expect(commandFor(key(" "), 30)).toEqual({ kind: "togglePlay" });
    expect(commandFor(key("k"), 30)).toEqual({ kind: "pause" });
    expect(commandFor(key("j"), 30)).toEqual({ kind: "step", frames: -1 });
    expect(commandFor(key("L", { shiftKey: true }), 30)).toEqual({ kind: "step", frames: 30 });
    expect(commandFor(key("ArrowLeft", { shiftKey: true }), 25)).toEqual({ kind: "step", frames: -25 });
    expect(commandFor(key("ArrowRight"), 30)).toEqual({ kind: "step", frames: 1 });
    expect(commandFor(key("Delete"), 30)).toEqual({ kind: "removeClip" });
    expect(commandFor(key("Home"), 30)).toEqual({ kind: "seekStart" });
  });

  it("undoes with Ctrl or Cmd+Z and redoes with Shift or Y", () => {
    expect(commandFor(key("z", { ctrlKey: true }), 30)).toEqual({ kind: "undo" });
    expect(commandFor(key("z", { metaKey: true }), 30)).toEqual({ kind: "undo" });
    expect(commandFor(key("Z", { metaKey: true, shiftKey: true }), 30)).toEqual({ kind: "redo" });
    expect(commandFor(key("y", { ctrlKey: true }), 30)).toEqual({ kind: "redo" });
  });

  it("leaves other combinations to the browser", () => {
    expect(commandFor(key("c", { ctrlKey: true }), 30)).toBeNull();
    expect(commandFor(key("ArrowLeft", { altKey: true }), 30)).toBeNull();
    expect(commandFor(key("j", { ctrlKey: true }), 30)).toBeNull();
    expect(commandFor(key("x"), 30)).toBeNull();
  });
});

describe("isTypingTarget", () => {
  it("is true in text fields and dialogs, false on buttons and the page", () => {
    const text = document.createElement("input");
    const box = document.createElement("input");
    box.type = "checkbox";
    const button = document.createElement("button");
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    const inDialog = document.createElement("button");
    dialog.append(inDialog);
    document.body.append(text, box, button, dialog);
    expect(isTypingTarget(text)).toBe(true);
    expect(isTypingTarget(box)).toBe(false);
    expect(isTypingTarget(button)).toBe(false);
    expect(isTypingTarget(inDialog)).toBe(true);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
