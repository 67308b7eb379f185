/**
 * GENERATED FILE: do not edit by hand.
 *
 * Made by `npm run gen:api` (gui/scripts/api-types.mjs) with openapi-typescript
 * from the server's OpenAPI schema (`uv run stoat-ferret openapi`).
 * `npm run check:api` fails when this file no longer matches the server.
 */

export interface paths {
    "/api/v1/effects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Effects
         * @description Every effect with its parameter schema, hints, examples and a filter preview.
         */
        get: operations["effects-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/effects/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview Filter String
         * @description The filter string of one parameter set (for a 10-second clip at 30 fps).
         *
         *     An unknown ``effect_type`` or parameters the effect's schema refuses answer 422
         *     naming the field (``effect_type``, ``parameters.font_size``).
         */
        post: operations["effects-preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/effects/{effect_type}/preview.jpg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview Image
         * @description A JPEG of the library video at ``t`` seconds with the effect applied.
         *
         *     The effect is built as on a clip of the whole video. Audio effects have no picture
         *     (422 on ``effect_type``). The file must lie in an allowed root (403) and exist
         *     (409 ``SOURCE_MISSING``); ffmpeg gets ``STOAT_PREVIEW_TIMEOUT`` seconds (503
         *     ``PREVIEW_TIMEOUT``), and stops at once when the client disconnects.
         */
        get: operations["effects-preview-image"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
        get: operations["jobs-list"];
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
        get: operations["jobs-get"];
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
        post: operations["jobs-cancel"];
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
        get: operations["jobs-wait"];
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
    "/api/v1/projects/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Project
         * @description A new project from another editor's file; unknown media answer 422 naming them.
         */
        post: operations["projects-import"];
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
    "/api/v1/projects/{project_id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Project
         * @description The project as a file of another editor, with what that format could not carry.
         */
        get: operations["projects-export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/frame": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project Frame
         * @description One JPEG of the rendered output at frame ``at`` (0 <= at < duration, else 422).
         *
         *     ffmpeg gets ``STOAT_PREVIEW_TIMEOUT`` seconds (503 ``PREVIEW_TIMEOUT``) and is
         *     killed as soon as the client goes away.
         */
        get: operations["render-frame"];
        put?: never;
        post?: never;
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
    "/api/v1/projects/{project_id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render Project
         * @description Check everything at once, then queue a ``render`` job of the current version.
         */
        post: operations["render-project"];
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
    "/api/v1/render/formats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Render Formats
         * @description The containers this server's ffmpeg can write and the encoders each accepts.
         */
        get: operations["render-formats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/renders/{job_id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Render File
         * @description The rendered file while it exists; ``Range`` requests get 206 (Starlette).
         */
        get: operations["render-file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Transitions
         * @description Every ``transition`` value of this ffmpeg's ``xfade`` (``custom`` excepted).
         */
        get: operations["transitions-list"];
        put?: never;
        post?: never;
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
        get: operations["videos-list"];
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
        post: operations["videos-scan"];
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
        get: operations["videos-search"];
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
        get: operations["videos-get"];
        put?: never;
        post?: never;
        /** Delete Video */
        delete: operations["videos-delete"];
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
        get: operations["videos-thumbnail"];
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
        get: operations["health-live"];
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
        get: operations["health-ready"];
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
        get: operations["metrics-get"];
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
        /**
         * AlreadyTerminalError
         * @description Error `ALREADY_TERMINAL`.
         *
         *     HTTP 409
         */
        AlreadyTerminalError: {
            detail: components["schemas"]["AlreadyTerminalErrorDetail"];
        };
        /**
         * AlreadyTerminalErrorDetail
         * @description The ``detail`` of a ``ALREADY_TERMINAL`` answer.
         */
        AlreadyTerminalErrorDetail: {
            /**
             * Code
             * @example ALREADY_TERMINAL
             * @constant
             */
            code: "ALREADY_TERMINAL";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * BadRequestError
         * @description Error `BAD_REQUEST`.
         */
        BadRequestError: {
            detail: components["schemas"]["BadRequestErrorDetail"];
        };
        /**
         * BadRequestErrorDetail
         * @description The ``detail`` of a ``BAD_REQUEST`` answer.
         */
        BadRequestErrorDetail: {
            /**
             * Code
             * @example BAD_REQUEST
             * @constant
             */
            code: "BAD_REQUEST";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
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
        /** ClipEffectOut */
        ClipEffectOut: {
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
            effects: components["schemas"]["ClipEffectOut"][];
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
        /**
         * ConflictError
         * @description Error `CONFLICT`.
         *
         *     HTTP 409
         *
         *     HTTP 409: The database is held by another user in a way that forbids this one.
         */
        ConflictError: {
            detail: components["schemas"]["ConflictErrorDetail"];
        };
        /**
         * ConflictErrorDetail
         * @description The ``detail`` of a ``CONFLICT`` answer.
         */
        ConflictErrorDetail: {
            /**
             * Code
             * @example CONFLICT
             * @constant
             */
            code: "CONFLICT";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /** ContainerOut */
        ContainerOut: {
            /**
             * Audio Codecs
             * @example [
             *       "aac",
             *       "libopus"
             *     ]
             */
            audio_codecs: string[];
            /**
             * Container
             * @example mp4
             */
            container: string;
            /**
             * Muxer
             * @description ffmpeg's muxer for it (-f).
             * @example mp4
             */
            muxer: string;
            /**
             * Video Codecs
             * @example [
             *       "libx264",
             *       "libx265"
             *     ]
             */
            video_codecs: string[];
        };
        /**
         * CorsRejectedError
         * @description Error `CORS_REJECTED`.
         */
        CorsRejectedError: {
            detail: components["schemas"]["CorsRejectedErrorDetail"];
        };
        /**
         * CorsRejectedErrorDetail
         * @description The ``detail`` of a ``CORS_REJECTED`` answer.
         */
        CorsRejectedErrorDetail: {
            /**
             * Code
             * @example CORS_REJECTED
             * @constant
             */
            code: "CORS_REJECTED";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * DependencyUnavailableError
         * @description Error `DEPENDENCY_UNAVAILABLE`.
         *
         *     HTTP 503
         */
        DependencyUnavailableError: {
            detail: components["schemas"]["DependencyUnavailableErrorDetail"];
        };
        /**
         * DependencyUnavailableErrorDetail
         * @description The ``detail`` of a ``DEPENDENCY_UNAVAILABLE`` answer.
         */
        DependencyUnavailableErrorDetail: {
            /**
             * Code
             * @example DEPENDENCY_UNAVAILABLE
             * @constant
             */
            code: "DEPENDENCY_UNAVAILABLE";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * DryRunOut
         * @description What a render would run (``?dry_run=true``); nothing is started.
         */
        DryRunOut: {
            /** Argv */
            argv: string[];
            /** Expected Duration S */
            expected_duration_s: number;
            /** Expected Frames */
            expected_frames: number;
            /** Filter Complex */
            filter_complex: string;
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
        /**
         * EffectCatalog
         * @description ``GET /api/v1/effects``: every effect, in a stable order.
         */
        EffectCatalog: {
            /** Effects */
            effects: components["schemas"]["EffectOut"][];
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
        /**
         * EffectOut
         * @description One catalog entry.
         */
        EffectOut: {
            /**
             * Ai Hints
             * @description Per parameter name.
             */
            ai_hints: {
                [key: string]: components["schemas"]["ParameterHintOut"];
            };
            /** @description `video`: the filter string is for `-vf`; `audio`: for `-af`. */
            applies_to: components["schemas"]["MediaKind"];
            /** Description */
            description: string;
            /**
             * Effect Type
             * @example text_overlay
             * @enum {string}
             */
            effect_type: "text_overlay" | "speed" | "volume" | "audio_fade" | "video_fade" | "audio_ducking" | "color" | "crop" | "blur" | "rotate" | "flip" | "hue";
            /**
             * Examples
             * @description Parameter sets the schema accepts.
             */
            examples: {
                [key: string]: unknown;
            }[];
            /**
             * Filter Preview
             * @description The filter string of the first example, for a 10-second clip at 30 fps.
             */
            filter_preview: string;
            /**
             * Name
             * @example Text overlay
             */
            name: string;
            /**
             * Parameter Schema
             * @description The parameters' JSON Schema (draft 2020-12); unknown parameters are refused.
             */
            parameter_schema: {
                [key: string]: unknown;
            };
        };
        /**
         * EffectPreviewRequest
         * @description ``POST /api/v1/effects/preview``: the filter string one parameter set makes.
         */
        EffectPreviewRequest: {
            /**
             * Effect Type
             * @description A catalog `effect_type`; another name is a 422 naming `effect_type`.
             * @example text_overlay
             * @enum {string}
             */
            effect_type: "text_overlay" | "speed" | "volume" | "audio_fade" | "video_fade" | "audio_ducking" | "color" | "crop" | "blur" | "rotate" | "flip" | "hue";
            /**
             * Parameters
             * @description Checked against the effect's `parameter_schema`; a 422 names the field.
             * @example {
             *       "font_size": 48,
             *       "text": "Hello"
             *     }
             */
            parameters?: {
                [key: string]: unknown;
            };
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
        /**
         * EmptyProjectError
         * @description Error `EMPTY_PROJECT`.
         *
         *     HTTP 409: The project plays nothing: no clip on any track.
         */
        EmptyProjectError: {
            detail: components["schemas"]["EmptyProjectErrorDetail"];
        };
        /**
         * EmptyProjectErrorDetail
         * @description The ``detail`` of a ``EMPTY_PROJECT`` answer.
         */
        EmptyProjectErrorDetail: {
            /**
             * Code
             * @example EMPTY_PROJECT
             * @constant
             */
            code: "EMPTY_PROJECT";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
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
        /**
         * ErrorResponse
         * @description Any error: the shape every code's own model (``api/error_models.py``) refines.
         */
        ErrorResponse: {
            detail: components["schemas"]["ErrorDetail"];
        };
        /**
         * Event
         * @description One message of ``WS /ws``: ``{"event_id", "type", "payload", "timestamp"}``.
         */
        Event: components["schemas"]["JobEvent"] | components["schemas"]["VideoEvent"] | components["schemas"]["VideoDeletedEvent"] | components["schemas"]["ProjectEvent"] | components["schemas"]["HeartbeatEvent"] | components["schemas"]["ResyncEvent"];
        /**
         * ExportOut
         * @description An exported project: the file's text and what the format could not carry.
         *
         *     One JSON answer rather than the bare file, so the list of what was lost travels with
         *     it in a typed field (a header could not hold every name); save ``content`` under
         *     ``filename`` to get the file.
         */
        ExportOut: {
            /**
             * Content
             * @description The file itself, as text.
             */
            content: string;
            /**
             * Filename
             * @description A file name for the content, from the project's name.
             */
            filename: string;
            /**
             * Format
             * @description The format asked for: `otio`, `edl` or `fcpxml`.
             */
            format: string;
            /**
             * Media Type
             * @description The content's media type (`application/json`...).
             */
            media_type: string;
            /**
             * Not Carried
             * @description One line per thing the file lost, naming the field (`clips[ID].effects[0] (blur)`); empty when an import gives the project back.
             */
            not_carried: string[];
        };
        /**
         * FieldProblem
         * @description One refused field, as the ``errors`` list of a ``VALIDATION_ERROR`` names it.
         */
        FieldProblem: {
            /** Loc */
            loc: (string | number)[];
            /** Msg */
            msg: string;
            /** Type */
            type: string;
        };
        /** FilterPreview */
        FilterPreview: {
            /**
             * Filter String
             * @description Self-contained: runs as it is in `ffmpeg -vf` (or `-af` for audio effects).
             */
            filter_string: string;
        };
        /**
         * ForbiddenError
         * @description Error `FORBIDDEN`.
         *
         *     HTTP 403
         */
        ForbiddenError: {
            detail: components["schemas"]["ForbiddenErrorDetail"];
        };
        /**
         * ForbiddenErrorDetail
         * @description The ``detail`` of a ``FORBIDDEN`` answer.
         */
        ForbiddenErrorDetail: {
            /**
             * Code
             * @example FORBIDDEN
             * @constant
             */
            code: "FORBIDDEN";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * FormatsOut
         * @description The containers this server's ffmpeg can write and the encoders each accepts.
         */
        FormatsOut: {
            /** Containers */
            containers: components["schemas"]["ContainerOut"][];
            /** Presets */
            presets: string[];
        };
        /**
         * GenericJob
         * @description A job of a type without a typed schema: free-form ``progress_detail`` and ``result``.
         */
        GenericJob: {
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
             * @description What the handler reports with its progress; its shape is the type's.
             */
            progress_detail?: {
                [key: string]: unknown;
            } | null;
            /**
             * Result
             * @description What the job returned (or kept when cancelled).
             */
            result?: unknown;
            /** Started At */
            started_at: string | null;
            status: components["schemas"]["JobStatus"];
        };
        /**
         * Heartbeat
         * @description Sent after a quiet spell; ``last_event_id`` is a safe cursor for ``?since=``.
         */
        Heartbeat: {
            /**
             * Last Event Id
             * @description The newest event id of the server.
             */
            last_event_id: number;
        };
        /** HeartbeatEvent */
        HeartbeatEvent: {
            /**
             * Event Id
             * @description Connection-level messages are not numbered or stored.
             */
            event_id: null;
            payload: components["schemas"]["Heartbeat"];
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "heartbeat";
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
        /**
         * HttpError
         * @description Error `HTTP_ERROR`.
         */
        HttpError: {
            detail: components["schemas"]["HttpErrorDetail"];
        };
        /**
         * HttpErrorDetail
         * @description The ``detail`` of a ``HTTP_ERROR`` answer.
         */
        HttpErrorDetail: {
            /**
             * Code
             * @example HTTP_ERROR
             * @constant
             */
            code: "HTTP_ERROR";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * ImportResult
         * @description An import's answer: the new project, and what of the file was left out of it.
         */
        ImportResult: {
            project: components["schemas"]["ProjectOut"];
            /**
             * Warnings
             * @description One line per thing in the file that the project does not hold (another video track, a gap on the main track, another editor's effect...).
             */
            warnings: string[];
        };
        /**
         * InUseError
         * @description Error `IN_USE`.
         *
         *     HTTP 409: A delete refused because other parts of the product still use the thing.
         */
        InUseError: {
            detail: components["schemas"]["InUseErrorDetail"];
        };
        /**
         * InUseErrorDetail
         * @description The ``detail`` of a ``IN_USE`` answer.
         */
        InUseErrorDetail: {
            /**
             * Code
             * @example IN_USE
             * @constant
             */
            code: "IN_USE";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
            /** Projects */
            projects: components["schemas"]["NamedProject"][];
        };
        /**
         * InsufficientStorageError
         * @description Error `INSUFFICIENT_STORAGE`.
         *
         *     HTTP 507: The disk holding the database or the data folder is full.
         */
        InsufficientStorageError: {
            detail: components["schemas"]["InsufficientStorageErrorDetail"];
        };
        /**
         * InsufficientStorageErrorDetail
         * @description The ``detail`` of a ``INSUFFICIENT_STORAGE`` answer.
         */
        InsufficientStorageErrorDetail: {
            /**
             * Code
             * @example INSUFFICIENT_STORAGE
             * @constant
             */
            code: "INSUFFICIENT_STORAGE";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * InternalError
         * @description Error `INTERNAL_ERROR`.
         */
        InternalError: {
            detail: components["schemas"]["InternalErrorDetail"];
        };
        /**
         * InternalErrorDetail
         * @description The ``detail`` of a ``INTERNAL_ERROR`` answer.
         */
        InternalErrorDetail: {
            /**
             * Code
             * @example INTERNAL_ERROR
             * @constant
             */
            code: "INTERNAL_ERROR";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * InvalidInputError
         * @description Error `INVALID_INPUT`.
         *
         *     HTTP 400
         */
        InvalidInputError: {
            detail: components["schemas"]["InvalidInputErrorDetail"];
        };
        /**
         * InvalidInputErrorDetail
         * @description The ``detail`` of a ``INVALID_INPUT`` answer.
         */
        InvalidInputErrorDetail: {
            /**
             * Code
             * @example INVALID_INPUT
             * @constant
             */
            code: "INVALID_INPUT";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * InvalidPathError
         * @description Error `INVALID_PATH`.
         *
         *     HTTP 400
         */
        InvalidPathError: {
            detail: components["schemas"]["InvalidPathErrorDetail"];
        };
        /**
         * InvalidPathErrorDetail
         * @description The ``detail`` of a ``INVALID_PATH`` answer.
         */
        InvalidPathErrorDetail: {
            /**
             * Code
             * @example INVALID_PATH
             * @constant
             */
            code: "INVALID_PATH";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * JobEvent
         * @description A job changed: the payload is the whole job, as ``GET /api/v1/jobs/{job_id}``.
         */
        JobEvent: {
            /**
             * Event Id
             * @description Strictly increasing; `?since=` resumes after it.
             */
            event_id: number;
            payload: components["schemas"]["JobStatusResponse"];
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "job.cancel_requested" | "job.cancelled" | "job.completed" | "job.created" | "job.failed" | "job.progress" | "job.started" | "job.timeout";
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
         * @description A job, typed by its ``job_type`` (all ``JobResult`` fields).
         *
         *     The same JSON as before the union: only the schema says more about
         *     ``progress_detail`` and ``result``.
         */
        JobStatusResponse: components["schemas"]["ScanJob"] | components["schemas"]["ScanBatchJob"] | components["schemas"]["GenericJob"];
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
         * MainTrackRequiredError
         * @description Error `MAIN_TRACK_REQUIRED`.
         *
         *     HTTP 409: The main track is part of every project; it cannot be removed.
         */
        MainTrackRequiredError: {
            detail: components["schemas"]["MainTrackRequiredErrorDetail"];
        };
        /**
         * MainTrackRequiredErrorDetail
         * @description The ``detail`` of a ``MAIN_TRACK_REQUIRED`` answer.
         */
        MainTrackRequiredErrorDetail: {
            /**
             * Code
             * @example MAIN_TRACK_REQUIRED
             * @constant
             */
            code: "MAIN_TRACK_REQUIRED";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * MediaError
         * @description Error `MEDIA_ERROR`.
         *
         *     HTTP 422
         */
        MediaError: {
            detail: components["schemas"]["MediaErrorDetail"];
        };
        /**
         * MediaErrorDetail
         * @description The ``detail`` of a ``MEDIA_ERROR`` answer.
         */
        MediaErrorDetail: {
            /**
             * Code
             * @example MEDIA_ERROR
             * @constant
             */
            code: "MEDIA_ERROR";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * MediaKind
         * @description What an effect's filter string filters: ``-vf`` or ``-af``. Also a track's kind.
         * @enum {string}
         */
        MediaKind: "video" | "audio";
        /**
         * MethodNotAllowedError
         * @description Error `METHOD_NOT_ALLOWED`.
         */
        MethodNotAllowedError: {
            detail: components["schemas"]["MethodNotAllowedErrorDetail"];
        };
        /**
         * MethodNotAllowedErrorDetail
         * @description The ``detail`` of a ``METHOD_NOT_ALLOWED`` answer.
         */
        MethodNotAllowedErrorDetail: {
            /**
             * Code
             * @example METHOD_NOT_ALLOWED
             * @constant
             */
            code: "METHOD_NOT_ALLOWED";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * NamedProject
         * @description A project named by an error (``IN_USE``): enough to find and show it.
         */
        NamedProject: {
            /** Id */
            id: string;
            /** Name */
            name: string;
        };
        /**
         * NotARegularFileError
         * @description Error `NOT_A_REGULAR_FILE`.
         *
         *     HTTP 409: A file delete refused: a folder or special file stands where the video was.
         */
        NotARegularFileError: {
            detail: components["schemas"]["NotARegularFileErrorDetail"];
        };
        /**
         * NotARegularFileErrorDetail
         * @description The ``detail`` of a ``NOT_A_REGULAR_FILE`` answer.
         */
        NotARegularFileErrorDetail: {
            /**
             * Code
             * @example NOT_A_REGULAR_FILE
             * @constant
             */
            code: "NOT_A_REGULAR_FILE";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * NotFoundError
         * @description Error `NOT_FOUND`.
         *
         *     HTTP 404
         *
         *     HTTP 404: Unknown job id. Also a ``KeyError``, as the queue protocol promises.
         *
         *     HTTP 404: An edit names something the document does not hold.
         */
        NotFoundError: {
            detail: components["schemas"]["NotFoundErrorDetail"];
        };
        /**
         * NotFoundErrorDetail
         * @description The ``detail`` of a ``NOT_FOUND`` answer.
         */
        NotFoundErrorDetail: {
            /**
             * Code
             * @example NOT_FOUND
             * @constant
             */
            code: "NOT_FOUND";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * NothingToRedoError
         * @description Error `NOTHING_TO_REDO`.
         *
         *     HTTP 409: ``redo`` with nothing undone (or a new edit since the last undo).
         */
        NothingToRedoError: {
            detail: components["schemas"]["NothingToRedoErrorDetail"];
        };
        /**
         * NothingToRedoErrorDetail
         * @description The ``detail`` of a ``NOTHING_TO_REDO`` answer.
         */
        NothingToRedoErrorDetail: {
            /**
             * Code
             * @example NOTHING_TO_REDO
             * @constant
             */
            code: "NOTHING_TO_REDO";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * NothingToUndoError
         * @description Error `NOTHING_TO_UNDO`.
         *
         *     HTTP 409: ``undo`` at the project's first state, or ``redo`` with nothing undone.
         */
        NothingToUndoError: {
            detail: components["schemas"]["NothingToUndoErrorDetail"];
        };
        /**
         * NothingToUndoErrorDetail
         * @description The ``detail`` of a ``NOTHING_TO_UNDO`` answer.
         */
        NothingToUndoErrorDetail: {
            /**
             * Code
             * @example NOTHING_TO_UNDO
             * @constant
             */
            code: "NOTHING_TO_UNDO";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * ParameterHintOut
         * @description What one parameter means, for people and agents.
         */
        ParameterHintOut: {
            /**
             * Examples
             * @description Example values the schema accepts.
             */
            examples: unknown[];
            /**
             * Meaning
             * @description What the parameter changes.
             */
            meaning: string;
            /**
             * Typical
             * @description Values worth trying, in words.
             */
            typical: string;
        };
        /**
         * PathNotAllowedError
         * @description Error `PATH_NOT_ALLOWED`.
         *
         *     HTTP 403
         */
        PathNotAllowedError: {
            detail: components["schemas"]["PathNotAllowedErrorDetail"];
        };
        /**
         * PathNotAllowedErrorDetail
         * @description The ``detail`` of a ``PATH_NOT_ALLOWED`` answer.
         */
        PathNotAllowedErrorDetail: {
            /**
             * Code
             * @example PATH_NOT_ALLOWED
             * @constant
             */
            code: "PATH_NOT_ALLOWED";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * PayloadTooLargeError
         * @description Error `PAYLOAD_TOO_LARGE`.
         */
        PayloadTooLargeError: {
            detail: components["schemas"]["PayloadTooLargeErrorDetail"];
        };
        /**
         * PayloadTooLargeErrorDetail
         * @description The ``detail`` of a ``PAYLOAD_TOO_LARGE`` answer.
         */
        PayloadTooLargeErrorDetail: {
            /**
             * Code
             * @example PAYLOAD_TOO_LARGE
             * @constant
             */
            code: "PAYLOAD_TOO_LARGE";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * PreviewFailedError
         * @description Error `PREVIEW_FAILED`.
         *
         *     HTTP 422: ffmpeg could not make the preview picture (its message says why).
         */
        PreviewFailedError: {
            detail: components["schemas"]["PreviewFailedErrorDetail"];
        };
        /**
         * PreviewFailedErrorDetail
         * @description The ``detail`` of a ``PREVIEW_FAILED`` answer.
         */
        PreviewFailedErrorDetail: {
            /**
             * Code
             * @example PREVIEW_FAILED
             * @constant
             */
            code: "PREVIEW_FAILED";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * PreviewTimeoutError
         * @description Error `PREVIEW_TIMEOUT`.
         *
         *     HTTP 503: ffmpeg took longer than ``STOAT_PREVIEW_TIMEOUT``; it was stopped. Try again.
         */
        PreviewTimeoutError: {
            detail: components["schemas"]["PreviewTimeoutErrorDetail"];
        };
        /**
         * PreviewTimeoutErrorDetail
         * @description The ``detail`` of a ``PREVIEW_TIMEOUT`` answer.
         */
        PreviewTimeoutErrorDetail: {
            /**
             * Code
             * @example PREVIEW_TIMEOUT
             * @constant
             */
            code: "PREVIEW_TIMEOUT";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * ProbeFailedError
         * @description Error `PROBE_FAILED`.
         *
         *     HTTP 422: ffprobe (or the in-process backend) could not read a file; names the file.
         */
        ProbeFailedError: {
            detail: components["schemas"]["ProbeFailedErrorDetail"];
        };
        /**
         * ProbeFailedErrorDetail
         * @description The ``detail`` of a ``PROBE_FAILED`` answer.
         */
        ProbeFailedErrorDetail: {
            /**
             * Code
             * @example PROBE_FAILED
             * @constant
             */
            code: "PROBE_FAILED";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * ProjectChanged
         * @description ``project.created``, ``project.updated`` and ``project.deleted``.
         */
        ProjectChanged: {
            /** Project Id */
            project_id: string;
            /**
             * Summary
             * @description One line about the change, as the history lists it.
             */
            summary: string;
            /**
             * Version
             * @description The project's version after the change.
             */
            version: number;
        };
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
        /** ProjectEvent */
        ProjectEvent: {
            /**
             * Event Id
             * @description Strictly increasing; `?since=` resumes after it.
             */
            event_id: number;
            payload: components["schemas"]["ProjectChanged"];
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "project.created" | "project.deleted" | "project.updated";
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
            transitions: components["schemas"]["ProjectTransitionOut"][];
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
        /** ProjectTransitionOut */
        ProjectTransitionOut: {
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
        /**
         * RenderRequest
         * @description ``POST /api/v1/projects/{id}/render``; every field is optional.
         */
        RenderRequest: {
            /**
             * Audio Codec
             * @description Likewise.
             * @default aac
             */
            audio_codec: string;
            /**
             * Container
             * @description Also refused (422) when the local ffmpeg lacks its muxer.
             * @default mp4
             * @enum {string}
             */
            container: "mp4" | "mov" | "mkv" | "webm";
            /**
             * Crf
             * @description Constant rate factor (lower is better).
             * @default 23
             */
            crf: number;
            /**
             * Output Path
             * @description Absolute path of a new file inside the allowed roots; default <data dir>/renders/<project name>-<job id>.<container>.
             */
            output_path?: string | null;
            /**
             * Preset
             * @description An x264 preset name.
             * @default medium
             * @enum {string}
             */
            preset: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow" | "slower" | "veryslow" | "placebo";
            /**
             * Video Codec
             * @description An encoder GET /api/v1/render/formats lists for the container.
             * @default libx264
             */
            video_codec: string;
        };
        /** RestoreRequest */
        RestoreRequest: {
            /** Version */
            version: number;
        };
        /**
         * Resync
         * @description The client's cursor cannot be replayed: refetch, then go on from ``last_event_id``.
         */
        Resync: {
            /**
             * Last Event Id
             * @description The newest event id of the server.
             */
            last_event_id: number;
            /**
             * Reason
             * @example cursor 999999 expired
             */
            reason: string;
        };
        /** ResyncEvent */
        ResyncEvent: {
            /**
             * Event Id
             * @description Connection-level messages are not numbered or stored.
             */
            event_id: null;
            payload: components["schemas"]["Resync"];
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "resync";
        };
        /**
         * ScanBatchFile
         * @description A file a ``scan.batch`` child was given, with its stamp from the parent's walk.
         */
        ScanBatchFile: {
            /**
             * Media Type
             * @default video
             * @enum {string}
             */
            media_type: "video" | "audio";
            /** Mtime Ns */
            mtime_ns: number;
            /** Path */
            path: string;
            /** Size */
            size: number;
        };
        /**
         * ScanBatchJob
         * @description A ``scan.batch`` child of a fan-out scan (distributed queue only, SPEC §12).
         *
         *     Cancelling its parent cancels it; its parent's progress and result sum its children's.
         */
        ScanBatchJob: {
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
            /**
             * Job Type
             * @constant
             */
            job_type: "scan.batch";
            payload: components["schemas"]["ScanBatchPayload"];
            /** Progress */
            progress?: number | null;
            progress_detail?: components["schemas"]["ScanProgress"] | null;
            result?: components["schemas"]["ScanBatchResultOut"] | null;
            /** Started At */
            started_at: string | null;
            status: components["schemas"]["JobStatus"];
        };
        /**
         * ScanBatchPayload
         * @description What a ``scan.batch`` child is asked to do.
         */
        ScanBatchPayload: {
            /** Files */
            files: components["schemas"]["ScanBatchFile"][];
            /**
             * Index
             * @description The batch's number within its parent, in walk order.
             */
            index: number;
            /**
             * Parent Id
             * @description The ``scan`` job that made this child.
             */
            parent_id: string;
            /**
             * Path
             * @description The folder the parent scans.
             */
            path: string;
        };
        /**
         * ScanBatchResultOut
         * @description The result of a ``scan.batch`` child (``missing`` is the parent's to count: 0).
         */
        ScanBatchResultOut: {
            /** Errors */
            errors: components["schemas"]["ScanFileError"][];
            /**
             * Missing
             * @description Stored videos under the folder whose file is gone.
             */
            missing: number;
            /** New */
            new: number;
            /**
             * Scanned
             * @description Files looked at, skipped ones included.
             */
            scanned: number;
            /**
             * Skipped
             * @description Unchanged since the last scan: not probed again.
             */
            skipped: number;
            /** Updated */
            updated: number;
            /**
             * Worker
             * @description ``host:pid`` of the worker that ran the batch (null when cancelled).
             */
            worker?: string | null;
        };
        /**
         * ScanFileError
         * @description A file the scan could not index, and why.
         */
        ScanFileError: {
            /** Error */
            error: string;
            /**
             * Path
             * @description Shown escaped (``\xNN``) when the name is not UTF-8.
             */
            path: string;
        };
        /**
         * ScanInProgressError
         * @description Error `SCAN_IN_PROGRESS`.
         *
         *     HTTP 409
         */
        ScanInProgressError: {
            detail: components["schemas"]["ScanInProgressErrorDetail"];
        };
        /**
         * ScanInProgressErrorDetail
         * @description The ``detail`` of a ``SCAN_IN_PROGRESS`` answer.
         */
        ScanInProgressErrorDetail: {
            /**
             * Code
             * @example SCAN_IN_PROGRESS
             * @constant
             */
            code: "SCAN_IN_PROGRESS";
            /** Job Id */
            job_id: string;
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * ScanJob
         * @description A ``scan`` job: ``progress_detail`` and ``result`` have the scan's shapes.
         */
        ScanJob: {
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
            /**
             * Job Type
             * @constant
             */
            job_type: "scan";
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
            progress_detail?: components["schemas"]["ScanProgress"] | null;
            result?: components["schemas"]["ScanResultOut"] | null;
            /** Started At */
            started_at: string | null;
            status: components["schemas"]["JobStatus"];
        };
        /**
         * ScanProgress
         * @description A running scan's ``progress_detail`` (``total`` grows while the walk runs).
         */
        ScanProgress: {
            /**
             * Current
             * @description The file being probed now.
             */
            current: string | null;
            /**
             * Eta S
             * @description Seconds left; null until the walk has ended.
             */
            eta_s: number | null;
            /** Files Per S */
            files_per_s: number;
            /** Processed */
            processed: number;
            /** Total */
            total: number;
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
        /**
         * ScanResultOut
         * @description The result of a ``scan`` job (also the partial result of a cancelled one).
         */
        ScanResultOut: {
            /** Errors */
            errors: components["schemas"]["ScanFileError"][];
            /**
             * Missing
             * @description Stored videos under the folder whose file is gone.
             */
            missing: number;
            /** New */
            new: number;
            /**
             * Scanned
             * @description Files looked at, skipped ones included.
             */
            scanned: number;
            /**
             * Skipped
             * @description Unchanged since the last scan: not probed again.
             */
            skipped: number;
            /** Updated */
            updated: number;
        };
        /**
         * SourceMissingError
         * @description Error `SOURCE_MISSING`.
         *
         *     HTTP 409: A clip may not be made from a library video whose file the last scan did not find.
         *
         *     HTTP 409: A clip names a source the caller gave no input file for.
         *
         *     HTTP 409: The library video's file is gone (or the scan marked it ``missing``).
         */
        SourceMissingError: {
            detail: components["schemas"]["SourceMissingErrorDetail"];
        };
        /**
         * SourceMissingErrorDetail
         * @description The ``detail`` of a ``SOURCE_MISSING`` answer.
         */
        SourceMissingErrorDetail: {
            /**
             * Code
             * @example SOURCE_MISSING
             * @constant
             */
            code: "SOURCE_MISSING";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * StoatError
         * @description Error `ERROR`.
         *
         *     HTTP 500: Root of every expected failure; ``code`` is the API's machine-readable code.
         */
        StoatError: {
            detail: components["schemas"]["StoatErrorDetail"];
        };
        /**
         * StoatErrorDetail
         * @description The ``detail`` of a ``ERROR`` answer.
         */
        StoatErrorDetail: {
            /**
             * Code
             * @example ERROR
             * @constant
             */
            code: "ERROR";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * StorageUnavailableError
         * @description Error `STORAGE_UNAVAILABLE`.
         *
         *     HTTP 503: A write to the database or the data folder failed (I/O error, read-only disk).
         */
        StorageUnavailableError: {
            detail: components["schemas"]["StorageUnavailableErrorDetail"];
        };
        /**
         * StorageUnavailableErrorDetail
         * @description The ``detail`` of a ``STORAGE_UNAVAILABLE`` answer.
         */
        StorageUnavailableErrorDetail: {
            /**
             * Code
             * @example STORAGE_UNAVAILABLE
             * @constant
             */
            code: "STORAGE_UNAVAILABLE";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * SymlinkInPathError
         * @description Error `SYMLINK_IN_PATH`.
         *
         *     HTTP 409: A file delete refused: the file, or a folder on its stored path, is a symlink.
         */
        SymlinkInPathError: {
            detail: components["schemas"]["SymlinkInPathErrorDetail"];
        };
        /**
         * SymlinkInPathErrorDetail
         * @description The ``detail`` of a ``SYMLINK_IN_PATH`` answer.
         */
        SymlinkInPathErrorDetail: {
            /**
             * Code
             * @example SYMLINK_IN_PATH
             * @constant
             */
            code: "SYMLINK_IN_PATH";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * ThumbnailFailedError
         * @description Error `THUMBNAIL_FAILED`.
         *
         *     HTTP 422
         */
        ThumbnailFailedError: {
            detail: components["schemas"]["ThumbnailFailedErrorDetail"];
        };
        /**
         * ThumbnailFailedErrorDetail
         * @description The ``detail`` of a ``THUMBNAIL_FAILED`` answer.
         */
        ThumbnailFailedErrorDetail: {
            /**
             * Code
             * @example THUMBNAIL_FAILED
             * @constant
             */
            code: "THUMBNAIL_FAILED";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
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
        /**
         * TransitionList
         * @description ``GET /api/v1/transitions``: what the local ffmpeg's ``xfade`` supports.
         */
        TransitionList: {
            /** Transitions */
            transitions: components["schemas"]["TransitionOut"][];
        };
        /** TransitionOut */
        TransitionOut: {
            /** Description */
            description: string;
            /**
             * Name
             * @description An xfade `transition` value.
             * @example fade
             */
            name: string;
        };
        /**
         * UnauthorizedError
         * @description Error `UNAUTHORIZED`.
         */
        UnauthorizedError: {
            detail: components["schemas"]["UnauthorizedErrorDetail"];
        };
        /**
         * UnauthorizedErrorDetail
         * @description The ``detail`` of a ``UNAUTHORIZED`` answer.
         */
        UnauthorizedErrorDetail: {
            /**
             * Code
             * @example UNAUTHORIZED
             * @constant
             */
            code: "UNAUTHORIZED";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * UnavailableError
         * @description Error `UNAVAILABLE`.
         */
        UnavailableError: {
            detail: components["schemas"]["UnavailableErrorDetail"];
        };
        /**
         * UnavailableErrorDetail
         * @description The ``detail`` of a ``UNAVAILABLE`` answer.
         */
        UnavailableErrorDetail: {
            /**
             * Code
             * @example UNAVAILABLE
             * @constant
             */
            code: "UNAVAILABLE";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * UnknownJobTypeError
         * @description Error `UNKNOWN_JOB_TYPE`.
         *
         *     HTTP 400
         */
        UnknownJobTypeError: {
            detail: components["schemas"]["UnknownJobTypeErrorDetail"];
        };
        /**
         * UnknownJobTypeErrorDetail
         * @description The ``detail`` of a ``UNKNOWN_JOB_TYPE`` answer.
         */
        UnknownJobTypeErrorDetail: {
            /**
             * Code
             * @example UNKNOWN_JOB_TYPE
             * @constant
             */
            code: "UNKNOWN_JOB_TYPE";
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * UnknownMediaError
         * @description Error `UNKNOWN_MEDIA`.
         *
         *     HTTP 422: Media references of an imported timeline that match no library file.
         */
        UnknownMediaError: {
            detail: components["schemas"]["UnknownMediaErrorDetail"];
        };
        /**
         * UnknownMediaErrorDetail
         * @description The ``detail`` of a ``UNKNOWN_MEDIA`` answer.
         */
        UnknownMediaErrorDetail: {
            /**
             * Code
             * @example UNKNOWN_MEDIA
             * @constant
             */
            code: "UNKNOWN_MEDIA";
            /** Errors */
            errors: components["schemas"]["FieldProblem"][];
            /** Field */
            field: string;
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
            /** Missing */
            missing: string[];
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
        /**
         * ValidationError
         * @description Error `VALIDATION_ERROR`.
         *
         *     HTTP 422: A value is well-formed but breaks a rule; ``field`` names it (HTTP 422).
         *
         *     HTTP 422: An edit breaks a rule of the editor; nothing was changed.
         *
         *     HTTP 422: A clip, track, transition or project setting out of its bounds.
         *
         *     HTTP 422: Effect parameters the effect's JSON Schema (or its cross-field rules) refuse.
         *
         *     HTTP 422: An OTIO document (or one value in it) that cannot become a project.
         *
         *     HTTP 422: An export format that is not known, or whose OTIO adapter is not installed.
         *
         *     HTTP 422: A render or frame request the project cannot satisfy, naming the field.
         *
         *     HTTP 422: A container, codec or preset the local ffmpeg cannot render (422 naming it).
         */
        ValidationError: {
            detail: components["schemas"]["ValidationErrorDetail"];
        };
        /**
         * ValidationErrorDetail
         * @description The ``detail`` of a ``VALIDATION_ERROR`` answer.
         */
        ValidationErrorDetail: {
            /**
             * Code
             * @example VALIDATION_ERROR
             * @constant
             */
            code: "VALIDATION_ERROR";
            /** Errors */
            errors: components["schemas"]["FieldProblem"][];
            /**
             * Field
             * @description Sent by some sources only.
             */
            field?: string | null;
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
        };
        /**
         * VersionConflictError
         * @description Error `VERSION_CONFLICT`.
         *
         *     HTTP 412: A change was based on a version that is no longer current (HTTP 412).
         */
        VersionConflictError: {
            detail: components["schemas"]["VersionConflictErrorDetail"];
        };
        /**
         * VersionConflictErrorDetail
         * @description The ``detail`` of a ``VERSION_CONFLICT`` answer.
         */
        VersionConflictErrorDetail: {
            /**
             * Code
             * @example VERSION_CONFLICT
             * @constant
             */
            code: "VERSION_CONFLICT";
            /** Current Version */
            current_version: number;
            /**
             * Message
             * @description For people; may change. `code` is for programs.
             */
            message: string;
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
        /**
         * VideoDeleted
         * @description Payload of ``video.deleted``.
         */
        VideoDeleted: {
            /**
             * File Deleted
             * @description The file was removed too (``delete_file=true``).
             */
            file_deleted: boolean;
            /** Id */
            id: string;
            /** Path */
            path: string;
        };
        /** VideoDeletedEvent */
        VideoDeletedEvent: {
            /**
             * Event Id
             * @description Strictly increasing; `?since=` resumes after it.
             */
            event_id: number;
            payload: components["schemas"]["VideoDeleted"];
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "video.deleted";
        };
        /**
         * VideoEvent
         * @description A scan stored a new or changed video: the payload is the video record.
         */
        VideoEvent: {
            /**
             * Event Id
             * @description Strictly increasing; `?since=` resumes after it.
             */
            event_id: number;
            payload: components["schemas"]["VideoOut"];
            /**
             * Timestamp
             * Format: date-time
             */
            timestamp: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "video.added" | "video.updated";
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
            /**
             * Duration Frames
             * @description Frames of the video stream; null for audio (no frames of its own).
             */
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
             * Media Type
             * @description `video`, or `audio` for a sound file (by its extension): audio records have no `width`, `height`, frame rate, `video_codec` or `duration_frames`.
             * @enum {string}
             */
            media_type: "video" | "audio";
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
    "effects-list": {
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
                    "application/json": components["schemas"]["EffectCatalog"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
        };
    };
    "effects-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EffectPreviewRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FilterPreview"];
                };
            };
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "effects-preview-image": {
        parameters: {
            query: {
                /** @description A library video. */
                video_id: string;
                /** @description Seconds into the video. */
                t?: number;
                /** @description The effect's parameters as JSON. */
                parameters?: string;
                /** @description Picture width (px). */
                width?: number;
            };
            header?: never;
            path: {
                /** @description A video effect's `effect_type`. */
                effect_type: "text_overlay" | "speed" | "volume" | "audio_fade" | "video_fade" | "audio_ducking" | "color" | "crop" | "blur" | "rotate" | "flip" | "hue";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The frame with the effect. */
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description PATH_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathNotAllowedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description SOURCE_MISSING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceMissingError"];
                };
            };
            /** @description VALIDATION_ERROR, PREVIEW_FAILED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"] | components["schemas"]["PreviewFailedError"];
                };
            };
            /** @description PREVIEW_TIMEOUT, DEPENDENCY_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewTimeoutError"] | components["schemas"]["DependencyUnavailableError"];
                };
            };
        };
    };
    "jobs-list": {
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "jobs-get": {
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "jobs-cancel": {
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description ALREADY_TERMINAL */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlreadyTerminalError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
                };
            };
        };
    };
    "jobs-wait": {
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
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
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
                };
            };
        };
    };
    "projects-import": {
        parameters: {
            query?: {
                /** @description `otio` (OpenTimelineIO JSON), `edl` (CMX 3600) or `fcpxml` (FCP XML). */
                format?: "otio" | "edl" | "fcpxml";
                /** @description An EDL's frame rate (it has none); default 30. */
                fps?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file itself: OTIO JSON, a CMX 3600 EDL or Final Cut Pro XML (as `format` says), whose media references are library files. */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
                "application/xml": string;
                "text/plain": string;
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description SOURCE_MISSING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceMissingError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description VALIDATION_ERROR, UNKNOWN_MEDIA */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"] | components["schemas"]["UnknownMediaError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
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
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
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
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description SOURCE_MISSING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceMissingError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
                    "application/json": components["schemas"]["ClipEffectOut"];
                };
            };
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
                    "application/json": components["schemas"]["ClipEffectOut"];
                };
            };
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description MAIN_TRACK_REQUIRED, SOURCE_MISSING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MainTrackRequiredError"] | components["schemas"]["SourceMissingError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
                };
            };
        };
    };
    "projects-export": {
        parameters: {
            query?: {
                /** @description `otio` (OpenTimelineIO JSON), `edl` (CMX 3600) or `fcpxml` (FCP XML). */
                format?: "otio" | "edl" | "fcpxml";
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
                    "application/json": components["schemas"]["ExportOut"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VALIDATION_ERROR */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "render-frame": {
        parameters: {
            query: {
                /** @description The project frame. */
                at: number;
                width?: number;
            };
            header?: never;
            path: {
                /** @description The project's id. */
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
                    "image/jpeg": unknown;
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description EMPTY_PROJECT, SOURCE_MISSING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyProjectError"] | components["schemas"]["SourceMissingError"];
                };
            };
            /** @description VALIDATION_ERROR, PREVIEW_FAILED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"] | components["schemas"]["PreviewFailedError"];
                };
            };
            /** @description PREVIEW_TIMEOUT, DEPENDENCY_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewTimeoutError"] | components["schemas"]["DependencyUnavailableError"];
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
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
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description NOTHING_TO_REDO */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NothingToRedoError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
                };
            };
        };
    };
    "render-project": {
        parameters: {
            query?: {
                /** @description Answer the command; start nothing. */
                dry_run?: boolean;
            };
            header?: never;
            path: {
                /** @description The project's id. */
                project_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RenderRequest"] | null;
            };
        };
        responses: {
            /** @description ``dry_run=true``: the command, no job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DryRunOut"];
                };
            };
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobSubmitted"];
                };
            };
            /** @description INVALID_PATH, BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidPathError"] | components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description PATH_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathNotAllowedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description EMPTY_PROJECT, SOURCE_MISSING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyProjectError"] | components["schemas"]["SourceMissingError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description VALIDATION_ERROR */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description DEPENDENCY_UNAVAILABLE, STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DependencyUnavailableError"] | components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
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
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description MAIN_TRACK_REQUIRED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MainTrackRequiredError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
                    "application/json": components["schemas"]["ProjectTransitionOut"];
                };
            };
            /** @description BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
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
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description NOTHING_TO_UNDO */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NothingToUndoError"];
                };
            };
            /** @description VERSION_CONFLICT */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionConflictError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
                };
            };
        };
    };
    "render-formats": {
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
                    "application/json": components["schemas"]["FormatsOut"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description DEPENDENCY_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DependencyUnavailableError"];
                };
            };
        };
    };
    "render-file": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The render job's id. */
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
                    "video/mp4": unknown;
                };
            };
            /** @description The bytes a ``Range`` asked for. */
            206: {
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "transitions-list": {
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
                    "application/json": components["schemas"]["TransitionList"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description DEPENDENCY_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DependencyUnavailableError"];
                };
            };
        };
    };
    "videos-list": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                sort?: "filename" | "created_at" | "updated_at" | "duration_seconds" | "file_size" | "width";
                order?: "asc" | "desc";
                /** @description Only `video` or only `audio` records; both when absent. */
                media_type?: ("video" | "audio") | null;
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "videos-scan": {
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
            /** @description INVALID_PATH, BAD_REQUEST: the body is not JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidPathError"] | components["schemas"]["BadRequestError"];
                };
            };
            /** @description Missing or wrong token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description PATH_NOT_ALLOWED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathNotAllowedError"];
                };
            };
            /** @description SCAN_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScanInProgressError"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
                };
            };
        };
    };
    "videos-search": {
        parameters: {
            query: {
                /** @description Words to find; at least one, and no control characters. */
                q: string;
                limit?: number;
                offset?: number;
                sort?: "filename" | "created_at" | "updated_at" | "duration_seconds" | "file_size" | "width";
                order?: "asc" | "desc";
                /** @description Only `video` or only `audio` records; both when absent. */
                media_type?: ("video" | "audio") | null;
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "videos-get": {
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "videos-delete": {
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description PATH_NOT_ALLOWED, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PathNotAllowedError"] | components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description SYMLINK_IN_PATH, NOT_A_REGULAR_FILE, IN_USE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SymlinkInPathError"] | components["schemas"]["NotARegularFileError"] | components["schemas"]["InUseError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
            /** @description STORAGE_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StorageUnavailableError"];
                };
            };
            /** @description INSUFFICIENT_STORAGE */
            507: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InsufficientStorageError"];
                };
            };
        };
    };
    "videos-thumbnail": {
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
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    "health-live": {
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
    "health-ready": {
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
    "metrics-get": {
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
