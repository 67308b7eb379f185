import { errorMessage } from "../../api/errors";
import type { JobStatus } from "../../api/types";
import { StatusBadge } from "../../components/StatusBadge";
import { useJobs } from "../jobs/api";
import { ALL_JOB_STATUSES } from "../jobs/status";
import { useVideoCount } from "../library/api";
import { useReadiness } from "./api";
import { DurationChart } from "./DurationChart";
import styles from "./DashboardPage.module.css";

const RECENT_JOBS = 100;

function checkStatus(check: unknown): string {
  if (typeof check !== "object" || check === null) return "unknown";
  const record = check as Record<string, unknown>;
  if (typeof record.status === "string") return record.status;
  if (typeof record.ok === "boolean") return record.ok ? "ok" : "failing";
  return "unknown";
}

function checkDetails(check: unknown): [string, string][] {
  if (typeof check !== "object" || check === null) return [];
  return Object.entries(check as Record<string, unknown>)
    .filter(([key, value]) => key !== "status" && key !== "ok" && value !== null && value !== undefined)
    .map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]);
}

function HealthPanel() {
  const health = useReadiness();
  return (
    <section className={styles.panel} aria-labelledby="health-title">
      <h2 id="health-title">
        Health{" "}
        {health.data && (
          <span className={styles.overall} data-testid="health-status" data-status={health.data.status}>
            {health.data.status}
          </span>
        )}
      </h2>
      {health.isPending && <p className={styles.muted}>Checking…</p>}
      {health.isError && (
        <p className={styles.bad} role="alert">
          Server unreachable: {errorMessage(health.error)}
        </p>
      )}
      {health.data && (
        <ul className={styles.checks}>
          {Object.entries(health.data.checks).map(([name, check]) => {
            const status = checkStatus(check);
            return (
              <li key={name} data-testid={`health-${name}`} data-status={status}>
                <span className={status === "ok" ? styles.good : styles.bad}>{status === "ok" ? "●" : "▲"}</span>{" "}
                <strong>{name}</strong>: {status}
                {checkDetails(check).map(([key, value]) => (
                  <span key={key} className={styles.detail}>
                    {key}: {value}
                  </span>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function DashboardPage() {
  const videoCount = useVideoCount();
  const jobs = useJobs({ limit: RECENT_JOBS });

  const counts = new Map<JobStatus, number>(ALL_JOB_STATUSES.map((status) => [status, 0]));
  for (const job of jobs.data?.jobs ?? []) counts.set(job.status, (counts.get(job.status) ?? 0) + 1);

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <div className={styles.grid}>
        <HealthPanel />

        <section className={styles.panel} aria-labelledby="videos-title">
          <h2 id="videos-title">Library</h2>
          <p className={styles.big} data-testid="video-count">
            {videoCount.data ?? "—"}
          </p>
          <p className={styles.muted}>videos</p>
        </section>

        <section className={styles.panel} aria-labelledby="job-counts-title">
          <h2 id="job-counts-title">Jobs by status</h2>
          <ul className={styles.counts}>
            {ALL_JOB_STATUSES.map((status) => (
              <li key={status}>
                <StatusBadge status={status} /> <span data-testid={`jobs-${status}`}>{counts.get(status) ?? 0}</span>
              </li>
            ))}
          </ul>
          <p className={styles.muted}>Of the latest {RECENT_JOBS} jobs.</p>
        </section>

        <section className={`${styles.panel} ${styles.wide}`} aria-labelledby="durations-title">
          <h2 id="durations-title">Recent job durations</h2>
          {jobs.data ? <DurationChart jobs={jobs.data.jobs} /> : <p className={styles.muted}>Loading…</p>}
        </section>
      </div>
    </section>
  );
}
