import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Job, JobList } from "../../api/types";
import { jobKeys } from "../../features/jobs/cache";
import { videoKeys } from "../../features/library/keys";
import { makeJob, runningScan } from "../../test/fixtures";
import { applyServerEvent } from "./applyEvent";

function event(type: string, payload: unknown, eventId: number | null = 1) {
  return { event_id: eventId, type, payload, timestamp: "2025-01-01T00:00:00Z" };
}

function seeded() {
  const queryClient = new QueryClient();
  const running = runningScan();
  const other = makeJob({ status: "complete" });
  queryClient.setQueryData<JobList>(jobKeys.list({ limit: 100 }), { jobs: [running, other] });
  queryClient.setQueryData<JobList>(jobKeys.list({ limit: 100, status: "running" }), { jobs: [running] });
  queryClient.setQueryData<Job>(jobKeys.detail(running.job_id), running);
  queryClient.setQueryData(videoKeys.count(), { videos: [], total: 0, limit: 1, offset: 0 });
  return { queryClient, running, other };
}

describe("applyServerEvent", () => {
  it("writes job payloads into the detail and list caches", () => {
    const { queryClient, running } = seeded();
    const update = { ...running, progress: 0.75 };
    applyServerEvent(queryClient, event("job.progress", update));
    expect(queryClient.getQueryData<Job>(jobKeys.detail(running.job_id))?.progress).toBe(0.75);
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100 }))?.jobs[0]?.progress).toBe(0.75);
  });

  it("moves a job out of lists whose status filter it no longer matches", () => {
    const { queryClient, running } = seeded();
    applyServerEvent(queryClient, event("job.completed", { ...running, status: "complete" }));
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100, status: "running" }))?.jobs).toEqual([]);
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100 }))?.jobs[0]?.status).toBe("complete");
  });

  it("prepends new jobs to lists they belong to", () => {
    const { queryClient } = seeded();
    const fresh = makeJob({ status: "pending" });
    applyServerEvent(queryClient, event("job.created", fresh));
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100 }))?.jobs[0]).toEqual(fresh);
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100, status: "running" }))?.jobs).toHaveLength(1);
  });

  it("never turns a finished job back into a running one", () => {
    const { queryClient, running } = seeded();
    applyServerEvent(queryClient, event("job.cancelled", { ...running, status: "cancelled" }, 2));
    applyServerEvent(queryClient, event("job.progress", running, 3));
    expect(queryClient.getQueryData<Job>(jobKeys.detail(running.job_id))?.status).toBe("cancelled");
  });

  it("invalidates video queries on video events and when a scan finishes", () => {
    const { queryClient, running } = seeded();
    applyServerEvent(queryClient, event("video.added", { id: "v1" }));
    expect(queryClient.getQueryState(videoKeys.count())?.isInvalidated).toBe(true);

    const again = seeded();
    applyServerEvent(again.queryClient, event("job.completed", { ...running, status: "complete" }));
    expect(again.queryClient.getQueryState(videoKeys.count())?.isInvalidated).toBe(true);
  });

  it("invalidates everything on resync and ignores heartbeats", () => {
    const { queryClient, running } = seeded();
    applyServerEvent(queryClient, event("heartbeat", null, null));
    expect(queryClient.getQueryState(jobKeys.detail(running.job_id))?.isInvalidated).toBe(false);
    applyServerEvent(queryClient, event("resync", null, null));
    expect(queryClient.getQueryState(jobKeys.detail(running.job_id))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(videoKeys.count())?.isInvalidated).toBe(true);
  });
});
