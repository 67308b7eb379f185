import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { EventRegistry } from "../../lib/events/registry";
import type { ServerEvent } from "../../lib/events/types";
import { makeJob, runningScan } from "../../test/fixtures";
import { registerLibraryEvents } from "./events";
import { videoKeys } from "./keys";

function event(type: string, payload: unknown, eventId = 1): ServerEvent {
  return { event_id: eventId, type, payload, timestamp: "2025-01-01T00:00:00Z" } as ServerEvent;
}

function seeded() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(videoKeys.count(), { videos: [], total: 0, limit: 1, offset: 0 });
  const registry = new EventRegistry();
  registerLibraryEvents(registry);
  const invalidated = () => queryClient.getQueryState(videoKeys.count())?.isInvalidated;
  return { queryClient, registry, invalidated };
}

describe("library events", () => {
  it.each(["video.added", "video.updated", "video.deleted"])("%s refetches the video queries", (type) => {
    const { queryClient, registry, invalidated } = seeded();
    registry.dispatch(event(type, { id: "v1" }), queryClient);
    expect(invalidated()).toBe(true);
  });

  it("a finished scan refetches the videos; another job or a running scan does not", () => {
    const done = seeded();
    done.registry.dispatch(event("job.completed", { ...runningScan(), status: "complete" }), done.queryClient);
    expect(done.invalidated()).toBe(true);

    const other = seeded();
    other.registry.dispatch(event("job.completed", makeJob({ job_type: "echo", status: "complete" })), other.queryClient);
    other.registry.dispatch(event("job.progress", runningScan()), other.queryClient);
    expect(other.invalidated()).toBe(false);
  });

  it("refetches the videos after a gap", () => {
    const { queryClient, registry, invalidated } = seeded();
    registry.refreshAfterGap(queryClient);
    expect(invalidated()).toBe(true);
  });
});
