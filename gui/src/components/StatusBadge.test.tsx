import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { JobStatus } from "../api/types";
import { ALL_JOB_STATUSES, isTerminal } from "../features/jobs/status";
import { badgeLook, StatusBadge } from "./StatusBadge";

describe("StatusBadge", () => {
  it("knows all six statuses of the server's JobStatus", () => {
    expect([...ALL_JOB_STATUSES]).toEqual(["pending", "running", "complete", "failed", "timeout", "cancelled"]);
  });

  it.each(ALL_JOB_STATUSES)("renders %s with its own label", (status) => {
    render(<StatusBadge status={status} />);
    const badge = screen.getByTestId("status-badge");
    expect(badge).toHaveAttribute("data-status", status);
    expect(badge).toHaveTextContent(badgeLook(status).label);
  });

  it("gives every status a distinct label", () => {
    const labels = ALL_JOB_STATUSES.map((status) => badgeLook(status).label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("treats exactly complete, failed, timeout and cancelled as terminal", () => {
    expect(ALL_JOB_STATUSES.filter(isTerminal)).toEqual(["complete", "failed", "timeout", "cancelled"]);
  });

  it("rejects, at compile time, a status the server never sends", () => {
    // @ts-expect-error "done" is not a JobStatus
    const bogus: JobStatus = "done";
    // @ts-expect-error the badge only takes generated statuses
    const element = <StatusBadge status="succeeded" />;
    expect(bogus).toBe("done");
    expect(element).toBeTruthy();
  });
});
