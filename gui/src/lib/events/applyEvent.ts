import type { QueryClient } from "@tanstack/react-query";
import type { Job } from "../../api/types";
import { applyJobUpdate, jobKeys } from "../../features/jobs/cache";
import { isTerminal } from "../../features/jobs/status";
import { videoKeys } from "../../features/library/keys";
import type { ServerEvent } from "./types";

function isJob(value: unknown): value is Job {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.job_id === "string" && typeof record.status === "string" && typeof record.job_type === "string";
}

/**
 * Folds one server event into the TanStack Query cache.
 *
 * Job events carry the whole job, so their data is written straight into the
 * cache (no refetch per progress tick). Video events only invalidate the
 * lists: pages, sorting and totals are the server's business. `resync` means
 * events were lost, so everything is refetched.
 */
export function applyServerEvent(queryClient: QueryClient, event: ServerEvent): void {
  const { type } = event;
  if (type === "heartbeat") return;
  if (type === "resync") {
    void queryClient.invalidateQueries();
    return;
  }
  if (type.startsWith("job.")) {
    if (!isJob(event.payload)) {
      void queryClient.invalidateQueries({ queryKey: jobKeys.all });
      return;
    }
    const job = event.payload;
    applyJobUpdate(queryClient, job);
    if (isTerminal(job.status) && job.job_type === "scan") {
      // A finished scan changed the library, even if video events were throttled.
      void queryClient.invalidateQueries({ queryKey: videoKeys.all });
    }
    return;
  }
  if (type.startsWith("video.")) {
    void queryClient.invalidateQueries({ queryKey: videoKeys.all });
    return;
  }
  if (type.startsWith("project.")) {
    void queryClient.invalidateQueries({ queryKey: ["projects"] });
  }
}

/** After a connect that could not replay (first connect, or after resync). */
export function refreshAfterGap(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: jobKeys.all });
  void queryClient.invalidateQueries({ queryKey: videoKeys.all });
}
