/**
 * Reading free-form JSON fields (a job's `progress_detail`, `result`,
 * `payload`; a JSON Schema) without trusting their shape: a missing or
 * mistyped field reads as null.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `record[key]` when it is a finite number, else null. */
export function numberField(record: Record<string, unknown>, key: string): number | null {
  const value = record[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** `record[key]` when it is a string, else null. */
export function stringField(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === "string" ? value : null;
}
