/// <reference types="node" />
/**
 * The manual's keyboard table (docs/manual/05_gui-guide.md, "Keyboard shortcuts")
 * against the editor's key map: every key the table lists does what its row says,
 * and every command of the key map is in the table.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { commandFor, type EditorCommand, type KeyInput } from "./shortcuts";

const FPS = 30;
// Tests run from gui/ (npm --prefix gui run test); jsdom's import.meta.url is not a file URL.
const guide = readFileSync(resolve(process.cwd(), "../docs/manual/05_gui-guide.md"), "utf8");

/** What each row's "what they do" says, as the commands it means. */
const MEANING: Record<string, EditorCommand[]> = {
  "play / pause the preview": [{ kind: "togglePlay" }],
  pause: [{ kind: "pause" }],
  "one frame back": [{ kind: "step", frames: -1 }],
  "one frame forward": [{ kind: "step", frames: 1 }],
  "one second back / forward": [
    { kind: "step", frames: -FPS },
    { kind: "step", frames: FPS },
  ],
  "first / last frame": [{ kind: "seekStart" }, { kind: "seekEnd" }],
  "remove the selected clip": [{ kind: "removeClip" }],
  undo: [{ kind: "undo" }],
  redo: [{ kind: "redo" }],
};

/** Rows handled by focused controls rather than the page-wide key map. */
const NOT_THE_KEY_MAP = [/on a focused clip/, /^Tab/];

function tableRows(markdown: string): [string, string][] {
  const start = markdown.indexOf("### Keyboard shortcuts");
  expect(start).toBeGreaterThan(-1);
  const rows: [string, string][] = [];
  for (const line of markdown.slice(start).split("\n").slice(1)) {
    if (line.startsWith("#")) break;
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells.length < 4 || cells[1] === "keys" || /^-+$/.test(cells[1] ?? "")) continue;
    rows.push([cells[1] ?? "", cells[2] ?? ""]);
  }
  return rows;
}

/** "Shift+Ctrl+Z (⇧⌘Z) or Ctrl+Y" → the key events of Shift+Ctrl+Z and Ctrl+Y. */
function combos(keys: string): KeyInput[] {
  return keys
    .replace(/\([^)]*\)/g, "")
    .split(/,| or | \/ /)
    .map((combo) => combo.trim())
    .filter(Boolean)
    .map((combo) => {
      const parts = combo.split("+");
      const key = parts.pop() ?? "";
      const named: Record<string, string> = { "←": "ArrowLeft", "→": "ArrowRight", Space: " " };
      return {
        key: named[key] ?? (key.length === 1 ? key.toLowerCase() : key),
        ctrlKey: parts.includes("Ctrl"),
        metaKey: false,
        shiftKey: parts.includes("Shift"),
        altKey: parts.includes("Alt"),
      };
    });
}

const asText = (commands: (EditorCommand | null)[]) => [...new Set(commands.map((command) => JSON.stringify(command)))].sort();

describe("the manual's keyboard shortcut table", () => {
  const rows = tableRows(guide).filter(([keys]) => !NOT_THE_KEY_MAP.some((pattern) => pattern.test(keys)));

  it("lists rows the key map does what they say", () => {
    expect(rows.length).toBeGreaterThanOrEqual(9);
    for (const [keys, meaning] of rows) {
      const expected = MEANING[meaning];
      expect(expected, `a known meaning for "${meaning}"`).toBeDefined();
      expect(asText(combos(keys).map((event) => commandFor(event, FPS))), keys).toEqual(asText(expected ?? []));
    }
  });

  it("documents every command of the key map", () => {
    const documented = new Set(rows.flatMap(([keys]) => combos(keys).map((event) => commandFor(event, FPS)?.kind)));
    const kinds: EditorCommand["kind"][] = ["togglePlay", "pause", "step", "seekStart", "seekEnd", "removeClip", "undo", "redo"];
    expect([...documented].sort()).toEqual([...kinds].sort());
  });
});
