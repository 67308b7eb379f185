/**
 * Reading `progress_detail` and `result`.
 *
 * The schema types both per job type: a `scan` job's are `ScanProgress` and
 * `ScanResultOut`; any other type's are free-form JSON. Progress is read
 * defensively because the jobs page shows every type's: a missing or
 * mistyped field just is not shown.
 */
import type { Job, ScanJob, ScanResult } from "../../api/types";
import { isRecord, numberField as num, stringField as str } from "../../lib/json";


/** What the GUI shows of a running job's `progress_detail`. */
export interface ProgressInfo {
  processed: number | null;
  total: number | null;
  current: string | null;
  filesPerS: number | null;
  etaS: number | null;
  /** A render's encoding rate (frames per second) and speed (output seconds per second). */
  fps: number | null;
  speed: number | null;
}

export function readProgress(detail: unknown): ProgressInfo {
  const record = isRecord(detail) ? detail : {};
  return {
    processed: num(record, "processed"),
    total: num(record, "total"),
    current: str(record, "current"),
    filesPerS: num(record, "files_per_s"),
    etaS: num(record, "eta_s"),
    fps: num(record, "fps"),
    speed: num(record, "speed"),
  };
}

/** A scan's counts (`result` of a `scan` job, complete or cancelled). */
export type ScanSummary = ScanResult;

/** Narrows a job to a `scan` job, whose detail and result the schema types. */
export function isScanJob(job: Job): job is ScanJob {
  return job.job_type === "scan";
}

/** The scan counts of a job, or null when it is not a scan or has no result yet. */
export function readScanSummary(job: Job): ScanSummary | null {
  return isScanJob(job) ? (job.result ?? null) : null;
}

/** A one-line description of any other job's result. */
export function describeResult(result: unknown): string | null {
  if (result === null || result === undefined) return null;
  if (typeof result === "string") return result;
  const text = JSON.stringify(result);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
