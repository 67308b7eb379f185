import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { ProjectCreate, ProjectSummary } from "../../api/types";
import { makeProject, projectServer } from "../../test/projectServer";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";

function summary(overrides: Partial<ProjectSummary>): ProjectSummary {
  return {
    id: "1".repeat(32),
    name: "Trip",
    output_width: 1920,
    output_height: 1080,
    output_fps: 30,
    sample_rate: 48_000,
    version: 4,
    duration_frames: 2502,
    duration_s: 83.4,
    created_at: "2025-01-01T10:00:00Z",
    updated_at: "2025-01-02T10:00:00Z",
    ...overrides,
  };
}

function listApi(projects: ProjectSummary[]) {
  const created: ProjectCreate[] = [];
  const deleted: string[] = [];
  server.use(
    // The library is the start page the nav test starts from.
    http.get("/api/v1/videos", () => HttpResponse.json({ videos: [], total: 0, limit: 48, offset: 0 })),
    http.get("/api/v1/projects", () => HttpResponse.json({ projects, total: projects.length })),
    http.post("/api/v1/projects", async ({ request }) => {
      const body = (await request.json()) as ProjectCreate;
      created.push(body);
      const project = makeProject([], { id: "9".repeat(32), name: body.name, version: 1 });
      projectServer(project);
      return HttpResponse.json(project, { status: 201 });
    }),
    http.delete("/api/v1/projects/:id", ({ params }) => {
      deleted.push(String(params.id));
      projects.splice(0, projects.length, ...projects.filter((project) => project.id !== params.id));
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { created, deleted };
}

describe("ProjectsPage", { timeout: 20_000 }, () => {
  it("lists name, size, fps, duration and update time, from the nav link", async () => {
    listApi([summary({ name: "Trip" }), summary({ id: "2".repeat(32), name: "Reel", output_width: 1080, output_height: 1920, output_fps: 25 })]);
    renderApp("/");
    await userEvent.setup().click(screen.getByRole("link", { name: "Projects" }));
    const rows = await screen.findAllByTestId("project-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Trip");
    expect(rows[0]).toHaveTextContent("1920×1080");
    expect(within(rows[0]!).getByTestId("project-duration")).toHaveTextContent("1:23");
    expect(rows[1]).toHaveTextContent("1080×1920");
    expect(rows[1]).toHaveTextContent("25");
    expect(within(rows[0]!).getByRole("link", { name: "Trip" })).toHaveAttribute("href", `/projects/${"1".repeat(32)}`);
  });

  it("creates a vertical project and opens it in the editor", async () => {
    const { created } = listApi([]);
    const user = userEvent.setup();
    renderApp("/projects");
    expect(await screen.findByTestId("projects-empty")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "New project" }));
    const dialog = screen.getByRole("dialog", { name: "New project" });
    await user.type(within(dialog).getByLabelText("Name"), "Story");
    await user.selectOptions(within(dialog).getByLabelText("Output size"), "Vertical 1080×1920");
    await user.clear(within(dialog).getByLabelText("Frame rate"));
    await user.type(within(dialog).getByLabelText("Frame rate"), "25");
    await user.click(within(dialog).getByRole("button", { name: "Create project" }));
    expect(await screen.findByRole("heading", { name: "Story" })).toBeInTheDocument();
    expect(created).toEqual([{ name: "Story", output_width: 1080, output_height: 1920, output_fps: 25, sample_rate: 48_000 }]);
  });

  it("checks a custom size before sending it", async () => {
    const { created } = listApi([]);
    const user = userEvent.setup();
    renderApp("/projects");
    await user.click(await screen.findByRole("button", { name: "New project" }));
    const dialog = screen.getByRole("dialog", { name: "New project" });
    await user.type(within(dialog).getByLabelText("Name"), "Odd");
    await user.selectOptions(within(dialog).getByLabelText("Output size"), "Custom…");
    await user.clear(within(dialog).getByLabelText("Width"));
    await user.type(within(dialog).getByLabelText("Width"), "641");
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Width must be an even number");
    expect(within(dialog).getByRole("button", { name: "Create project" })).toBeDisabled();
    expect(created).toEqual([]);
  });

  it("deletes only after the confirmation", async () => {
    const { deleted } = listApi([summary({ name: "Old cut" })]);
    const user = userEvent.setup();
    renderApp("/projects");
    await user.click(await screen.findByRole("button", { name: "Delete Old cut" }));
    const dialog = screen.getByRole("dialog", { name: "Delete project" });
    expect(dialog).toHaveTextContent("Delete “Old cut”?");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(deleted).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Delete Old cut" }));
    await user.click(within(screen.getByRole("dialog", { name: "Delete project" })).getByRole("button", { name: "Delete project" }));
    await waitFor(() => expect(screen.queryAllByTestId("project-row")).toHaveLength(0));
    expect(deleted).toEqual(["1".repeat(32)]);
  });
});
