import type { Job } from "../../api/types";
import { badgeLook } from "../../components/StatusBadge";
import { formatElapsed, secondsBetween } from "../../lib/format";
import styles from "./DashboardPage.module.css";

const WIDTH = 600;
const HEIGHT = 160;
const AXIS = 18;
const MAX_BARS = 20;

interface Bar {
  job: Job;
  seconds: number;
}

/**
 * Bars for how long the most recent finished jobs took (newest on the right),
 * drawn as inline SVG. Each bar has a tooltip; the figure has a text summary.
 */
export function DurationChart({ jobs }: { jobs: readonly Job[] }) {
  const bars: Bar[] = [];
  for (const job of jobs) {
    const seconds = secondsBetween(job.started_at, job.finished_at);
    if (seconds !== null) bars.push({ job, seconds });
    if (bars.length === MAX_BARS) break;
  }
  bars.reverse();

  if (bars.length === 0) {
    return <p className={styles.muted}>No finished jobs yet.</p>;
  }

  const longest = Math.max(...bars.map((bar) => bar.seconds));
  // Guard the scale against a row of zero-length jobs.
  const scale = Math.max(longest, 0.001);
  const slot = WIDTH / MAX_BARS;
  const barWidth = slot * 0.7;
  const plotHeight = HEIGHT - AXIS;

  return (
    <figure className={styles.chart}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Durations of the last ${bars.length} finished jobs; the longest took ${formatElapsed(longest)}.`}
        data-testid="duration-chart"
      >
        <line x1={0} x2={WIDTH} y1={plotHeight} y2={plotHeight} className={styles.axis} />
        {bars.map(({ job, seconds }, index) => {
          const height = Math.max(2, (seconds / scale) * (plotHeight - 4));
          // Newest bar at the right edge, whatever the number of bars.
          const x = (MAX_BARS - bars.length + index) * slot + (slot - barWidth) / 2;
          return (
            <rect
              key={job.job_id}
              x={x}
              y={plotHeight - height}
              width={barWidth}
              height={height}
              rx={2}
              className={styles[`bar_${badgeLook(job.status).tone}`]}
            >
              <title>{`${job.job_type} ${job.job_id.slice(0, 8)}: ${formatElapsed(seconds)} (${badgeLook(job.status).label})`}</title>
            </rect>
          );
        })}
        <text x={0} y={HEIGHT - 3} className={styles.axisLabel}>
          older
        </text>
        <text x={WIDTH} y={HEIGHT - 3} textAnchor="end" className={styles.axisLabel}>
          newer · max {formatElapsed(longest)}
        </text>
      </svg>
    </figure>
  );
}
