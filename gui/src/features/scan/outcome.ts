import type { Job } from "../../api/types";
import { assertNever } from "../../lib/assertNever";
import { readScanSummary, type ScanSummary } from "../jobs/progress";

export type ScanOutcome =
  | { state: "complete"; summary: ScanSummary | null }
  | { state: "cancelled"; summary: ScanSummary | null }
  | { state: "error"; message: string };

/**
 * How a scan job ended, or null while it still runs.
 *
 * Exhaustive over the generated `JobStatus`: every status maps to exactly one
 * of the three end states the modal can show, or to "still running".
 */
export function scanOutcome(job: Job): ScanOutcome | null {
  const status = job.status;
  switch (status) {
    case "pending":
    case "running":
      return null;
    case "complete":
      return { state: "complete", summary: readScanSummary(job) };
    case "cancelled":
      return { state: "cancelled", summary: readScanSummary(job) };
    case "failed":
      return { state: "error", message: job.error || "The scan failed." };
    case "timeout":
      return { state: "error", message: job.error || "The scan took too long and was stopped (timeout)." };
    default:
      return assertNever(status);
  }
}
