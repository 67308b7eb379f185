import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { EventRegistry } from "./registry";
import type { ServerEvent } from "./types";

function event(type: string, payload: unknown = {}, eventId: number | null = 1): ServerEvent {
  return { event_id: eventId, type, payload, timestamp: "2025-01-01T00:00:00Z" } as ServerEvent;
}

describe("EventRegistry", () => {
  it("calls the handlers registered for an event's type, and only those", () => {
    const registry = new EventRegistry();
    const seen: string[] = [];
    registry.on(["video.added", "video.deleted"], (e) => seen.push(`a:${e.type}`));
    const off = registry.on(["video.added"], (e) => seen.push(`b:${e.type}`));
    const queryClient = new QueryClient();
    registry.dispatch(event("video.added"), queryClient);
    registry.dispatch(event("video.updated"), queryClient);
    off();
    registry.dispatch(event("video.added"), queryClient);
    registry.dispatch(event("video.deleted"), queryClient);
    expect(seen).toEqual(["a:video.added", "b:video.added", "a:video.added", "a:video.deleted"]);
  });

  it("ignores types nobody registered (heartbeats, a newer server's events)", () => {
    const registry = new EventRegistry();
    const queryClient = new QueryClient();
    queryClient.setQueryData(["anything"], 1);
    registry.dispatch(event("heartbeat", { last_event_id: 3 }, null), queryClient);
    registry.dispatch(event("thing.happened"), queryClient);
    expect(queryClient.getQueryState(["anything"])?.isInvalidated).toBe(false);
  });

  it("refetches everything on resync, and runs every gap handler after a gap", () => {
    const registry = new EventRegistry();
    const gaps: string[] = [];
    registry.onGap(() => gaps.push("jobs"));
    registry.onGap(() => gaps.push("videos"));
    const queryClient = new QueryClient();
    queryClient.setQueryData(["anything"], 1);
    registry.dispatch(event("resync", { last_event_id: 9, reason: "expired" }, null), queryClient);
    expect(queryClient.getQueryState(["anything"])?.isInvalidated).toBe(true);
    registry.refreshAfterGap(queryClient);
    expect(gaps).toEqual(["jobs", "videos"]);
  });
});
