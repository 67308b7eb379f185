import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { Job } from "../../api/types";
import { makeJob } from "../../test/fixtures";
import { renderWithApp } from "../../test/render";
import { server } from "../../test/server";
import { RenderButton } from "./RenderButton";
import { RenderJobs } from "./RenderJobs";

const formats = {
  containers: [
    { container: "mp4", muxer: "mp4", video_codecs: ["libx264", "libx265"], audio_codecs: ["aac"] },
    { container: "webm", muxer: "webm", video_codecs: ["libvpx-vp9"], audio_codecs: ["libopus"] },
  ],
  presets: ["ultrafast", "fast", "medium", "slow"],
};

function renderJob(overrides: Partial<Job>): Job {
  return makeJob({ job_type: "render", payload: { project_id: "p1", version: 3 }, ...overrides });
}

function renderApi(jobs: Job[]) {
  const state = { bodies: [] as unknown[], cancels: [] as string[], jobs };
  server.use(
    http.get("/api/v1/render/formats", () => HttpResponse.json(formats)),
    http.get("/api/v1/jobs", () => HttpResponse.json({ jobs: state.jobs })),
    http.post("/api/v1/projects/:id/render", async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      state.bodies.push(body);
      if (body.output_path === "/etc/out.mp4") {
        const message = "output_path: /etc/out.mp4 is outside the allowed roots";
        return HttpResponse.json(
          { detail: { code: "PATH_NOT_ALLOWED", message, field: "output_path" } },
          { status: 403 },
        );
      }
      state.jobs = [renderJob({ job_id: "new-render-0000", status: "pending" }), ...state.jobs];
      return HttpResponse.json({ job_id: "new-render-0000" }, { status: 202 });
    }),
    http.post("/api/v1/jobs/:id/cancel", ({ params }) => {
      state.cancels.push(String(params.id));
      const job = state.jobs.find((item) => item.job_id === params.id);
      return HttpResponse.json({ ...job, cancel_requested: true }, { status: 202 });
    }),
  );
  return state;
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Render…" }));
  const dialog = await screen.findByRole("dialog", { name: "Render project" });
  await waitFor(() => expect(within(within(dialog).getByLabelText("Container")).getAllByRole("option")).toHaveLength(2));
  return dialog;
}

describe("Render dialog", () => {
  it("offers the codecs of the chosen container", async () => {
    const user = userEvent.setup();
    renderApi([]);
    renderWithApp(<RenderButton projectId="p1" />);
    const dialog = await openDialog(user);
    expect(within(dialog).getByLabelText("Video codec")).toHaveValue("libx264");
    expect(within(dialog).getByLabelText("Audio codec")).toHaveValue("aac");
    await user.selectOptions(within(dialog).getByLabelText("Container"), "webm");
    expect(within(dialog).getByLabelText("Video codec")).toHaveValue("libvpx-vp9");
    expect(within(dialog).getByLabelText("Audio codec")).toHaveValue("libopus");
  });

  it("sets quality by preset or CRF and starts a render that shows in the editor", async () => {
    const user = userEvent.setup();
    const state = renderApi([]);
    renderWithApp(
      <>
        <RenderButton projectId="p1" />
        <RenderJobs projectId="p1" />
      </>,
    );
    const dialog = await openDialog(user);
    await user.selectOptions(within(dialog).getByLabelText("Video codec"), "libx265");

    // a quality preset sets the CRF; typing a CRF makes it Custom
    expect(within(dialog).getByLabelText("CRF")).toHaveValue(23);
    await user.selectOptions(within(dialog).getByLabelText("Quality"), "20");
    expect(within(dialog).getByLabelText("CRF")).toHaveValue(20);
    await user.clear(within(dialog).getByLabelText("CRF"));
    await user.type(within(dialog).getByLabelText("CRF"), "31");
    expect(within(dialog).getByLabelText("Quality")).toHaveValue("custom");
    await user.selectOptions(within(dialog).getByLabelText("Encoder speed (x264 preset)"), "fast");

    await user.click(within(dialog).getByRole("button", { name: "Start render" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(state.bodies).toEqual([
      { container: "mp4", video_codec: "libx265", audio_codec: "aac", crf: 31, preset: "fast" },
    ]);
    // the new job shows in the editor
    const job = await screen.findByTestId("render-job");
    expect(job.dataset.jobId).toBe("new-render-0000");
  });

  it("sends the output path and shows a refusal at it", async () => {
    const user = userEvent.setup();
    renderApi([]);
    renderWithApp(<RenderButton projectId="p1" />);
    await user.click(screen.getByRole("button", { name: "Render…" }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText("Output path (optional)"), "/etc/out.mp4");
    await user.click(within(dialog).getByRole("button", { name: "Start render" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("outside the allowed roots");
    expect(within(dialog).getByLabelText("Output path (optional)")).toHaveAttribute("aria-invalid", "true");
  });
});

describe("Render jobs in the editor", () => {
  it("shows a running render's progress, fps, speed, ETA and cancels it", async () => {
    const user = userEvent.setup();
    const running = renderJob({
      status: "running",
      progress: 0.5,
      progress_detail: { frame: 150, fps: 88, speed: 2.9, out_time_s: 5, total_s: 10, eta_s: 2 },
    });
    const state = renderApi([running, makeJob({ job_type: "render", payload: { project_id: "other" } })]);
    renderWithApp(<RenderJobs projectId="p1" />);
    const job = await screen.findByTestId("render-job");
    expect(screen.getAllByTestId("render-job")).toHaveLength(1); // the other project's render is not shown
    expect(within(job).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "50");
    expect(within(job).getByTestId("render-fps")).toHaveTextContent("88 fps");
    expect(within(job).getByTestId("render-speed")).toHaveTextContent("2.90×");
    expect(within(job).getByTestId("render-eta")).toHaveTextContent("ETA 2s");
    await user.click(within(job).getByRole("button", { name: "Cancel render" }));
    await waitFor(() => expect(state.cancels).toEqual([running.job_id]));
  });

  it("offers the finished file as a download and in a player", async () => {
    const done = renderJob({
      status: "complete",
      progress: 1,
      result: { output_path: "/data/renders/Trip-abc.mp4", duration_s: 6.5, frames: 195, size_bytes: 2048000 },
    });
    renderApi([done]);
    renderWithApp(<RenderJobs projectId="p1" />);
    const job = await screen.findByTestId("render-job");
    const url = `/api/v1/renders/${done.job_id}/file`;
    expect(within(job).getByTestId("render-player")).toHaveAttribute("src", url);
    const link = within(job).getByRole("link", { name: "Download Trip-abc.mp4" });
    expect(link).toHaveAttribute("href", url);
    expect(link).toHaveAttribute("download", "Trip-abc.mp4");
    expect(job).toHaveTextContent("195 frames");
  });

  it("shows ffmpeg's message when a render fails", async () => {
    const failed = renderJob({
      status: "failed",
      error: "ffmpeg exited with 1: [libx264 @ 0x55] height not divisible by 2 (1920x1081)",
    });
    renderApi([failed]);
    renderWithApp(<RenderJobs projectId="p1" />);
    const job = await screen.findByTestId("render-job");
    expect(within(job).getByTestId("render-error")).toHaveTextContent("height not divisible by 2");
    expect(within(job).queryByTestId("render-player")).toBeNull();
  });
});
