/**
 * Reading `progress_detail` and `result`.
 *
 * The schema types both as free-form JSON (each job type fills them its own
 * way), so the GUI reads the fields it knows defensively instead of trusting
 * a cast: a missing or mistyped field just is not shown.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function num(record: Record<string, unknown>, key: string): number | null {
  const value = record[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function str(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === "string" ? value : null;
}

/** What the GUI shows of a running job's `progress_detail`. */
export interface ProgressInfo {
  processed: number | null;
  total: number | null;
  current: string | null;
  filesPerS: number | null;
  etaS: number | null;
}

export function readProgress(detail: unknown): ProgressInfo {
  const record = isRecord(detail) ? detail : {};
  return {
    processed: num(record, "processed"),
    total: num(record, "total"),
    current: str(record, "current"),
    filesPerS: num(record, "files_per_s"),
    etaS: num(record, "eta_s"),
  };
}

/** A scan's counts (`result` of a `scan` job, complete or cancelled). */
export interface ScanSummary {
  scanned: number;
  new: number;
  updated: number;
  skipped: number;
  missing: number;
  errors: { path: string; error: string }[];
}

/** The scan counts in `result`, or null when `result` is not a scan result. */
export function readScanSummary(result: unknown): ScanSummary | null {
  if (!isRecord(result)) return null;
  const counts = ["new", "updated", "skipped", "missing"].map((key) => num(result, key));
  if (counts.every((count) => count === null)) return null;
  const errors = Array.isArray(result.errors)
    ? result.errors.filter(isRecord).map((entry) => ({
        path: str(entry, "path") ?? "",
        error: str(entry, "error") ?? "",
      }))
    : [];
  return {
    scanned: num(result, "scanned") ?? 0,
    new: num(result, "new") ?? 0,
    updated: num(result, "updated") ?? 0,
    skipped: num(result, "skipped") ?? 0,
    missing: num(result, "missing") ?? 0,
    errors,
  };
}

/** A one-line description of any other job's result. */
export function describeResult(result: unknown): string | null {
  if (result === null || result === undefined) return null;
  if (typeof result === "string") return result;
  const text = JSON.stringify(result);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
