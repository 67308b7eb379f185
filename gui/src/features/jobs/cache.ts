import type { QueryClient } from "@tanstack/react-query";
import type { Job, JobList, JobListQuery } from "../../api/types";
import { isTerminal } from "./status";

export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => ["jobs", "list"] as const,
  list: (query: JobListQuery) => ["jobs", "list", query] as const,
  details: () => ["jobs", "detail"] as const,
  detail: (jobId: string) => ["jobs", "detail", jobId] as const,
};

/**
 * Chooses between the job state we hold and one that just arrived.
 *
 * Events and HTTP answers can cross: a `GET` sent before a job finished may
 * land after its `job.completed` event. A finished job never runs again, so
 * a terminal state is never replaced by a non-terminal one.
 */
export function newerJob(current: Job | undefined, incoming: Job): Job {
  if (current && current.job_id === incoming.job_id && isTerminal(current.status) && !isTerminal(incoming.status)) {
    return current;
  }
  return incoming;
}

/** Structural sharing for job queries that applies the `newerJob` rule. */
export function keepNewerJob(oldData: unknown, newData: unknown): unknown {
  return newerJob(oldData as Job | undefined, newData as Job);
}

/** The same rule for every job in a list answer. */
export function keepNewerJobs(oldData: unknown, newData: unknown): unknown {
  const previous = oldData as JobList | undefined;
  const next = newData as JobList;
  if (!previous) return next;
  const byId = new Map(previous.jobs.map((job) => [job.job_id, job]));
  return { ...next, jobs: next.jobs.map((job) => newerJob(byId.get(job.job_id), job)) };
}

function listAccepts(query: JobListQuery | undefined, job: Job): boolean {
  if (!query) return true;
  if (query.status && query.status !== job.status) return false;
  if (query.job_type && query.job_type !== job.job_type) return false;
  return true;
}

/**
 * Puts a job's new state into every cached query that shows it.
 *
 * Used for WebSocket job events and for the answer of a cancel call. The job
 * detail is replaced; lists get the job patched in place, or prepended (lists
 * are newest first) when it is new and matches the list's filter.
 */
export function applyJobUpdate(queryClient: QueryClient, job: Job): void {
  queryClient.setQueryData<Job>(jobKeys.detail(job.job_id), (current) => newerJob(current, job));

  for (const [key, list] of queryClient.getQueriesData<JobList>({ queryKey: jobKeys.lists() })) {
    if (!list) continue;
    const query = key[2] as JobListQuery | undefined;
    const index = list.jobs.findIndex((item) => item.job_id === job.job_id);
    let jobs: Job[];
    let added = false;
    if (index >= 0) {
      const merged = newerJob(list.jobs[index], job);
      jobs = listAccepts(query, merged)
        ? list.jobs.map((item, i) => (i === index ? merged : item))
        : list.jobs.filter((_, i) => i !== index);
    } else if (listAccepts(query, job)) {
      jobs = [job, ...list.jobs];
      if (query?.limit && jobs.length > query.limit) jobs = jobs.slice(0, query.limit);
      added = true;
    } else {
      continue;
    }
    queryClient.setQueryData<JobList>(key, { ...list, jobs });
    if (added && queryClient.getQueryState(key)?.fetchStatus === "fetching") {
      // A list answer already on its way predates this new job and would drop
      // it again; ask once more. (Only for new jobs: progress ticks are
      // frequent, and a stale tick is corrected by the next one.)
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
    }
  }
}
