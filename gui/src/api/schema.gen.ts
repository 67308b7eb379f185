/**
 * GENERATED FILE: do not edit by hand.
 *
 * Made by `npm run gen:api` (gui/scripts/api-types.mjs) with openapi-typescript
 * from the server's OpenAPI schema (`uv run stoat-ferret openapi`).
 * `npm run check:api` fails when this file no longer matches the server.
 */

export interface paths {
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Jobs
         * @description Jobs newest first.
         */
        get: operations["list_jobs_api_v1_jobs_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Job */
        get: operations["get_job_api_v1_jobs__job_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel Job
         * @description Pending jobs end ``cancelled`` at once; running jobs get ``cancel_requested``.
         */
        post: operations["cancel_job_api_v1_jobs__job_id__cancel_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{job_id}/wait": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Wait For Job
         * @description Return once the job is terminal, or its current state after ``timeout`` seconds.
         */
        get: operations["wait_for_job_api_v1_jobs__job_id__wait_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Projects
         * @description Projects, newest first, without their tracks and clips.
         */
        get: operations["projects-list"];
        put?: never;
        /**
         * Create Project
         * @description A new project with one empty video track, the magnetic main track ``V1``.
         */
        post: operations["projects-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Project */
        get: operations["projects-get"];
        put?: never;
        post?: never;
        /** Delete Project */
        delete: operations["projects-delete"];
        options?: never;
        head?: never;
        /**
         * Update Project
         * @description Rename or change the output settings (the frame rate only while there are no clips).
         */
        patch: operations["projects-update"];
        trace?: never;
    };
    "/api/v1/projects/{project_id}/clips": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Clips
         * @description Clips in timeline order: the main track's, then each audio track's by position.
         */
        get: operations["projects-clips-list"];
        put?: never;
        /**
         * Add Clip
         * @description Add a clip of a library video: appended to the main track unless placed otherwise.
         */
        post: operations["projects-clips-add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/clips/{clip_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete Clip
         * @description Remove a clip with its transitions; later main-track clips move back.
         */
        delete: operations["projects-clips-delete"];
        options?: never;
        head?: never;
        /**
         * Update Clip
         * @description Trim (``in_point``/``out_point``) or move (``index`` on V1, else ``timeline_position``).
         */
        patch: operations["projects-clips-update"];
        trace?: never;
    };
    "/api/v1/projects/{project_id}/clips/{clip_id}/effects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Effect
         * @description Append an effect; parameters are checked against the effect's JSON Schema.
         */
        post: operations["projects-effects-add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/clips/{clip_id}/effects/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete Effect */
        delete: operations["projects-effects-delete"];
        options?: never;
        head?: never;
        /** Update Effect */
        patch: operations["projects-effects-update"];
        trace?: never;
    };
    "/api/v1/projects/{project_id}/edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply Edits
         * @description Apply every operation, all or nothing, as one version.
         */
        post: operations["projects-edits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get History
         * @description Every version, newest first: its number, time and a one-line summary.
         */
        get: operations["projects-history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/redo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redo
         * @description Make the last undone edit again (until a new edit clears what can be redone).
         */
        post: operations["projects-redo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore
         * @description Make a past version's document current, as a new version.
         */
        post: operations["projects-restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Timeline
         * @description Where every clip and transition plays in the output, derived from the document.
         */
        get: operations["projects-timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/tracks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Track
         * @description Add an audio track (the main video track exists from the start).
         */
        post: operations["projects-tracks-add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/tracks/{track_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete Track
         * @description Remove an audio track with its clips; the main track cannot be removed (409).
         */
        delete: operations["projects-tracks-delete"];
        options?: never;
        head?: never;
        /** Update Track */
        patch: operations["projects-tracks-update"];
        trace?: never;
    };
    "/api/v1/projects/{project_id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Transition
         * @description Join two consecutive main-track clips; the later clips start ``duration`` earlier.
         */
        post: operations["projects-transitions-add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/transitions/{transition_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete Transition
         * @description Remove a transition; the later clips move back by its duration.
         */
        delete: operations["projects-transitions-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo
         * @description Step back over the last edit; the project gets a new version with that document.
         */
        post: operations["projects-undo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Videos */
        get: operations["list_videos_api_v1_videos_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Scan
         * @description Queue a ``scan`` job for a folder; the path is validated before answering.
         */
        post: operations["scan_api_v1_videos_scan_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Videos
         * @description Substring match over filename and path; every word must match.
         */
        get: operations["search_videos_api_v1_videos_search_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Video */
        get: operations["get_video_api_v1_videos__video_id__get"];
        put?: never;
        post?: never;
        /** Delete Video */
        delete: operations["delete_video_api_v1_videos__video_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/videos/{video_id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Thumbnail */
        get: operations["get_thumbnail_api_v1_videos__video_id__thumbnail_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live */
        get: operations["live_health_live_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready */
        get: operations["ready_health_ready_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metrics */
        get: operations["metrics_metrics_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AddClip */
        AddClip: {
            /**
             * In Point
             * @description Frames at output_fps.
             */
            in_point: number;
            /**
             * Index
             * @description Main track only.
             */
            index?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "add_clip";
            /**
             * Out Point
             * @description Frames at output_fps.
             */
            out_point: number;
            /**
             * Source Video Id
             * @description A library video id.
             */
            source_video_id: string;
            /**
             * Timeline Position
             * @description Audio tracks only.
             */
            timeline_position?: number | null;
            /**
             * Track Id
             * @description Default: the main track.
             */
            track_id?: string | null;
        };
        /** AddEffect */
        AddEffect: {
            /**
             * Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            clip_id: string;
            /** Effect Type */
            effect_type: string;
            /**
             * End
             * @description End frame (exclusive) within the clip.
             */
            end?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "add_effect";
            /** Parameters */
            parameters?: {
                [key: string]: unknown;
            };
            /**
             * Start
             * @description First frame within the clip.
             */
            start?: number | null;
        };
        /** AddTrack */
        AddTrack: {
            /**
             * Muted
             * @default false
             */
            muted: boolean;
            /**
             * Name
             * @description Default: A1, A2, ...
             */
            name?: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "add_track";
            /**
             * Volume Db
             * @default 0
             */
            volume_db: number;
        };
        /** AddTransition */
        AddTransition: {
            /**
             * Audio Curve
             * @default tri
             */
            audio_curve: string;
            /** Duration */
            duration: number;
            /**
             * From Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            from_clip_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "add_transition";
            /**
             * To Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            to_clip_id: string;
            /**
             * Transition
             * @default fade
             */
            transition: string;
        };
        /** Check */
        Check: {
            /** Detail */
            detail: string;
            /** Ok */
            ok: boolean;
        };
        /** ClipCreate */
        ClipCreate: {
            /**
             * In Point
             * @description Frames at output_fps.
             */
            in_point: number;
            /**
             * Index
             * @description Main track only.
             */
            index?: number | null;
            /**
             * Out Point
             * @description Frames at output_fps.
             */
            out_point: number;
            /**
             * Source Video Id
             * @description A library video id.
             */
            source_video_id: string;
            /**
             * Timeline Position
             * @description Audio tracks only.
             */
            timeline_position?: number | null;
            /**
             * Track Id
             * @description Default: the main track.
             */
            track_id?: string | null;
        };
        /** ClipList */
        ClipList: {
            /** Clips */
            clips: components["schemas"]["ClipOut"][];
        };
        /** ClipOut */
        ClipOut: {
            /**
             * Duration
             * @description Its length on the timeline (speed effects included).
             */
            duration: number;
            /** Duration S */
            duration_s: number;
            /** Effects */
            effects: components["schemas"]["EffectOut"][];
            /** Id */
            id: string;
            /** In Point */
            in_point: number;
            /** In Point S */
            in_point_s: number;
            /**
             * Index
             * @description Its place on the main track (null on audio tracks).
             */
            index: number | null;
            /** Out Point */
            out_point: number;
            /** Out Point S */
            out_point_s: number;
            /**
             * Source Frames
             * @description The source's length in project frames.
             */
            source_frames: number;
            /**
             * Source Missing
             * @description The source's file was not found by the last scan.
             */
            source_missing: boolean;
            /** Source Video Id */
            source_video_id: string;
            /**
             * Timeline Position
             * @description Where it starts in the output (derived on V1).
             */
            timeline_position: number;
            /** Timeline Position S */
            timeline_position_s: number;
            /** Track Id */
            track_id: string;
        };
        /** ClipUpdate */
        ClipUpdate: {
            /** In Point */
            in_point?: number | null;
            /**
             * Index
             * @description Main track only.
             */
            index?: number | null;
            /** Out Point */
            out_point?: number | null;
            /**
             * Timeline Position
             * @description Audio tracks only.
             */
            timeline_position?: number | null;
        };
        /** EditBatch */
        EditBatch: {
            /**
             * Expected Version
             * @description As If-Match: refused with 412 when stale.
             */
            expected_version?: number | null;
            /** Operations */
            operations: (components["schemas"]["AddClip"] | components["schemas"]["UpdateClip"] | components["schemas"]["RemoveClip"] | components["schemas"]["AddEffect"] | components["schemas"]["UpdateEffect"] | components["schemas"]["RemoveEffect"] | components["schemas"]["AddTransition"] | components["schemas"]["RemoveTransition"] | components["schemas"]["AddTrack"] | components["schemas"]["UpdateTrack"] | components["schemas"]["RemoveTrack"] | components["schemas"]["UpdateProject"])[];
        };
        /**
         * EditsResult
         * @description A batch's answer: the project after it, and what each operation created.
         */
        EditsResult: {
            /**
             * Created Ids
             * @description Per operation, the id of the track, clip or transition it made (or null).
             */
            created_ids: (string | null)[];
            project: components["schemas"]["ProjectOut"];
        };
        /** EffectCreate */
        EffectCreate: {
            /** Effect Type */
            effect_type: string;
            /**
             * End
             * @description End frame (exclusive) within the clip.
             */
            end?: number | null;
            /** Parameters */
            parameters?: {
                [key: string]: unknown;
            };
            /**
             * Start
             * @description First frame within the clip.
             */
            start?: number | null;
        };
        /** EffectOut */
        EffectOut: {
            /** Effect Type */
            effect_type: string;
            /** End */
            end: number | null;
            /** End S */
            end_s: number | null;
            /**
             * Index
             * @description Its place in the clip's filter order.
             */
            index: number;
            /** Parameters */
            parameters: {
                [key: string]: unknown;
            };
            /** Start */
            start: number | null;
            /** Start S */
            start_s: number | null;
        };
        /**
         * EffectUpdate
         * @description Fields left out keep their value; ``start``/``end`` sent as null remove the window.
         */
        EffectUpdate: {
            /** Effect Type */
            effect_type?: string | null;
            /** End */
            end?: number | null;
            /** Parameters */
            parameters?: {
                [key: string]: unknown;
            } | null;
            /** Start */
            start?: number | null;
        };
        /** ErrorDetail */
        ErrorDetail: {
            /**
             * Code
             * @example NOT_FOUND
             */
            code: string;
            /** Message */
            message: string;
        };
        /** ErrorResponse */
        ErrorResponse: {
            detail: components["schemas"]["ErrorDetail"];
        };
        /**
         * FieldError
         * @description One invalid parameter or body field of a ``VALIDATION_ERROR``.
         */
        FieldError: {
            /**
             * Loc
             * @example [
             *       "query",
             *       "limit"
             *     ]
             */
            loc: (string | number)[];
            /** Msg */
            msg: string;
            /** Type */
            type: string;
        };
        /**
         * HistoryOut
         * @description The versions newest first; ``can_undo``/``can_redo`` say what undo and redo would do.
         */
        HistoryOut: {
            /** Can Redo */
            can_redo: boolean;
            /** Can Undo */
            can_undo: boolean;
            /** Total */
            total: number;
            /**
             * Version
             * @description The current version.
             */
            version: number;
            /** Versions */
            versions: components["schemas"]["VersionOut"][];
        };
        /** JobList */
        JobList: {
            /** Jobs */
            jobs: components["schemas"]["JobStatusResponse"][];
        };
        /**
         * JobStatus
         * @enum {string}
         */
        JobStatus: "pending" | "running" | "complete" | "failed" | "timeout" | "cancelled";
        /**
         * JobStatusResponse
         * @description Every field of a job; ``progress`` is 0.0-1.0 (null until the handler reports).
         */
        JobStatusResponse: {
            /** Cancel Requested */
            cancel_requested: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Error */
            error?: string | null;
            /** Finished At */
            finished_at: string | null;
            /** Job Id */
            job_id: string;
            /** Job Type */
            job_type: string;
            /**
             * Payload
             * @description What the job was asked to do, e.g. a scan's path and recursive flag.
             * @example {
             *       "path": "/srv/videos",
             *       "recursive": true
             *     }
             */
            payload?: {
                [key: string]: unknown;
            };
            /** Progress */
            progress?: number | null;
            /**
             * Progress Detail
             * @example {
             *       "processed": 40,
             *       "total": 200
             *     }
             */
            progress_detail?: {
                [key: string]: unknown;
            } | null;
            /** Result */
            result?: unknown;
            /** Started At */
            started_at: string | null;
            status: components["schemas"]["JobStatus"];
        };
        /** JobSubmitted */
        JobSubmitted: {
            /** Job Id */
            job_id: string;
        };
        /** Liveness */
        Liveness: {
            /**
             * Status
             * @default ok
             * @constant
             */
            status: "ok";
        };
        /**
         * MediaKind
         * @description What an effect's filter string filters: ``-vf`` or ``-af``. Also a track's kind.
         * @enum {string}
         */
        MediaKind: "video" | "audio";
        /** ProjectCreate */
        ProjectCreate: {
            /** Name */
            name: string;
            /**
             * Output Fps
             * @default 30
             */
            output_fps: number;
            /**
             * Output Height
             * @default 1080
             */
            output_height: number;
            /**
             * Output Width
             * @default 1920
             */
            output_width: number;
            /**
             * Sample Rate
             * @default 48000
             * @enum {integer}
             */
            sample_rate: 44100 | 48000;
        };
        /**
         * ProjectOut
         * @description The whole project: clips main track first in timeline order, then each audio track's.
         */
        ProjectOut: {
            /** Clips */
            clips: components["schemas"]["ClipOut"][];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Duration Frames */
            duration_frames: number;
            /** Duration S */
            duration_s: number;
            /** Id */
            id: string;
            /** Name */
            name: string;
            /** Output Fps */
            output_fps: number;
            /** Output Height */
            output_height: number;
            /** Output Width */
            output_width: number;
            /** Sample Rate */
            sample_rate: number;
            /** Tracks */
            tracks: components["schemas"]["TrackOut"][];
            /** Transitions */
            transitions: components["schemas"]["TransitionOut"][];
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Increments with every change (If-Match).
             */
            version: number;
        };
        /** ProjectPage */
        ProjectPage: {
            /** Projects */
            projects: components["schemas"]["ProjectSummary"][];
            /** Total */
            total: number;
        };
        /**
         * ProjectSummary
         * @description A project in the list: its settings and version, without the document.
         */
        ProjectSummary: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Duration Frames */
            duration_frames: number;
            /** Duration S */
            duration_s: number;
            /** Id */
            id: string;
            /** Name */
            name: string;
            /** Output Fps */
            output_fps: number;
            /** Output Height */
            output_height: number;
            /** Output Width */
            output_width: number;
            /** Sample Rate */
            sample_rate: number;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Version
             * @description Increments with every change (If-Match).
             */
            version: number;
        };
        /** ProjectUpdate */
        ProjectUpdate: {
            /** Name */
            name?: string | null;
            /** Output Fps */
            output_fps?: number | null;
            /** Output Height */
            output_height?: number | null;
            /** Output Width */
            output_width?: number | null;
            /** Sample Rate */
            sample_rate?: (44100 | 48000) | null;
        };
        /** Readiness */
        Readiness: {
            /** Checks */
            checks: {
                [key: string]: components["schemas"]["Check"];
            };
            /**
             * Status
             * @enum {string}
             */
            status: "ok" | "degraded";
        };
        /** RemoveClip */
        RemoveClip: {
            /**
             * Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            clip_id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "remove_clip";
        };
        /** RemoveEffect */
        RemoveEffect: {
            /**
             * Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            clip_id: string;
            /** Index */
            index: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "remove_effect";
        };
        /** RemoveTrack */
        RemoveTrack: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "remove_track";
            /**
             * Track Id
             * @description An id, or `$N` for what operation N created.
             */
            track_id: string;
        };
        /** RemoveTransition */
        RemoveTransition: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "remove_transition";
            /**
             * Transition Id
             * @description An id, or `$N` for what operation N created.
             */
            transition_id: string;
        };
        /** RestoreRequest */
        RestoreRequest: {
            /** Version */
            version: number;
        };
        /** ScanRequest */
        ScanRequest: {
            /**
             * Path
             * @description Absolute path of the folder to scan.
             * @example /srv/videos
             */
            path?: string | null;
            /**
             * Recursive
             * @description Also scan every subfolder.
             * @default true
             */
            recursive: boolean;
        };
        /** TimelineClipOut */
        TimelineClipOut: {
            /** Clip Id */
            clip_id: string;
            /**
             * End Frame
             * @description Exclusive.
             */
            end_frame: number;
            /** End S */
            end_s: number;
            /** Start Frame */
            start_frame: number;
            /** Start S */
            start_s: number;
        };
        /**
         * TimelineOut
         * @description The derived timeline: where everything plays in the output (what the render uses).
         */
        TimelineOut: {
            /** Duration Frames */
            duration_frames: number;
            /** Duration S */
            duration_s: number;
            /** Tracks */
            tracks: components["schemas"]["TimelineTrackOut"][];
            /** Transitions */
            transitions: components["schemas"]["TimelineTransitionOut"][];
        };
        /** TimelineTrackOut */
        TimelineTrackOut: {
            /** Clips */
            clips: components["schemas"]["TimelineClipOut"][];
            kind: components["schemas"]["MediaKind"];
            /** Track Id */
            track_id: string;
        };
        /** TimelineTransitionOut */
        TimelineTransitionOut: {
            /**
             * End Frame
             * @description Exclusive.
             */
            end_frame: number;
            /** End S */
            end_s: number;
            /** From Clip Id */
            from_clip_id: string;
            /** Start Frame */
            start_frame: number;
            /** Start S */
            start_s: number;
            /** To Clip Id */
            to_clip_id: string;
            /** Transition Id */
            transition_id: string;
        };
        /** TrackCreate */
        TrackCreate: {
            /**
             * Muted
             * @default false
             */
            muted: boolean;
            /**
             * Name
             * @description Default: A1, A2, ...
             */
            name?: string | null;
            /**
             * Volume Db
             * @default 0
             */
            volume_db: number;
        };
        /** TrackOut */
        TrackOut: {
            /** Id */
            id: string;
            kind: components["schemas"]["MediaKind"];
            /**
             * Main
             * @description The magnetic main track (the first; it cannot be deleted).
             */
            main: boolean;
            /** Muted */
            muted: boolean;
            /** Name */
            name: string;
            /** Volume Db */
            volume_db: number;
        };
        /** TrackUpdate */
        TrackUpdate: {
            /** Muted */
            muted?: boolean | null;
            /** Name */
            name?: string | null;
            /** Volume Db */
            volume_db?: number | null;
        };
        /** TransitionCreate */
        TransitionCreate: {
            /**
             * Audio Curve
             * @default tri
             */
            audio_curve: string;
            /** Duration */
            duration: number;
            /**
             * From Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            from_clip_id: string;
            /**
             * To Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            to_clip_id: string;
            /**
             * Transition
             * @default fade
             */
            transition: string;
        };
        /** TransitionOut */
        TransitionOut: {
            /** Audio Curve */
            audio_curve: string;
            /** Duration */
            duration: number;
            /** Duration S */
            duration_s: number;
            /** From Clip Id */
            from_clip_id: string;
            /** Id */
            id: string;
            /** To Clip Id */
            to_clip_id: string;
            /**
             * Transition
             * @description The xfade transition name.
             */
            transition: string;
        };
        /** UpdateClip */
        UpdateClip: {
            /**
             * Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            clip_id: string;
            /** In Point */
            in_point?: number | null;
            /**
             * Index
             * @description Main track only.
             */
            index?: number | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "update_clip";
            /** Out Point */
            out_point?: number | null;
            /**
             * Timeline Position
             * @description Audio tracks only.
             */
            timeline_position?: number | null;
        };
        /** UpdateEffect */
        UpdateEffect: {
            /**
             * Clip Id
             * @description An id, or `$N` for what operation N created.
             */
            clip_id: string;
            /** Effect Type */
            effect_type?: string | null;
            /** End */
            end?: number | null;
            /** Index */
            index: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "update_effect";
            /** Parameters */
            parameters?: {
                [key: string]: unknown;
            } | null;
            /** Start */
            start?: number | null;
        };
        /** UpdateProject */
        UpdateProject: {
            /** Name */
            name?: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "update_project";
            /** Output Fps */
            output_fps?: number | null;
            /** Output Height */
            output_height?: number | null;
            /** Output Width */
            output_width?: number | null;
            /** Sample Rate */
            sample_rate?: (44100 | 48000) | null;
        };
        /** UpdateTrack */
        UpdateTrack: {
            /** Muted */
            muted?: boolean | null;
            /** Name */
            name?: string | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            op: "update_track";
            /**
             * Track Id
             * @description An id, or `$N` for what operation N created.
             */
            track_id: string;
            /** Volume Db */
            volume_db?: number | null;
        };
        /** ValidationErrorDetail */
        ValidationErrorDetail: {
            /**
             * Code
             * @example NOT_FOUND
             */
            code: string;
            /** Errors */
            errors: components["schemas"]["FieldError"][];
            /** Message */
            message: string;
        };
        /**
         * ValidationErrorResponse
         * @description The 422 answer of ``api/errors.py`` (not FastAPI's ``{"detail": [...]}``).
         */
        ValidationErrorResponse: {
            detail: components["schemas"]["ValidationErrorDetail"];
        };
        /** VersionOut */
        VersionOut: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Summary */
            summary: string;
            /** Version */
            version: number;
        };
        /** VideoOut */
        VideoOut: {
            /** Audio Channels */
            audio_channels: number | null;
            /** Audio Codec */
            audio_codec: string | null;
            /** Audio Sample Rate */
            audio_sample_rate: number | null;
            /** Bit Rate */
            bit_rate: number | null;
            /** Container */
            container: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Duration Frames */
            duration_frames: number | null;
            /** Duration Seconds */
            duration_seconds: number | null;
            /**
             * File Mtime
             * Format: date-time
             * @description The file's modification time (UTC).
             */
            file_mtime: string;
            /** File Size */
            file_size: number;
            /** Filename */
            filename: string;
            /** Frame Rate Denominator */
            frame_rate_denominator: number | null;
            /** Frame Rate Numerator */
            frame_rate_numerator: number | null;
            /** Height */
            height: number | null;
            /** Id */
            id: string;
            /**
             * Missing
             * @description The file was not found by the last scan of its folder.
             */
            missing: boolean;
            /** Path */
            path: string;
            /** Thumbnail Url */
            thumbnail_url: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Video Codec */
            video_codec: string | null;
            /** Width */
            width: number | null;
        };
        /** VideoPage */
        VideoPage: {
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
            /** Videos */
            videos: components["schemas"]["VideoOut"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    list_jobs_api_v1_jobs_get: {
        parameters: {
            query?: {
                /** @description Only jobs in this state. */
                status?: components["schemas"]["JobStatus"] | null;
                job_type?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobList"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    get_job_api_v1_jobs__job_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStatusResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    cancel_job_api_v1_jobs__job_id__cancel_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStatusResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    wait_for_job_api_v1_jobs__job_id__wait_get: {
        parameters: {
            query?: {
                /** @description Seconds to wait for a terminal state. */
                timeout?: number;
            };
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobStatusResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-list": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-clips-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClipList"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-clips-add": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClipCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClipOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-clips-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
                /** @description 32 hex digits. */
                clip_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-clips-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
                /** @description 32 hex digits. */
                clip_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClipUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClipOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-effects-add": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
                /** @description 32 hex digits. */
                clip_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EffectCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EffectOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-effects-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
                /** @description 32 hex digits. */
                clip_id: string;
                /** @description The effect's place on the clip. */
                index: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-effects-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
                /** @description 32 hex digits. */
                clip_id: string;
                /** @description The effect's place on the clip. */
                index: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EffectUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EffectOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-edits": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditBatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EditsResult"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-history": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryOut"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-redo": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-restore": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestoreRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-timeline": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineOut"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-tracks-add": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrackCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-tracks-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
                /** @description 32 hex digits. */
                track_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-tracks-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
                /** @description 32 hex digits. */
                track_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrackUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrackOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-transitions-add": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransitionOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-transitions-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
                /** @description 32 hex digits. */
                transition_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    "projects-undo": {
        parameters: {
            query?: never;
            header?: {
                /** @description The version the change is based on (`3`, `"3"` or `*`); a stale one answers 412. */
                "If-Match"?: string | null;
            };
            path: {
                /** @description 32 hex digits. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Precondition Failed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    list_videos_api_v1_videos_get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                sort?: "filename" | "created_at" | "updated_at" | "duration_seconds" | "file_size" | "width";
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoPage"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    scan_api_v1_videos_scan_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScanRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobSubmitted"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    search_videos_api_v1_videos_search_get: {
        parameters: {
            query: {
                /** @description Words to find; at least one, and no control characters. */
                q: string;
                limit?: number;
                offset?: number;
                sort?: "filename" | "created_at" | "updated_at" | "duration_seconds" | "file_size" | "width";
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoPage"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    get_video_api_v1_videos__video_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 32 hex digits. */
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VideoOut"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    delete_video_api_v1_videos__video_id__delete: {
        parameters: {
            query?: {
                /** @description Also delete the file (only inside an allowed root). */
                delete_file?: boolean;
            };
            header?: never;
            path: {
                /** @description 32 hex digits. */
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    get_thumbnail_api_v1_videos__video_id__thumbnail_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 32 hex digits. */
                video_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponse"];
                };
            };
        };
    };
    live_health_live_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"];
                };
            };
        };
    };
    ready_health_ready_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Service Unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    metrics_metrics_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
}
