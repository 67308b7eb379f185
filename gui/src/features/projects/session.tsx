/**
 * The open editor's shared state, for every panel mounted in the editor.
 *
 * `EditorPage` provides it; panels read it with `useEditorSession()`:
 * the current `project` (refreshed by edits and `project.updated` events),
 * the `selection` and the `selectedClip` it points at, `edit(send)` (the
 * If-Match helper of `edit.ts`) and `report()` to show a message in the
 * editor's notice bar.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { Clip, Project } from "../../api/types";
import { useProjectEdit, type EditFn } from "./edit";
import { selectedClip, type Selection } from "./selection";

export interface Notice {
  kind: "conflict" | "error" | "info";
  text: string;
}

export interface EditorSession {
  project: Project;
  selection: Selection | null;
  select: (selection: Selection | null) => void;
  selectedClip: Clip | null;
  edit: EditFn;
  notice: Notice | null;
  report: (notice: Notice | null) => void;
}

const EditorSessionContext = createContext<EditorSession | null>(null);

export function useEditorSession(): EditorSession {
  const session = useContext(EditorSessionContext);
  if (!session) throw new Error("useEditorSession() is only available inside the project editor");
  return session;
}

export function EditorSessionProvider({ project, children }: { project: Project; children: ReactNode }) {
  const [selection, select] = useState<Selection | null>(null);
  const [notice, report] = useState<Notice | null>(null);
  const onConflict = useCallback((text: string) => report({ kind: "conflict", text }), []);
  const edit = useProjectEdit(project.id, onConflict);

  const value = useMemo<EditorSession>(
    () => ({ project, selection, select, selectedClip: selectedClip(project, selection), edit, notice, report }),
    [project, selection, edit, notice],
  );
  return <EditorSessionContext.Provider value={value}>{children}</EditorSessionContext.Provider>;
}
