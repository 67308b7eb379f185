import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { makeClip, makeProject, projectServer } from "../../test/projectServer";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";

let objectUrls = 0;

beforeEach(() => {
  objectUrls = 0;
  // jsdom has no object URLs; each picture gets its own name so they can be told apart.
  Object.defineProperty(URL, "createObjectURL", { value: () => `blob:frame-${++objectUrls}`, configurable: true });
  Object.defineProperty(URL, "revokeObjectURL", { value: () => undefined, configurable: true });
});

/** A frame route that records each `at` asked for and holds every frame but 0 until released. */
function slowFrames(projectId: string) {
  const asked: number[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  server.use(
    http.get(`/api/v1/projects/${projectId}/frame`, async ({ request }) => {
      const at = Number(new URL(request.url).searchParams.get("at"));
      asked.push(at);
      if (at !== 0) await released;
      return new HttpResponse(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]).buffer, { headers: { "Content-Type": "image/jpeg" } });
    }),
  );
  return { asked, release };
}

describe("FramePreview", { timeout: 20_000 }, () => {
  it("asks once the playhead rests and keeps the previous frame while the next loads", async () => {
    const project = makeProject([makeClip("a".repeat(32), "vid-a", { out_point: 60 })]);
    projectServer(project);
    const frames = slowFrames(project.id);
    const user = userEvent.setup();
    renderApp(`/projects/${project.id}`);
    const image = await screen.findByTestId("frame-preview");
    await waitFor(() => expect(image).toHaveAttribute("data-frame", "0"));
    expect(image).toHaveAttribute("src", "blob:frame-1");

    // Three quick steps: one request, for where the playhead came to rest.
    await user.keyboard("lll");
    expect(screen.getByTestId("playhead-timecode")).toHaveTextContent("00:00:00:03");
    await waitFor(() => expect(frames.asked).toEqual([0, 3]));

    // While frame 3 is on its way, frame 0 stays on screen, marked as updating.
    expect(screen.getByTestId("frame-preview")).toHaveAttribute("data-frame", "0");
    expect(screen.getByTestId("frame-preview")).toHaveAttribute("src", "blob:frame-1");
    expect(screen.getByText("Updating…")).toBeInTheDocument();
    expect(screen.getByLabelText("Frame preview").querySelector("[aria-busy]")).toHaveAttribute("aria-busy", "true");

    frames.release();
    await waitFor(() => expect(screen.getByTestId("frame-preview")).toHaveAttribute("data-frame", "3"));
    expect(screen.getByTestId("frame-preview")).toHaveAttribute("src", "blob:frame-2");
    expect(screen.queryByText("Updating…")).not.toBeInTheDocument();
    expect(frames.asked).toEqual([0, 3]);
  });
});
