import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makeJob, runningScan } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";

function dashboardApi(ready: { status: "ok" | "degraded"; httpStatus: number }) {
  server.use(
    http.get("/health/ready", () =>
      HttpResponse.json(
        {
          status: ready.status,
          checks: {
            database: { ok: true, detail: "sqlite ok" },
            ffmpeg: { ok: ready.status === "ok", detail: ready.status === "ok" ? "ffmpeg 7.1" : "ffprobe not found" },
          },
        },
        { status: ready.httpStatus },
      ),
    ),
    http.get("/api/v1/videos", () => HttpResponse.json({ videos: [], total: 123, limit: 1, offset: 0 })),
    http.get("/api/v1/jobs", () =>
      HttpResponse.json({
        jobs: [
          runningScan(),
          makeJob({ status: "complete", started_at: "2025-01-01T10:00:00Z", finished_at: "2025-01-01T10:00:30Z" }),
          makeJob({ status: "complete", started_at: "2025-01-01T09:00:00Z", finished_at: "2025-01-01T09:02:00Z" }),
          makeJob({ status: "failed", started_at: "2025-01-01T08:00:00Z", finished_at: "2025-01-01T08:00:05Z" }),
        ],
      }),
    ),
  );
}

describe("DashboardPage", () => {
  it("shows health checks, the video count, job counts and a duration chart", async () => {
    dashboardApi({ status: "ok", httpStatus: 200 });
    renderApp("/dashboard");
    expect(await screen.findByTestId("health-database")).toHaveAttribute("data-status", "ok");
    expect(screen.getByTestId("health-ffmpeg")).toHaveTextContent("ffmpeg 7.1");
    expect(await screen.findByText("123")).toHaveAttribute("data-testid", "video-count");
    expect(await screen.findByTestId("jobs-complete")).toHaveTextContent("2");
    expect(screen.getByTestId("jobs-running")).toHaveTextContent("1");
    expect(screen.getByTestId("jobs-failed")).toHaveTextContent("1");
    expect(screen.getByTestId("jobs-timeout")).toHaveTextContent("0");
    const chart = await screen.findByTestId("duration-chart");
    expect(chart).toHaveAccessibleName(/last 3 finished jobs; the longest took 2m 00s/);
    expect(chart.querySelectorAll("rect")).toHaveLength(3);
  });

  it("shows a degraded server's checks from its 503 answer", async () => {
    dashboardApi({ status: "degraded", httpStatus: 503 });
    renderApp("/dashboard");
    const ffmpeg = await screen.findByTestId("health-ffmpeg");
    expect(ffmpeg).toHaveAttribute("data-status", "failing");
    expect(within(ffmpeg).getByText(/ffprobe not found/)).toBeInTheDocument();
    expect(screen.getByTestId("health-status")).toHaveTextContent("degraded");
  });
});
