import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { Job } from "../../api/types";
import { jobEvent, makeJob, runningScan, scanResult } from "../../test/fixtures";
import { MockWebSocket } from "../../test/MockWebSocket";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";

function jobsApi(jobs: Job[]) {
  const state = { jobs, cancelCalls: [] as string[], listCalls: 0 };
  server.use(
    http.get("/api/v1/jobs", () => {
      state.listCalls += 1;
      return HttpResponse.json({ jobs: state.jobs });
    }),
    http.post("/api/v1/jobs/:jobId/cancel", ({ params }) => {
      const id = String(params.jobId);
      state.cancelCalls.push(id);
      const job = state.jobs.find((item) => item.job_id === id);
      if (!job) return HttpResponse.json({ detail: { code: "NOT_FOUND", message: "no" } }, { status: 404 });
      const next: Job =
        job.status === "pending"
          ? { ...job, status: "cancelled", cancel_requested: true }
          : { ...job, cancel_requested: true };
      state.jobs = state.jobs.map((item) => (item.job_id === id ? next : item));
      return HttpResponse.json(next, { status: 202 });
    }),
  );
  return state;
}

const pending = makeJob({ status: "pending" });
const running = runningScan({}, 30, 120);
const complete = makeJob({
  status: "complete",
  progress: 1,
  started_at: "2025-01-01T10:00:00Z",
  finished_at: "2025-01-01T10:01:05Z",
  result: scanResult(),
});
const failed = makeJob({ status: "failed", error: "ffprobe crashed" });
const timedOut = makeJob({ status: "timeout", error: "timed out after 3600 s" });
const cancelled = makeJob({ status: "cancelled", result: scanResult({ new: 2 }) });
const allJobs = [pending, running, complete, failed, timedOut, cancelled];

function rowOf(job: Job): HTMLElement {
  const row = screen.getAllByTestId("job-row").find((item) => item.dataset.jobId === job.job_id);
  if (!row) throw new Error(`no row for ${job.job_id}`);
  return row;
}

