/**
 * An in-memory stand-in for the project routes, for component tests.
 *
 * It keeps one project document, derives its timeline the way the server does
 * (main-track clips back to back, each transition pulling the later clips
 * `duration` frames earlier; audio-track clips where they were placed), checks
 * `If-Match` on every change (412 `VERSION_CONFLICT` when stale) and counts
 * versions. `changeElsewhere()` plays another client editing the project.
 */
import { http, HttpResponse } from "msw";
import type { Clip, ClipCreate, Project, Timeline } from "../api/types";
import { makeVideo } from "./fixtures";
import { server } from "./server";

export const MAIN_TRACK = "t".repeat(32);
export const FPS = 30;

export function makeClip(id: string, sourceVideoId: string, overrides: Partial<Clip> = {}): Clip {
  const clip: Clip = {
    id,
    track_id: MAIN_TRACK,
    source_video_id: sourceVideoId,
    source_missing: false,
    source_frames: 90,
    in_point: 0,
    out_point: 60,
    index: 0,
    timeline_position: 0,
    duration: 60,
    in_point_s: 0,
    out_point_s: 2,
    timeline_position_s: 0,
    duration_s: 2,
    effects: [],
    ...overrides,
  };
  return clip;
}

export function makeProject(clips: Clip[], overrides: Partial<Project> = {}): Project {
  return derive({
    id: "p".repeat(32),
    name: "Holiday cut",
    output_width: 1920,
    output_height: 1080,
    output_fps: FPS,
    sample_rate: 48_000,
    version: 3,
    duration_frames: 0,
    duration_s: 0,
    created_at: "2025-01-01T10:00:00Z",
    updated_at: "2025-01-01T10:05:00Z",
    tracks: [{ id: MAIN_TRACK, kind: "video", name: "V1", volume_db: 0, muted: false, main: true }],
    clips,
    transitions: [],
    ...overrides,
  });
}

/** An audio track for `makeProject({ tracks: [...MAIN, audioTrack(id)] })`. */
export function audioTrack(id: string, name = "A1") {
  return { id, kind: "audio" as const, name, volume_db: 0, muted: false, main: false };
}

/** Positions, durations and the project's length, from in/out points, order and transitions. */
function derive(project: Project): Project {
  let at = 0;
  let mainIndex = 0;
  const clips = project.clips.map((clip) => {
    const duration = clip.out_point - clip.in_point;
    const times = { duration, in_point_s: clip.in_point / FPS, out_point_s: clip.out_point / FPS, duration_s: duration / FPS };
    if (clip.track_id !== MAIN_TRACK) return { ...clip, ...times, index: null, timeline_position_s: clip.timeline_position / FPS };
    at -= project.transitions.find((transition) => transition.to_clip_id === clip.id)?.duration ?? 0;
    const placed = { ...clip, ...times, index: mainIndex, timeline_position: at, timeline_position_s: at / FPS };
    mainIndex += 1;
    at += duration;
    return placed;
  });
  return { ...project, clips, duration_frames: at, duration_s: at / FPS };
}

function timelineOf(project: Project): Timeline {
  const span = (clip: Clip) => ({
    clip_id: clip.id,
    start_frame: clip.timeline_position,
    end_frame: clip.timeline_position + clip.duration,
    start_s: clip.timeline_position / FPS,
    end_s: (clip.timeline_position + clip.duration) / FPS,
  });
  return {
    tracks: project.tracks.map((track) => ({
      track_id: track.id,
      kind: track.kind,
      clips: project.clips.filter((clip) => clip.track_id === track.id).map(span),
    })),
    transitions: project.transitions.flatMap((transition) => {
      const to = project.clips.find((clip) => clip.id === transition.to_clip_id);
      if (!to) return [];
      const end = to.timeline_position + transition.duration;
      return [
        {
          transition_id: transition.id,
          from_clip_id: transition.from_clip_id,
          to_clip_id: transition.to_clip_id,
          start_frame: to.timeline_position,
          end_frame: end,
          start_s: to.timeline_position / FPS,
          end_s: end / FPS,
        },
      ];
    }),
    duration_frames: project.duration_frames,
    duration_s: project.duration_s,
  };
}

