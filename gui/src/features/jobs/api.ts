import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { JobListQuery } from "../../api/types";
import { usePollInterval } from "../../lib/events/EventsProvider";
import { applyJobUpdate, jobKeys, keepNewerJob, keepNewerJobs } from "./cache";
import { isTerminal } from "./status";

/**
 * One job, kept current by `/ws` job events; while the socket is down it is
 * polled every second until it reaches a terminal state.
 */
export function useJob(jobId: string | null) {
  const pollMs = usePollInterval();
  return useQuery({
    queryKey: jobKeys.detail(jobId ?? ""),
    queryFn: jobId
      ? ({ signal }) => unwrap(api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: jobId } }, signal }))
      : skipToken,
    refetchInterval: (query) => {
      const job = query.state.data;
      return job && isTerminal(job.status) ? false : pollMs;
    },
    structuralSharing: keepNewerJob,
  });
}

/** The job list (newest first); polled every second while the socket is down. */
export function useJobs(query: JobListQuery) {
  const pollMs = usePollInterval();
  return useQuery({
    queryKey: jobKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/jobs", { params: { query }, signal })),
    refetchInterval: pollMs,
    structuralSharing: keepNewerJobs,
  });
}

/** `POST /api/v1/jobs/{id}/cancel`; the answer (the job's new state) goes straight into the cache. */
export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      unwrap(api.POST("/api/v1/jobs/{job_id}/cancel", { params: { path: { job_id: jobId } } })),
    onSuccess: (job) => applyJobUpdate(queryClient, job),
    onError: (error, jobId) => {
      // 409 ALREADY_TERMINAL: the job finished meanwhile; show its real state.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: jobKeys.detail(jobId) });
        void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      }
    },
  });
}
