import type { JobStatus } from "../api/types";
import { assertNever } from "../lib/assertNever";
import styles from "./StatusBadge.module.css";

interface BadgeLook {
  label: string;
  tone: "neutral" | "info" | "success" | "danger" | "warning";
}

/** The one mapping from every `JobStatus` to how it looks. */
export function badgeLook(status: JobStatus): BadgeLook {
  switch (status) {
    case "pending":
      return { label: "Pending", tone: "neutral" };
    case "running":
      return { label: "Running", tone: "info" };
    case "complete":
      return { label: "Complete", tone: "success" };
    case "failed":
      return { label: "Failed", tone: "danger" };
    case "timeout":
      return { label: "Timed out", tone: "danger" };
    case "cancelled":
      return { label: "Cancelled", tone: "warning" };
    default:
      return assertNever(status);
  }
}

export function StatusBadge({ status }: { status: JobStatus }) {
  const { label, tone } = badgeLook(status);
  return (
    <span className={`${styles.badge} ${styles[tone]}`} data-testid="status-badge" data-status={status}>
      {label}
    </span>
  );
}
