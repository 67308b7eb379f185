import type { QueryClient } from "@tanstack/react-query";
import type { EventOf, EventType, ServerEvent } from "./types";

export type EventHandler<T extends EventType> = (event: EventOf<T>, queryClient: QueryClient) => void;
export type GapHandler = (queryClient: QueryClient) => void;

type AnyHandler = (event: ServerEvent, queryClient: QueryClient) => void;

/**
 * Where features say what a server event means to them.
 *
 * `lib/` knows no feature: each feature registers its handlers here
 * (`registerJobEvents`, `registerLibraryEvents`) and `App` wires the
 * registry into `EventsProvider`. Only `resync` is handled here, because
 * its meaning is the same for all: events were lost, so refetch everything.
 */
export class EventRegistry {
  private readonly handlers = new Map<string, Set<AnyHandler>>();
  private readonly gapHandlers = new Set<GapHandler>();

  /** Calls `handler` for every event of one of `types`; returns an unsubscribe. */
  on<T extends EventType>(types: readonly T[], handler: EventHandler<T>): () => void {
    const erased = handler as unknown as AnyHandler;
    for (const type of types) {
      let set = this.handlers.get(type);
      if (!set) {
        set = new Set();
        this.handlers.set(type, set);
      }
      set.add(erased);
    }
    return () => {
      for (const type of types) this.handlers.get(type)?.delete(erased);
    };
  }

  /** Calls `handler` after a connect that could not replay what was missed. */
  onGap(handler: GapHandler): () => void {
    this.gapHandlers.add(handler);
    return () => this.gapHandlers.delete(handler);
  }

  dispatch(event: ServerEvent, queryClient: QueryClient): void {
    if (event.type === "resync") void queryClient.invalidateQueries();
    for (const handler of this.handlers.get(event.type) ?? []) handler(event, queryClient);
  }

  /** First connect, or a reconnect after a `resync`: every feature refetches. */
  refreshAfterGap(queryClient: QueryClient): void {
    for (const handler of this.gapHandlers) handler(queryClient);
  }
}