export interface Change {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

export function projectServer(initial: Project) {
  let project = initial;
  const undo: Project[] = [];
  const redo: Project[] = [];
  const changes: Change[] = [];
  let added = 0;
  const base = `/api/v1/projects/${initial.id}`;

  function commit(next: Project) {
    undo.push(project);
    project = derive({ ...next, version: project.version + 1 });
  }

  function stale(request: Request): Response | null {
    const ifMatch = request.headers.get("If-Match");
    if (ifMatch === null || ifMatch === String(project.version)) return null;
    return HttpResponse.json(
      { detail: { code: "VERSION_CONFLICT", message: `the project is at version ${project.version}`, current_version: project.version } },
      { status: 412 },
    );
  }

  /** Undo moves the current version onto the redo stack and back; redo the other way round. */
  async function historyStep(request: Request, step: "undo" | "redo"): Promise<Response> {
    const refused = stale(request);
    await record(request, step);
    if (refused) return refused;
    const [from, to] = step === "undo" ? [undo, redo] : [redo, undo];
    const target = from.pop();
    if (!target) {
      const code = step === "undo" ? "NOTHING_TO_UNDO" : "NOTHING_TO_REDO";
      return HttpResponse.json({ detail: { code, message: `nothing to ${step}` } }, { status: 409 });
    }
    to.push(project);
    project = derive({ ...target, version: project.version + 1 });
    return HttpResponse.json(project);
  }

  async function record(request: Request, path: string) {
    const text = await request.text();
    changes.push({ method: request.method, path, ifMatch: request.headers.get("If-Match"), body: text ? (JSON.parse(text) as unknown) : null });
  }

  server.use(
    http.get(base, () => HttpResponse.json(project)),
    http.get(`${base}/timeline`, () => HttpResponse.json(timelineOf(project))),
    http.get(`${base}/history`, () =>
      HttpResponse.json({
        version: project.version,
        versions: [{ version: project.version, created_at: project.updated_at, summary: "edit" }],
        total: project.version,
        can_undo: undo.length > 0,
        can_redo: redo.length > 0,
      }),
    ),
    http.get(`${base}/frame`, () => new HttpResponse(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]).buffer, { headers: { "Content-Type": "image/jpeg" } })),
    http.get("/api/v1/videos/:id", ({ params }) => HttpResponse.json(makeVideo({ id: String(params.id), filename: `${String(params.id)}.mp4` }))),
    http.get("/api/v1/effects", () => HttpResponse.json({ effects: [] })),
    http.patch(`${base}/clips/:clipId`, async ({ request, params }) => {
      const refused = stale(request);
      await record(request, `clips/${String(params.clipId)}`);
      if (refused) return refused;
      const body = changes.at(-1)?.body as Partial<Clip>;
      const clips = project.clips.map((clip) => (clip.id === params.clipId ? { ...clip, ...body } : clip));
      if (typeof body.index === "number") {
        const moving = clips.find((clip) => clip.id === params.clipId);
        const rest = clips.filter((clip) => clip.id !== params.clipId);
        if (moving) rest.splice(body.index, 0, moving);
        commit({ ...project, clips: rest });
      } else {
        commit({ ...project, clips });
      }
      redo.length = 0;
      return HttpResponse.json(project.clips.find((clip) => clip.id === params.clipId), { headers: { ETag: `"${project.version}"` } });
    }),
    http.delete(`${base}/clips/:clipId`, async ({ request, params }) => {
      const refused = stale(request);
      await record(request, `clips/${String(params.clipId)}`);
      if (refused) return refused;
      commit({ ...project, clips: project.clips.filter((clip) => clip.id !== params.clipId) });
      return new HttpResponse(null, { status: 204 });
    }),
    http.post(`${base}/clips`, async ({ request }) => {
      const refused = stale(request);
      await record(request, "clips");
      if (refused) return refused;
      const body = changes.at(-1)?.body as ClipCreate;
      added += 1;
      const clip = makeClip(`added-${added}`.padEnd(32, "0"), body.source_video_id, {
        track_id: body.track_id ?? MAIN_TRACK,
        in_point: body.in_point,
        out_point: body.out_point,
        timeline_position: body.timeline_position ?? 0,
      });
      commit({ ...project, clips: [...project.clips, clip] });
      redo.length = 0;
      return HttpResponse.json(
        project.clips.find((item) => item.id === clip.id),
        { status: 201, headers: { ETag: `"${project.version}"` } },
      );
    }),
    http.post(`${base}/redo`, ({ request }) => historyStep(request, "redo")),
    http.post(`${base}/undo`, ({ request }) => historyStep(request, "undo")),
  );

  return {
    changes,
    current: () => project,
    /** Another client's edit: a new version the page has not seen. */
    changeElsewhere(edit: (project: Project) => Project) {
      commit(edit(project));
    },
  };
}
