import type { Job } from "../../api/types";
import type { EventRegistry } from "../../lib/events/registry";
import type { EventType } from "../../lib/events/types";
import { applyJobUpdate, jobKeys } from "./cache";

export type JobEventType = Extract<EventType, `job.${string}`>;

/** Every job event type, once: `satisfies` fails the build when the server adds one. */
const JOB_EVENTS = {
  "job.created": true,
  "job.started": true,
  "job.progress": true,
  "job.cancel_requested": true,
  "job.completed": true,
  "job.failed": true,
  "job.timeout": true,
  "job.cancelled": true,
} as const satisfies Record<JobEventType, true>;

export const JOB_EVENT_TYPES = Object.keys(JOB_EVENTS) as JobEventType[];

/** Event types that mean a job has ended. */
export const JOB_TERMINAL_EVENT_TYPES = [
  "job.completed",
  "job.failed",
  "job.timeout",
  "job.cancelled",
] as const satisfies readonly JobEventType[];

function isJob(value: unknown): value is Job {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.job_id === "string" && typeof record.status === "string" && typeof record.job_type === "string";
}

/**
 * Job events carry the whole job, so it is written straight into the cache
 * (no refetch per progress tick); a payload that is not a job makes the job
 * queries refetch instead.
 */
export function registerJobEvents(registry: EventRegistry): void {
  registry.on(JOB_EVENT_TYPES, (event, queryClient) => {
    if (isJob(event.payload)) applyJobUpdate(queryClient, event.payload);
    else void queryClient.invalidateQueries({ queryKey: jobKeys.all });
  });
  registry.onGap((queryClient) => void queryClient.invalidateQueries({ queryKey: jobKeys.all }));
}