describe("JobsPage", () => {
  it("lists every job newest first with its status", async () => {
    jobsApi(allJobs);
    renderApp("/jobs");
    await screen.findAllByTestId("job-row");
    const rows = screen.getAllByTestId("job-row");
    expect(rows.map((row) => row.dataset.status)).toEqual([
      "pending",
      "running",
      "complete",
      "failed",
      "timeout",
      "cancelled",
    ]);
  });

  it("shows Cancel only on pending and running jobs", async () => {
    jobsApi(allJobs);
    renderApp("/jobs");
    await screen.findAllByTestId("job-row");
    for (const job of allJobs) {
      const button = within(rowOf(job)).queryByRole("button", { name: "Cancel" });
      if (job === pending || job === running) expect(button).toBeInTheDocument();
      else expect(button).not.toBeInTheDocument();
    }
  });

  it("shows live progress, processed / total, rate and ETA for a running job", async () => {
    jobsApi([running]);
    renderApp("/jobs");
    const row = await screen.findByTestId("job-row");
    expect(within(row).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");
    expect(within(row).getByTestId("job-percent")).toHaveTextContent("25%");
    expect(within(row).getByTestId("job-progress-text")).toHaveTextContent("30 / 120");
    expect(row).toHaveTextContent("13 files/s");
    expect(row).toHaveTextContent("ETA 1m 05s");
  });

  it("shows a running render's fps, speed and ETA", async () => {
    const render = makeJob({
      job_type: "render",
      status: "running",
      started_at: "2025-01-01T10:00:01Z",
      progress: 0.4,
      progress_detail: { frame: 120, fps: 61.4, speed: 2.05, out_time_s: 4, total_s: 10, eta_s: 3 },
    });
    jobsApi([render]);
    renderApp("/jobs");
    const row = await screen.findByTestId("job-row");
    expect(within(row).getByTestId("job-percent")).toHaveTextContent("40%");
    expect(within(row).getByTestId("job-fps")).toHaveTextContent("61 fps");
    expect(within(row).getByTestId("job-speed")).toHaveTextContent("2.05×");
    expect(within(row).getByTestId("job-eta")).toHaveTextContent("ETA 3s");
    expect(within(row).getByRole("button", { name: "Cancel" })).toBeEnabled();
  });

  it("shows the result summary or the error of finished jobs", async () => {
    jobsApi(allJobs);
    renderApp("/jobs");
    await screen.findAllByTestId("job-row");
    expect(within(rowOf(complete)).getByTestId("job-result")).toHaveTextContent("6 new · 2 updated · 1 skipped");
    expect(within(rowOf(complete)).getByText("Took 1m 05s")).toBeInTheDocument();
    expect(within(rowOf(failed)).getByTestId("job-error")).toHaveTextContent("ffprobe crashed");
    expect(within(rowOf(timedOut)).getByTestId("job-error")).toHaveTextContent("timed out after 3600 s");
    expect(within(rowOf(cancelled)).getByTestId("job-result")).toHaveTextContent("partial results kept");
  });

  it("offers a finished render's file for download, with its length, frames and size", async () => {
    const render = makeJob({
      job_type: "render",
      status: "complete",
      progress: 1,
      result: { output_path: "/data/renders/Trip-abc.mp4", duration_s: 5.5, frames: 165, size_bytes: 2_516_582 },
    });
    jobsApi([render]);
    renderApp("/jobs");
    const result = within(await screen.findByTestId("job-row")).getByTestId("job-result");
    expect(result).toHaveTextContent("0:06 · 165 frames · 2.4 MB · Download Trip-abc.mp4");
    const link = within(result).getByRole("link", { name: "Download Trip-abc.mp4" });
    expect(link).toHaveAttribute("href", `/api/v1/renders/${render.job_id}/file`);
    expect(link).toHaveAttribute("download", "Trip-abc.mp4");
  });

  it("Cancel on a running job calls the endpoint and shows Cancelling…", async () => {
    const api = jobsApi([running]);
    const user = userEvent.setup();
    renderApp("/jobs");
    const row = await screen.findByTestId("job-row");
    await user.click(within(row).getByRole("button", { name: "Cancel" }));

    await waitFor(() => expect(api.cancelCalls).toEqual([running.job_id]));
    expect(await within(row).findByRole("button", { name: "Cancelling…" })).toBeDisabled();
  });

  it("Cancel on a pending job cancels it at once", async () => {
    const api = jobsApi([pending]);
    const user = userEvent.setup();
    renderApp("/jobs");
    const row = await screen.findByTestId("job-row");
    await user.click(within(row).getByRole("button", { name: "Cancel" }));

    await waitFor(() => expect(screen.getByTestId("job-row")).toHaveAttribute("data-status", "cancelled"));
    expect(api.cancelCalls).toEqual([pending.job_id]);
    expect(within(screen.getByTestId("job-row")).queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
  });

  it("applies job events from the socket, adding new jobs on top", async () => {
    const api = jobsApi([running]);
    const { queryClient } = renderApp("/jobs");
    await screen.findByTestId("job-row");
    const socket = MockWebSocket.latest();
    act(() => socket.open());
    // The first connect cannot replay, so it refetches once; let that settle.
    await waitFor(() => expect(api.listCalls).toBe(2));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));

    const fresh = makeJob({ status: "pending" });
    act(() => socket.emit(jobEvent("job.created", fresh, 1)));
    act(() => socket.emit(jobEvent("job.progress", { ...running, progress: 0.9 }, 2)));

    await waitFor(() => expect(screen.getAllByTestId("job-row")).toHaveLength(2));
    expect(screen.getAllByTestId("job-row")[0]).toHaveAttribute("data-job-id", fresh.job_id);
    await waitFor(() => expect(within(rowOf(running)).getByTestId("job-percent")).toHaveTextContent("90%"));
  });

  it("polls the job list every second while the socket is down", async () => {
    const api = jobsApi([running]);
    renderApp("/jobs");
    await screen.findByTestId("job-row");
    api.jobs = [{ ...running, status: "complete", result: scanResult() }];
    await waitFor(() => expect(screen.getByTestId("job-row")).toHaveAttribute("data-status", "complete"), {
      timeout: 3000,
    });
    expect(api.listCalls).toBeGreaterThanOrEqual(2);
  });

  it("shows an empty state", async () => {
    jobsApi([]);
    renderApp("/jobs");
    expect(await screen.findByText(/No jobs yet/)).toBeInTheDocument();
  });
});
