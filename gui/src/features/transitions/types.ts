/** Names for the generated types the transition picker uses. */
import type { components } from "../../api/schema.gen";

export type TransitionName = components["schemas"]["TransitionOut"];
export type ProjectTransition = components["schemas"]["ProjectTransitionOut"];
export type TransitionCreate = components["schemas"]["TransitionCreate"];
export type Clip = components["schemas"]["ClipOut"];

/** What the picker asks the editor to do (wired to the project's mutation helper). */
export interface TransitionActions {
  add: (body: TransitionCreate) => Promise<unknown>;
  remove: (transitionId: string) => Promise<unknown>;
}
