import type { JobStatus } from "../../api/types";
import { assertNever } from "../../lib/assertNever";

/**
 * Whether a job has finished for good.
 *
 * An exhaustive switch over the generated `JobStatus`: a status the server
 * adds breaks the build here, and a status it never sends cannot be named.
 */
export function isTerminal(status: JobStatus): boolean {
  switch (status) {
    case "pending":
    case "running":
      return false;
    case "complete":
    case "failed":
    case "timeout":
    case "cancelled":
      return true;
    default:
      return assertNever(status);
  }
}

/** Pending and running jobs can still be cancelled. */
export function isActive(status: JobStatus): boolean {
  return !isTerminal(status);
}

/**
 * Every status, in lifecycle order, for filters and counts. `satisfies`
 * makes the object list each member exactly once, so the array is complete.
 */
const STATUS_ORDER = {
  pending: 0,
  running: 1,
  complete: 2,
  failed: 3,
  timeout: 4,
  cancelled: 5,
} as const satisfies Record<JobStatus, number>;

export const ALL_JOB_STATUSES: readonly JobStatus[] = (Object.keys(STATUS_ORDER) as JobStatus[]).sort(
  (a, b) => STATUS_ORDER[a] - STATUS_ORDER[b],
);
