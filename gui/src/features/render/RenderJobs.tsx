import { errorMessage } from "../../api/errors";
import { useJobs } from "../jobs/api";
import { renderedProject } from "./progress";
import { RenderJob } from "./RenderJob";
import styles from "./Render.module.css";

/** How many of the project's latest renders the editor shows. */
const SHOWN = 3;
/** Render jobs asked for; the project's are picked from them by payload. */
const QUERY = { job_type: "render", limit: 50 } as const;

/** The project's latest render jobs, newest first, kept live by job events. */
export function RenderJobs({ projectId }: { projectId: string }) {
  const jobs = useJobs(QUERY);
  const mine = (jobs.data?.jobs ?? []).filter((job) => renderedProject(job.payload) === projectId).slice(0, SHOWN);
  return (
    <section className={styles.panel} aria-labelledby="renders-title">
      <h2 id="renders-title" className={styles.panelTitle}>
        Renders
      </h2>
      {jobs.isError && (
        <p className={styles.error} role="alert">
          Could not load the renders: {errorMessage(jobs.error)}
        </p>
      )}
      {jobs.data && mine.length === 0 && <p className={styles.muted}>No renders yet. Use Render… above.</p>}
      {mine.length > 0 && (
        <ul className={styles.jobs} aria-label="Render jobs, newest first">
          {mine.map((job) => (
            <RenderJob key={job.job_id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}
