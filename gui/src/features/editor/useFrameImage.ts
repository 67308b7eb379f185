import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../api/client";
import { errorMessage, toApiError } from "../../api/errors";
import { useDebouncedValue } from "../../lib/useDebouncedValue";

export const FRAME_DEBOUNCE_MS = 150;

interface Wanted {
  frame: number;
  version: number;
}

export interface FrameImage {
  /** An object URL of the last frame that arrived (kept while the next one loads). */
  url: string | null;
  /** The frame and version `url` shows. */
  shown: Wanted | null;
  /** A newer frame than `shown` is on its way (or waits for the debounce). */
  loading: boolean;
  error: string | null;
}

interface Loaded {
  url: string | null;
  shown: Wanted | null;
  failed: { wanted: Wanted; message: string } | null;
}

/**
 * `GET /projects/{id}/frame?at=` for the playhead, debounced, one request at
 * a time: a newer request aborts the older one (the server then stops its
 * ffmpeg). The previous picture stays until the new one has arrived.
 */
export function useFrameImage(projectId: string, frame: number | null, version: number, width: number): FrameImage {
  // One object per (frame, version), so the debounced value only changes when they do.
  const current = useMemo<Wanted | null>(() => (frame === null ? null : { frame, version }), [frame, version]);
  const wanted = useDebouncedValue(current, FRAME_DEBOUNCE_MS);
  const [loaded, setLoaded] = useState<Loaded>({ url: null, shown: null, failed: null });
  const lastUrl = useRef<string | null>(null);

  useEffect(() => {
    if (wanted === null) return;
    const controller = new AbortController();
    api
      .GET("/api/v1/projects/{project_id}/frame", {
        params: { path: { project_id: projectId }, query: { at: wanted.frame, width } },
        parseAs: "blob",
        signal: controller.signal,
      })
      .then(({ data, error, response }) => {
        if (!response.ok || !data) throw toApiError(response, error);
        const url = URL.createObjectURL(data);
        if (lastUrl.current) URL.revokeObjectURL(lastUrl.current);
        lastUrl.current = url;
        setLoaded({ url, shown: wanted, failed: null });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded((before) => ({ ...before, failed: { wanted, message: errorMessage(error) } }));
      });
    return () => controller.abort();
  }, [projectId, wanted, width]);

  // The last object URL goes when the preview does.
  useEffect(
    () => () => {
      if (lastUrl.current) URL.revokeObjectURL(lastUrl.current);
      lastUrl.current = null;
    },
    [],
  );

  const settled = wanted !== null && wanted === current && (loaded.shown === wanted || loaded.failed?.wanted === wanted);
  return {
    url: loaded.url,
    shown: loaded.shown,
    loading: current !== null && !settled,
    error: loaded.failed?.wanted === wanted ? loaded.failed.message : null,
  };
}
