import type { EventRegistry } from "../../lib/events/registry";
import { JOB_TERMINAL_EVENT_TYPES } from "../jobs/events";
import { videoKeys } from "./keys";

/**
 * Video events only invalidate the video queries: pages, sorting and totals
 * are the server's business. A finished scan changed the library too, even
 * if some video events were throttled or missed.
 */
export function registerLibraryEvents(registry: EventRegistry): void {
  registry.on(["video.added", "video.updated", "video.deleted"], (_event, queryClient) => {
    void queryClient.invalidateQueries({ queryKey: videoKeys.all });
  });
  registry.on(JOB_TERMINAL_EVENT_TYPES, (event, queryClient) => {
    if (event.payload.job_type === "scan") void queryClient.invalidateQueries({ queryKey: videoKeys.all });
  });
  registry.onGap((queryClient) => void queryClient.invalidateQueries({ queryKey: videoKeys.all }));
}
