import { useId, useState, type FormEvent } from "react";
import { errorMessage } from "../../api/errors";
import { Dialog } from "../../components/Dialog";
import { ProgressBar } from "../../components/ProgressBar";
import { formatEta, formatPercent, formatRate } from "../../lib/format";
import { useCancelJob, useJob } from "../jobs/api";
import { readProgress, type ScanSummary } from "../jobs/progress";
import { useStartScan } from "./api";
import { scanOutcome, type ScanOutcome } from "./outcome";
import styles from "./ScanModal.module.css";

interface ScanModalProps {
  onClose: () => void;
}

/**
 * "Scan directory": pick a folder, follow the scan live, abort it, and see
 * how it ended (complete, cancelled with partial results, or error).
 *
 * Closing the dialog does not stop a running scan; it stays on the Jobs page.
 */
export function ScanModal({ onClose }: ScanModalProps) {
  const [scan, setScan] = useState<{ jobId: string; path: string } | null>(null);

  return (
    <Dialog label="Scan directory" onClose={onClose}>
      {scan === null ? (
        <ScanForm onStarted={(jobId, path) => setScan({ jobId, path })} onClose={onClose} />
      ) : (
        <ScanRun jobId={scan.jobId} path={scan.path} onAgain={() => setScan(null)} onClose={onClose} />
      )}
    </Dialog>
  );
}

function ScanForm({
  onStarted,
  onClose,
}: {
  onStarted: (jobId: string, path: string) => void;
  onClose: () => void;
}) {
  const pathId = useId();
  const errorId = useId();
  const [path, setPath] = useState("");
  const [recursive, setRecursive] = useState(true);
  const start = useStartScan();
  const failure = start.error ? errorMessage(start.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = path.trim();
    start.mutate({ path: trimmed, recursive }, { onSuccess: ({ job_id }) => onStarted(job_id, trimmed) });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <h2 className={styles.title}>Scan directory</h2>
      <p className={styles.hint}>Adds the videos in a folder on the server to the library.</p>

      <div className={styles.field}>
        <label htmlFor={pathId}>Folder path</label>
        <input
          id={pathId}
          name="path"
          type="text"
          value={path}
          placeholder="/absolute/path/to/videos"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-invalid={failure !== null}
          aria-describedby={failure ? errorId : undefined}
          onChange={(event) => {
            setPath(event.target.value);
            if (start.isError) start.reset();
          }}
        />
        {failure && (
          <p id={errorId} className={styles.fieldError} role="alert" data-testid="scan-path-error">
            {failure}
          </p>
        )}
      </div>

      <label className={styles.checkbox}>
        <input type="checkbox" checked={recursive} onChange={(event) => setRecursive(event.target.checked)} />
        Recursive
      </label>

      <div className={styles.actions}>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="submit" className="primary" disabled={start.isPending}>
          {start.isPending ? "Starting…" : "Start scan"}
        </button>
      </div>
    </form>
  );
}

function ScanRun({
  jobId,
  path,
  onAgain,
  onClose,
}: {
  jobId: string;
  path: string;
  onAgain: () => void;
  onClose: () => void;
}) {
  const { data: job, error } = useJob(jobId);
  const cancel = useCancelJob();

  let outcome: ScanOutcome | null = job ? scanOutcome(job) : null;
  if (!job && error) outcome = { state: "error", message: errorMessage(error) };

  if (outcome) {
    return <ScanResult outcome={outcome} path={path} onAgain={onAgain} onClose={onClose} />;
  }

  const progress = readProgress(job?.progress_detail);
  const started = job?.status === "running";
  // Once asked, stay "Aborting…" until the job reaches a terminal state.
  const aborting = cancel.isPending || cancel.isSuccess || job?.cancel_requested === true;

  return (
    <div className={styles.run} data-testid="scan-running">
      <h2 className={styles.title}>{started ? "Scanning…" : "Waiting to start…"}</h2>
      <p className={styles.path} title={path}>
        {path}
      </p>

      <ProgressBar
        value={job?.progress}
        label="Scan progress"
        valueText={
          progress.total !== null ? `${progress.processed ?? 0} of ${progress.total} files` : undefined
        }
      />
      <div className={styles.stats}>
        <span className={styles.percent} data-testid="scan-percent">
          {formatPercent(job?.progress)}
        </span>
        {progress.total !== null && (
          <span>
            <span data-testid="scan-progress-text">
              {progress.processed ?? 0} / {progress.total}
            </span>{" "}
            files
          </span>
        )}
        {progress.filesPerS !== null && <span>{formatRate(progress.filesPerS, "files")}</span>}
        {progress.etaS !== null && <span data-testid="scan-eta">ETA {formatEta(progress.etaS)}</span>}
      </div>
      <p className={styles.current} data-testid="scan-current" title={progress.current ?? undefined}>
        {progress.current ?? (started ? "Looking for video files…" : "The scan is queued.")}
      </p>

      {cancel.error && !aborting && (
        <p className={styles.fieldError} role="alert">
          {errorMessage(cancel.error)}
        </p>
      )}

      <div className={styles.actions}>
        <button type="button" onClick={onClose} title="The scan keeps running; follow it on the Jobs page.">
          Close
        </button>
        <button type="button" className="danger" disabled={aborting} onClick={() => cancel.mutate(jobId)}>
          {aborting ? "Aborting…" : "Abort scan"}
        </button>
      </div>
    </div>
  );
}

function ScanResult({
  outcome,
  path,
  onAgain,
  onClose,
}: {
  outcome: ScanOutcome;
  path: string;
  onAgain: () => void;
  onClose: () => void;
}) {
  return (
    <div>
      <section data-testid="scan-result" data-state={outcome.state} aria-live="polite">
        {outcome.state === "complete" && <h2 className={styles.title}>Scan complete</h2>}
        {outcome.state === "cancelled" && (
          <>
            <h2 className={styles.title}>Scan cancelled</h2>
            <p className={styles.hint}>The scan was stopped; partial results kept.</p>
          </>
        )}
        {outcome.state === "error" && (
          <>
            <h2 className={styles.title}>Scan failed</h2>
            <p className={styles.errorBox} role="alert" data-testid="scan-error">
              {outcome.message}
            </p>
          </>
        )}
        <p className={styles.path} title={path}>
          {path}
        </p>
        {outcome.state !== "error" && outcome.summary && <ScanCounts summary={outcome.summary} />}
      </section>
      <div className={styles.actions}>
        <button type="button" onClick={onAgain}>
          Scan another folder
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

function ScanCounts({ summary }: { summary: ScanSummary }) {
  const counts = [
    ["scanned", "Scanned", summary.scanned],
    ["new", "New", summary.new],
    ["updated", "Updated", summary.updated],
    ["skipped", "Skipped", summary.skipped],
    ["missing", "Missing", summary.missing],
    ["errors", "Errors", summary.errors.length],
  ] as const;
  return (
    <>
      <dl className={styles.counts}>
        {counts.map(([key, label, value]) => (
          <div key={key} className={styles.count}>
            <dt>{label}</dt>
            <dd data-testid={`count-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {summary.errors.length > 0 && (
        <details className={styles.errors} open={summary.errors.length <= 5}>
          <summary>
            {summary.errors.length} file{summary.errors.length === 1 ? "" : "s"} could not be read
          </summary>
          <ul data-testid="scan-errors">
            {summary.errors.map((entry, index) => (
              // Paths can repeat (one folder error and one file error); the index keeps keys unique.
              <li key={`${index}:${entry.path}`}>
                <code>{entry.path}</code>: {entry.error}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
