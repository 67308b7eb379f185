import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Job, JobList } from "../../api/types";
import { EventRegistry } from "../../lib/events/registry";
import type { ServerEvent } from "../../lib/events/types";
import { makeJob, runningScan } from "../../test/fixtures";
import { jobKeys } from "./cache";
import { JOB_EVENT_TYPES, registerJobEvents } from "./events";

function event(type: string, payload: unknown, eventId = 1): ServerEvent {
  return { event_id: eventId, type, payload, timestamp: "2025-01-01T00:00:00Z" } as ServerEvent;
}

function seeded() {
  const queryClient = new QueryClient();
  const running = runningScan();
  const other = makeJob({ status: "complete" });
  queryClient.setQueryData<JobList>(jobKeys.list({ limit: 100 }), { jobs: [running, other] });
  queryClient.setQueryData<JobList>(jobKeys.list({ limit: 100, status: "running" }), { jobs: [running] });
  queryClient.setQueryData<Job>(jobKeys.detail(running.job_id), running);
  const registry = new EventRegistry();
  registerJobEvents(registry);
  const apply = (e: ServerEvent) => registry.dispatch(e, queryClient);
  return { queryClient, running, apply, registry };
}

describe("job events", () => {
  it("handles every job event type the server has", () => {
    expect(new Set(JOB_EVENT_TYPES)).toEqual(
      new Set(["job.created", "job.started", "job.progress", "job.cancel_requested", "job.completed", "job.failed", "job.timeout", "job.cancelled"]),
    );
  });

  it("writes job payloads into the detail and list caches", () => {
    const { queryClient, running, apply } = seeded();
    apply(event("job.progress", { ...running, progress: 0.75 }));
    expect(queryClient.getQueryData<Job>(jobKeys.detail(running.job_id))?.progress).toBe(0.75);
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100 }))?.jobs[0]?.progress).toBe(0.75);
  });

  it("moves a job out of lists whose status filter it no longer matches", () => {
    const { queryClient, running, apply } = seeded();
    apply(event("job.completed", { ...running, status: "complete" }));
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100, status: "running" }))?.jobs).toEqual([]);
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100 }))?.jobs[0]?.status).toBe("complete");
  });

  it("prepends new jobs to lists they belong to", () => {
    const { queryClient, apply } = seeded();
    const fresh = makeJob({ status: "pending" });
    apply(event("job.created", fresh));
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100 }))?.jobs[0]).toEqual(fresh);
    expect(queryClient.getQueryData<JobList>(jobKeys.list({ limit: 100, status: "running" }))?.jobs).toHaveLength(1);
  });

  it("never turns a finished job back into a running one", () => {
    const { queryClient, running, apply } = seeded();
    apply(event("job.cancelled", { ...running, status: "cancelled" }, 2));
    apply(event("job.progress", running, 3));
    expect(queryClient.getQueryData<Job>(jobKeys.detail(running.job_id))?.status).toBe("cancelled");
  });

  it("refetches the jobs for a payload that is not a job, and after a gap", () => {
    const { queryClient, running, apply } = seeded();
    apply(event("job.progress", { nonsense: true }));
    expect(queryClient.getQueryState(jobKeys.detail(running.job_id))?.isInvalidated).toBe(true);
    const again = seeded();
    again.registry.refreshAfterGap(again.queryClient);
    expect(again.queryClient.getQueryState(jobKeys.detail(again.running.job_id))?.isInvalidated).toBe(true);
  });
});
