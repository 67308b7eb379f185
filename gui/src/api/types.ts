/**
 * Names for the generated API types the GUI uses.
 *
 * Nothing here describes a response by hand: every alias points into
 * `schema.gen.ts`, which `npm run gen:api` makes from the server's OpenAPI
 * schema. When the server changes a field, these names change with it and
 * the compiler shows every place that needs to follow.
 */
import type { components, paths } from "./schema.gen";

type Json<R> = R extends { content: { "application/json": infer T } } ? T : never;

/** The one job status union. Only the server's schema may define it. */
export type JobStatus = components["schemas"]["JobStatus"];

/** A job as `GET /api/v1/jobs/{job_id}` returns it (`JobStatusResponse`: `ScanJob | GenericJob`). */
export type Job = Json<paths["/api/v1/jobs/{job_id}"]["get"]["responses"][200]>;
export type ScanJob = components["schemas"]["ScanJob"];
export type ScanProgress = components["schemas"]["ScanProgress"];
export type ScanResult = components["schemas"]["ScanResultOut"];
export type JobList = Json<paths["/api/v1/jobs"]["get"]["responses"][200]>;
export type JobListQuery = NonNullable<paths["/api/v1/jobs"]["get"]["parameters"]["query"]>;

export type VideoPage = Json<paths["/api/v1/videos"]["get"]["responses"][200]>;
export type Video = VideoPage["videos"][number];
export type VideoListQuery = NonNullable<paths["/api/v1/videos"]["get"]["parameters"]["query"]>;
export type VideoSort = NonNullable<VideoListQuery["sort"]>;
export type SortOrder = NonNullable<VideoListQuery["order"]>;
export type MediaType = NonNullable<VideoListQuery["media_type"]>;

export type ScanRequest = Json<NonNullable<paths["/api/v1/videos/scan"]["post"]["requestBody"]>>;
export type ScanAccepted = Json<paths["/api/v1/videos/scan"]["post"]["responses"][202]>;

export type Readiness = Json<paths["/health/ready"]["get"]["responses"][200]>;

export type ProjectPage = Json<paths["/api/v1/projects"]["get"]["responses"][200]>;
export type ProjectSummary = components["schemas"]["ProjectSummary"];
export type ProjectCreate = components["schemas"]["ProjectCreate"];
export type Project = components["schemas"]["ProjectOut"];
export type Track = components["schemas"]["TrackOut"];
export type Clip = components["schemas"]["ClipOut"];
export type ClipCreate = components["schemas"]["ClipCreate"];
export type ClipEffect = components["schemas"]["ClipEffectOut"];
export type ProjectTransition = components["schemas"]["ProjectTransitionOut"];
export type Timeline = components["schemas"]["TimelineOut"];
export type TimelineClip = components["schemas"]["TimelineClipOut"];
export type TimelineTransition = components["schemas"]["TimelineTransitionOut"];
export type ProjectHistory = components["schemas"]["HistoryOut"];
export type ProjectChanged = components["schemas"]["ProjectChanged"];
