import { errorMessage } from "../../api/errors";
import type { Job } from "../../api/types";
import { ProgressBar } from "../../components/ProgressBar";
import { StatusBadge } from "../../components/StatusBadge";
import { formatEta, formatPercent } from "../../lib/format";
import { useCancelJob } from "../jobs/api";
import { isActive } from "../jobs/status";
import { formatSpeed, readRenderProgress } from "./progress";
import { RenderDownloadLink, useRenderFile } from "./RenderFile";
import styles from "./Render.module.css";

/** Progress, fps, speed and ETA of a running render, with Cancel (the generic job cancel). */
function RunningRender({ job }: { job: Job }) {
  const cancel = useCancelJob();
  const detail = readRenderProgress(job.progress_detail);
  const cancelling = job.cancel_requested || cancel.isPending;
  return (
    <>
      <ProgressBar value={job.progress} label={`Render ${job.job_id.slice(0, 8)} progress`} />
      <div className={styles.stats} data-testid="render-stats">
        <span data-testid="render-percent">{formatPercent(job.progress)}</span>
        {detail.fps !== null && <span data-testid="render-fps">{detail.fps.toFixed(0)} fps</span>}
        {detail.speed !== null && <span data-testid="render-speed">{formatSpeed(detail.speed)}</span>}
        {detail.etaS !== null && <span data-testid="render-eta">ETA {formatEta(detail.etaS)}</span>}
        <button type="button" className="danger" disabled={cancelling} onClick={() => cancel.mutate(job.job_id)}>
          {cancelling ? "Cancelling…" : "Cancel render"}
        </button>
      </div>
      {cancel.error && (
        <p className={styles.error} role="alert">
          {errorMessage(cancel.error)}
        </p>
      )}
    </>
  );
}

/** The finished file: a download link and an inline player. */
function FinishedRender({ job }: { job: Job }) {
  const file = useRenderFile(job);
  return (
    <>
      <p className={styles.muted}>{file.summary}</p>
      <video className={styles.player} src={file.url} controls preload="metadata" data-testid="render-player" />
      <RenderDownloadLink url={file.url} name={file.name} testId="render-download" />
    </>
  );
}

/** One render job in the editor: running (progress, Cancel), finished (player), failed (ffmpeg's message). */
export function RenderJob({ job }: { job: Job }) {
  return (
    <li className={styles.job} data-testid="render-job" data-status={job.status} data-job-id={job.job_id}>
      <div className={styles.jobHead}>
        <StatusBadge status={job.status} />
        <code title={job.job_id}>{job.job_id.slice(0, 8)}</code>
      </div>
      {job.status === "pending" && <p className={styles.muted}>Queued</p>}
      {isActive(job.status) && job.status !== "pending" && <RunningRender job={job} />}
      {job.status === "complete" && <FinishedRender job={job} />}
      {job.error && (
        <pre className={styles.ffmpegError} data-testid="render-error">
          {job.error}
        </pre>
      )}
    </li>
  );
}
