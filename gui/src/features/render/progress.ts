/**
 * Reading a `render` job's `progress_detail` and `result` (SPEC §10).
 *
 * The job API types both as free-form JSON (they are per job type), so they
 * are read defensively: a field that is missing or not a number is not shown.
 */
import { isRecord, numberField as num, stringField } from "../../lib/json";

export interface RenderProgress {
  frame: number | null;
  fps: number | null;
  speed: number | null;
  outTimeS: number | null;
  totalS: number | null;
  etaS: number | null;
}

export function readRenderProgress(detail: unknown): RenderProgress {
  const record = isRecord(detail) ? detail : {};
  return {
    frame: num(record, "frame"),
    fps: num(record, "fps"),
    speed: num(record, "speed"),
    outTimeS: num(record, "out_time_s"),
    totalS: num(record, "total_s"),
    etaS: num(record, "eta_s"),
  };
}

export interface RenderResult {
  outputPath: string | null;
  durationS: number | null;
  frames: number | null;
  sizeBytes: number | null;
}

export function readRenderResult(result: unknown): RenderResult | null {
  if (!isRecord(result)) return null;
  return {
    outputPath: stringField(result, "output_path"),
    durationS: num(result, "duration_s"),
    frames: num(result, "frames"),
    sizeBytes: num(result, "size_bytes"),
  };
}

/** The project a render job renders (its payload's `project_id`). */
export function renderedProject(payload: unknown): string | null {
  return isRecord(payload) ? stringField(payload, "project_id") : null;
}

/** `1.96` → `1.96×` (ffmpeg's speed, output seconds per wall-clock second). */
export function formatSpeed(speed: number | null): string {
  return speed === null ? "—" : `${speed >= 10 ? speed.toFixed(0) : speed.toFixed(2)}×`;
}
