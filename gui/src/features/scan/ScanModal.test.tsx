import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import type { Job } from "../../api/types";
import { jobEvent, makeJob, runningScan, scanResult } from "../../test/fixtures";
import { MockWebSocket } from "../../test/MockWebSocket";
import { renderWithApp } from "../../test/render";
import { server } from "../../test/server";
import { ScanModal } from "./ScanModal";

/** Serves one scan job whose state the test changes by assigning `state.job`. */
function scanApi(initial: Job) {
  const state = { job: initial, scanBodies: [] as unknown[], cancelCalls: [] as string[] };
  server.use(
    http.post("/api/v1/videos/scan", async ({ request }) => {
      state.scanBodies.push(await request.json());
      return HttpResponse.json({ job_id: state.job.job_id }, { status: 202 });
    }),
    http.get("/api/v1/jobs/:jobId", ({ params }) =>
      params.jobId === state.job.job_id
        ? HttpResponse.json(state.job)
        : HttpResponse.json({ detail: { code: "NOT_FOUND", message: "no such job" } }, { status: 404 }),
    ),
    http.get("/api/v1/jobs", () => HttpResponse.json({ jobs: [state.job] })),
    http.post("/api/v1/jobs/:jobId/cancel", ({ params }) => {
      state.cancelCalls.push(String(params.jobId));
      state.job = { ...state.job, cancel_requested: true };
      return HttpResponse.json(state.job, { status: 202 });
    }),
  );
  return state;
}

function renderModal() {
  const onClose = vi.fn();
  const user = userEvent.setup();
  const view = renderWithApp(<ScanModal onClose={onClose} />);
  return { ...view, user, onClose };
}

async function startScan(user: ReturnType<typeof userEvent.setup>, path = "/videos") {
  await user.type(screen.getByLabelText("Folder path"), path);
  await user.click(screen.getByRole("button", { name: "Start scan" }));
}

/** Opens the stub socket so the app receives live events (and stops polling). */
function goLive(): MockWebSocket {
  const socket = MockWebSocket.latest();
  act(() => socket.open());
  return socket;
}

