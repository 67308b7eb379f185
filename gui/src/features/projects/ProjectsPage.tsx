import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api/errors";
import type { ProjectSummary } from "../../api/types";
import { formatDuration, formatTimestamp } from "../../lib/format";
import { PROJECT_LIST_LIMIT, useProjects } from "./api";
import { CreateProjectDialog } from "./CreateProjectDialog";
import { DeleteProjectDialog } from "./DeleteProjectDialog";
import styles from "./ProjectsPage.module.css";

/** `/gui/projects`: every project with its output settings; create and delete. */
export function ProjectsPage() {
  const projects = useProjects();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<ProjectSummary | null>(null);

  return (
    <section aria-labelledby="projects-title">
      <div className={styles.toolbar}>
        <h1 id="projects-title">Projects</h1>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New project
        </button>
      </div>
      {projects.isPending && <p className={styles.muted}>Loading projects…</p>}
      {projects.isError && (
        <p role="alert" className={styles.error}>
          Could not load projects: {errorMessage(projects.error)}
        </p>
      )}
      {projects.data?.total === 0 && (
        <p className={styles.muted} data-testid="projects-empty">
          No projects yet — make one with “New project”.
        </p>
      )}
      {projects.data && projects.data.projects.length > 0 && (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Size</th>
              <th scope="col">FPS</th>
              <th scope="col">Duration</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className={styles.hidden}>Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {projects.data.projects.map((project) => (
              <tr key={project.id} data-testid="project-row" data-project-id={project.id}>
                <td>
                  <Link to={`/projects/${project.id}`}>{project.name}</Link>
                </td>
                <td>
                  {project.output_width}×{project.output_height}
                </td>
                <td>{project.output_fps}</td>
                <td data-testid="project-duration">{formatDuration(project.duration_s)}</td>
                <td>{formatTimestamp(project.updated_at)}</td>
                <td>
                  <button type="button" onClick={() => setDeleting(project)} aria-label={`Delete ${project.name}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {projects.data && projects.data.total > PROJECT_LIST_LIMIT && (
        <p className={styles.muted}>Showing the newest {PROJECT_LIST_LIMIT} of {projects.data.total} projects.</p>
      )}
      {creating && <CreateProjectDialog onClose={() => setCreating(false)} />}
      {deleting && <DeleteProjectDialog project={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}
