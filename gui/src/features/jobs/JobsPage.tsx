import { useState } from "react";
import { errorMessage } from "../../api/errors";
import type { JobStatus } from "../../api/types";
import { badgeLook } from "../../components/StatusBadge";
import { useJobs } from "./api";
import { JobRow } from "./JobRow";
import { ALL_JOB_STATUSES } from "./status";
import styles from "./JobsPage.module.css";

const JOB_LIMIT = 100;

export function JobsPage() {
  const [status, setStatus] = useState<JobStatus | "">("");
  const jobs = useJobs(status ? { limit: JOB_LIMIT, status } : { limit: JOB_LIMIT });

  return (
    <section aria-labelledby="jobs-title">
      <div className={styles.toolbar}>
        <h1 id="jobs-title">Jobs</h1>
        <label className={styles.filter}>
          Status{" "}
          <select value={status} onChange={(event) => setStatus(event.target.value as JobStatus | "")}>
            <option value="">All</option>
            {ALL_JOB_STATUSES.map((value) => (
              <option key={value} value={value}>
                {badgeLook(value).label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {jobs.isPending && <p className={styles.muted}>Loading jobs…</p>}
      {jobs.isError && (
        <p className={styles.error} role="alert">
          Could not load jobs: {errorMessage(jobs.error)}
        </p>
      )}
      {jobs.data && jobs.data.jobs.length === 0 && (
        <p className={styles.empty}>{status ? "No jobs with this status." : "No jobs yet. Scans show up here."}</p>
      )}
      {jobs.data && jobs.data.jobs.length > 0 && (
        <>
          <ul className={styles.list} aria-label="Jobs, newest first">
            {jobs.data.jobs.map((job) => (
              <JobRow key={job.job_id} job={job} />
            ))}
          </ul>
          {jobs.data.jobs.length >= JOB_LIMIT && (
            <p className={styles.muted}>Showing the latest {JOB_LIMIT} jobs.</p>
          )}
        </>
      )}
    </section>
  );
}