describe("ScanModal", () => {
  it("starts idle with an empty path, recursive checked and a Start button", () => {
    renderModal();
    const dialog = screen.getByRole("dialog", { name: "Scan directory" });
    expect(within(dialog).getByLabelText("Folder path")).toHaveValue("");
    expect(within(dialog).getByRole("checkbox", { name: "Recursive" })).toBeChecked();
    expect(within(dialog).getByRole("button", { name: "Start scan" })).toBeEnabled();
    expect(within(dialog).getByRole("button", { name: "Close" })).toBeEnabled();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("sends the path and the recursive flag", async () => {
    const api = scanApi(makeJob());
    const { user } = renderModal();
    await user.click(screen.getByRole("checkbox", { name: "Recursive" }));
    await startScan(user, "/media/films");
    await waitFor(() => expect(api.scanBodies).toEqual([{ path: "/media/films", recursive: false }]));
  });

  it.each([
    [400, "INVALID_PATH", "Path does not exist: /nope"],
    [403, "PATH_NOT_ALLOWED", "Path is outside the allowed scan roots"],
    [409, "SCAN_IN_PROGRESS", "A scan of /videos is already running (job abc)"],
  ])("shows the server's %i message inline under the path field", async (status, code, message) => {
    server.use(http.post("/api/v1/videos/scan", () => HttpResponse.json({ detail: { code, message } }, { status })));
    const { user } = renderModal();
    await startScan(user, "/nope");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(message);
    const input = screen.getByLabelText("Folder path");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(message);
    // Still the form: the user can fix the path and try again.
    expect(screen.getByRole("button", { name: "Start scan" })).toBeEnabled();
    expect(screen.queryByTestId("scan-result")).not.toBeInTheDocument();
  });

  it("shows progress while running: percent, processed / total, current file, ETA, enabled Abort", async () => {
    scanApi(runningScan({}, 40, 100));
    const { user } = renderModal();
    await startScan(user);

    const bar = await screen.findByRole("progressbar", { name: "Scan progress" });
    expect(bar).toHaveAttribute("aria-valuenow", "40");
    expect(bar).toHaveAttribute("aria-valuemin", "0");
    expect(bar).toHaveAttribute("aria-valuemax", "100");
    expect(screen.getByTestId("scan-percent")).toHaveTextContent("40%");
    expect(screen.getByTestId("scan-progress-text")).toHaveTextContent("40 / 100");
    expect(screen.getByTestId("scan-current")).toHaveTextContent("/videos/clip-041.mp4");
    expect(screen.getByTestId("scan-eta")).toHaveTextContent("ETA 1m 05s");
    expect(screen.getByRole("button", { name: "Abort scan" })).toBeEnabled();
  });

  it("follows live progress events from the socket", async () => {
    const api = scanApi(runningScan({}, 1, 50));
    const { user } = renderModal();
    const socket = goLive();
    await startScan(user);
    await screen.findByText("1 / 50");

    act(() => socket.emit(jobEvent("job.progress", runningScan({ job_id: api.job.job_id }, 25, 50), 7)));
    // TanStack Query notifies observers on the next tick.
    await waitFor(() => expect(screen.getByTestId("scan-progress-text")).toHaveTextContent("25 / 50"));
    expect(screen.getByTestId("scan-percent")).toHaveTextContent("50%");
  });

  it("Abort calls the cancel endpoint and shows Aborting… (disabled) until the job ends", async () => {
    const api = scanApi(runningScan());
    const { user } = renderModal();
    await startScan(user);
    await user.click(await screen.findByRole("button", { name: "Abort scan" }));

    await waitFor(() => expect(api.cancelCalls).toEqual([api.job.job_id]));
    const aborting = screen.getByRole("button", { name: "Aborting…" });
    expect(aborting).toBeDisabled();
  });

  it("ends cancelled with partial results kept and the partial counts", async () => {
    const api = scanApi(runningScan());
    const { user } = renderModal();
    const socket = goLive();
    await startScan(user);
    await user.click(await screen.findByRole("button", { name: "Abort scan" }));
    await screen.findByRole("button", { name: "Aborting…" });

    const cancelled: Job = {
      ...api.job,
      status: "cancelled",
      finished_at: "2025-01-01T10:00:09Z",
      result: scanResult({ scanned: 4, new: 3, updated: 1, skipped: 0, missing: 0, errors: [] }),
    };
    act(() => socket.emit(jobEvent("job.cancelled", cancelled, 12)));

    const result = await screen.findByTestId("scan-result");
    expect(result).toHaveAttribute("data-state", "cancelled");
    expect(within(result).getByRole("heading", { name: "Scan cancelled" })).toBeInTheDocument();
    expect(result).toHaveTextContent("partial results kept");
    expect(screen.getByTestId("count-new")).toHaveTextContent("3");
    expect(screen.getByTestId("count-updated")).toHaveTextContent("1");
    expect(screen.getByTestId("count-skipped")).toHaveTextContent("0");
    expect(screen.getByTestId("count-missing")).toHaveTextContent("0");
    expect(screen.getByTestId("count-errors")).toHaveTextContent("0");
    expect(screen.queryByRole("button", { name: /Abort/ })).not.toBeInTheDocument();
  });

  it("ends complete with the counts and the error list", async () => {
    const api = scanApi(runningScan());
    const { user } = renderModal();
    const socket = goLive();
    await startScan(user);
    await screen.findByRole("button", { name: "Abort scan" });

    act(() =>
      socket.emit(
        jobEvent(
          "job.completed",
          { ...api.job, status: "complete", progress: 1, finished_at: "2025-01-01T10:00:30Z", result: scanResult() },
          20,
        ),
      ),
    );

    const result = await screen.findByTestId("scan-result");
    expect(result).toHaveAttribute("data-state", "complete");
    expect(within(result).getByRole("heading", { name: "Scan complete" })).toBeInTheDocument();
    expect(screen.getByTestId("count-new")).toHaveTextContent("6");
    expect(screen.getByTestId("count-updated")).toHaveTextContent("2");
    expect(screen.getByTestId("count-skipped")).toHaveTextContent("1");
    expect(screen.getByTestId("count-missing")).toHaveTextContent("0");
    expect(screen.getByTestId("count-errors")).toHaveTextContent("1");
    expect(screen.getByTestId("scan-errors")).toHaveTextContent("/videos/bad.mp4: Invalid data found");
  });

  it.each([
    ["failed" as const, "ffprobe not found at /usr/bin/ffprobe"],
    ["timeout" as const, "Job exceeded 3600 s"],
  ])("ends in the error state with the job's error when it %s", async (status, error) => {
    const api = scanApi(runningScan());
    const { user } = renderModal();
    const socket = goLive();
    await startScan(user);
    await screen.findByRole("button", { name: "Abort scan" });

    act(() => socket.emit(jobEvent(`job.${status}`, { ...api.job, status, error }, 30)));

    const result = await screen.findByTestId("scan-result");
    expect(result).toHaveAttribute("data-state", "error");
    expect(within(result).getByRole("alert")).toHaveTextContent(error);
  });

  it("falls back to polling the job while the socket is down", async () => {
    const api = scanApi(runningScan({}, 10, 100));
    const { user } = renderModal();
    await startScan(user);
    await screen.findByText("10 / 100");

    api.job = { ...api.job, status: "complete", progress: 1, result: scanResult({ new: 9 }) };
    const result = await screen.findByTestId("scan-result", {}, { timeout: 3000 });
    expect(result).toHaveAttribute("data-state", "complete");
    expect(screen.getByTestId("count-new")).toHaveTextContent("9");
  });

  it("never lets a late, stale answer undo a terminal state", async () => {
    const api = scanApi(runningScan());
    const { user, queryClient } = renderModal();
    const socket = goLive();
    await startScan(user);
    await screen.findByRole("button", { name: "Abort scan" });

    act(() => socket.emit(jobEvent("job.completed", { ...api.job, status: "complete", result: scanResult() }, 5)));
    await screen.findByTestId("scan-result");
    // A GET that left before completion answers now with the old state.
    await act(() => queryClient.refetchQueries());
    expect(screen.getByTestId("scan-result")).toHaveAttribute("data-state", "complete");
  });

  it("Close calls onClose", async () => {
    const { user, onClose } = renderModal();
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});
