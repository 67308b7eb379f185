import type { Job } from "../../api/types";
import { errorMessage } from "../../api/errors";
import { ProgressBar } from "../../components/ProgressBar";
import { StatusBadge } from "../../components/StatusBadge";
import { formatElapsed, formatEta, formatPercent, formatRate, formatTimestamp, secondsBetween } from "../../lib/format";
import { formatSpeed } from "../render/progress";
import { RenderDownloadLink, useRenderFile } from "../render/RenderFile";
import { useCancelJob } from "./api";
import { describeResult, readProgress, readScanSummary } from "./progress";
import { isActive } from "./status";
import styles from "./JobsPage.module.css";

export function JobRow({ job }: { job: Job }) {
  const cancel = useCancelJob();
  const active = isActive(job.status);
  const cancelling = job.cancel_requested || cancel.isPending;

  return (
    <li className={styles.row} data-testid="job-row" data-status={job.status} data-job-id={job.job_id}>
      <div className={styles.rowHead}>
        <StatusBadge status={job.status} />
        <span className={styles.type}>{job.job_type}</span>
        <code className={styles.id} title={job.job_id}>
          {job.job_id.slice(0, 8)}
        </code>
        <span className={styles.time}>{formatTimestamp(job.created_at)}</span>
        {active && (
          <button
            type="button"
            className={`${styles.cancel} danger`}
            disabled={cancelling}
            onClick={() => cancel.mutate(job.job_id)}
          >
            {cancelling ? "Cancelling…" : "Cancel"}
          </button>
        )}
      </div>
      {active ? <JobProgress job={job} /> : <JobOutcome job={job} />}
      {cancel.error && (
        <p className={styles.error} role="alert">
          {errorMessage(cancel.error)}
        </p>
      )}
    </li>
  );
}

function JobProgress({ job }: { job: Job }) {
  if (job.status === "pending") {
    return <p className={styles.muted}>Queued</p>;
  }
  const detail = readProgress(job.progress_detail);
  return (
    <div className={styles.progress}>
      <ProgressBar
        size="small"
        value={job.progress}
        label={`Progress of ${job.job_type} job ${job.job_id.slice(0, 8)}`}
      />
      <div className={styles.stats}>
        <span className={styles.percent} data-testid="job-percent">
          {formatPercent(job.progress)}
        </span>
        {detail.total !== null && (
          <span data-testid="job-progress-text">
            {detail.processed ?? 0} / {detail.total}
          </span>
        )}
        {detail.filesPerS !== null && <span>{formatRate(detail.filesPerS, "files")}</span>}
        {detail.fps !== null && <span data-testid="job-fps">{detail.fps.toFixed(0)} fps</span>}
        {detail.speed !== null && <span data-testid="job-speed">{formatSpeed(detail.speed)}</span>}
        {detail.etaS !== null && <span data-testid="job-eta">ETA {formatEta(detail.etaS)}</span>}
        {detail.current !== null && (
          <span className={styles.current} title={detail.current}>
            {detail.current}
          </span>
        )}
      </div>
    </div>
  );
}

function JobOutcome({ job }: { job: Job }) {
  const took = secondsBetween(job.started_at, job.finished_at);
  const scan = readScanSummary(job);
  const render = job.job_type === "render" && job.status === "complete";
  const other = scan || render ? null : describeResult(job.result);
  return (
    <div className={styles.outcome}>
      {job.error && (
        <p className={styles.error} data-testid="job-error">
          {job.error}
        </p>
      )}
      {scan && (
        <p className={styles.summary} data-testid="job-result">
          {scan.scanned} scanned · {scan.new} new · {scan.updated} updated · {scan.skipped} skipped · {scan.missing}{" "}
          missing · {scan.errors.length} errors
          {job.status === "cancelled" && " (partial results kept)"}
        </p>
      )}
      {render && <RenderOutcome job={job} />}
      {other && (
        <p className={styles.summary} data-testid="job-result">
          {other}
        </p>
      )}
      {took !== null && <p className={styles.muted}>Took {formatElapsed(took)}</p>}
    </div>
  );
}

/** A finished render: its length, frames and size, and the file to download. */
function RenderOutcome({ job }: { job: Job }) {
  const file = useRenderFile(job);
  return (
    <p className={styles.summary} data-testid="job-result">
      {file.summary} · <RenderDownloadLink url={file.url} name={file.name} testId="job-download" />
    </p>
  );
}
