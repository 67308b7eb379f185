import type { Job, ScanResult, Video } from "../api/types";

let counter = 0;

export function makeJob(overrides: Partial<Job> = {}): Job {
  counter += 1;
  return {
    job_id: `job-${String(counter).padStart(4, "0")}-0000-0000`,
    job_type: "scan",
    status: "pending",
    progress: null,
    progress_detail: null,
    result: null,
    error: null,
    cancel_requested: false,
    created_at: "2025-01-01T10:00:00Z",
    started_at: null,
    finished_at: null,
    ...overrides,
  };
}

export function runningScan(overrides: Partial<Job> = {}, processed = 40, total = 100): Job {
  return makeJob({
    status: "running",
    started_at: "2025-01-01T10:00:01Z",
    progress: processed / total,
    progress_detail: { processed, total, current: "/videos/clip-041.mp4", files_per_s: 12.5, eta_s: 65 },
    ...overrides,
  });
}

export function scanResult(overrides: Partial<ScanResult> = {}): ScanResult {
  return { scanned: 10, new: 6, updated: 2, skipped: 1, missing: 0, errors: [{ path: "/videos/bad.mp4", error: "Invalid data found" }], ...overrides };
}

export function makeVideo(overrides: Partial<Video> = {}): Video {
  counter += 1;
  const id = `vid-${counter}`;
  return {
    id,
    path: `/videos/${id}.mp4`,
    filename: `${id}.mp4`,
    media_type: "video",
    duration_seconds: 83.4,
    duration_frames: 2502,
    frame_rate_numerator: 30,
    frame_rate_denominator: 1,
    width: 1920,
    height: 1080,
    video_codec: "h264",
    audio_codec: "aac",
    audio_channels: 2,
    audio_sample_rate: 48_000,
    container: "mp4",
    bit_rate: 4_000_000,
    file_size: 41_700_000,
    file_mtime: "2024-12-31T09:00:00Z",
    thumbnail_url: `/api/v1/videos/${id}/thumbnail`,
    created_at: "2025-01-01T10:00:00Z",
    updated_at: "2025-01-01T10:00:00Z",
    missing: false,
    ...overrides,
  };
}

/** A `/ws` event envelope. */
export function jobEvent(type: string, job: Job, eventId: number) {
  return { event_id: eventId, type, payload: job, timestamp: new Date().toISOString() };
}
