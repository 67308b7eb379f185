import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import type { Video } from "../../api/types";
import { makeVideo } from "../../test/fixtures";
import { MAIN_TRACK, makeClip, makeProject, projectServer } from "../../test/projectServer";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";

const HARBOUR = makeVideo({ id: "harbour", filename: "harbour.mp4", duration_seconds: 4 });
const MARKET = makeVideo({ id: "market", filename: "market.mp4", duration_seconds: 3 });
const GONE = makeVideo({ id: "gone", filename: "gone_harbour.mp4", missing: true });

/** `/videos` and `/videos/search` over three records; the queries asked are kept. */
function library() {
  const searched: string[] = [];
  const page = (videos: Video[]) => HttpResponse.json({ videos, total: videos.length, limit: 20, offset: 0 });
  server.use(
    http.get("/api/v1/videos", () => page([GONE, HARBOUR, MARKET])),
    http.get("/api/v1/videos/search", ({ request }) => {
      const q = new URL(request.url).searchParams.get("q") ?? "";
      searched.push(q);
      return page([GONE, HARBOUR, MARKET].filter((video) => video.filename.includes(q)));
    }),
  );
  return { searched };
}

beforeEach(() => {
  Object.defineProperty(URL, "createObjectURL", { value: () => "blob:frame", configurable: true });
  Object.defineProperty(URL, "revokeObjectURL", { value: () => undefined, configurable: true });
});

async function openPicker(project = makeProject([makeClip("a".repeat(32), "vid-a")])) {
  const fake = projectServer(project);
  const lib = library();
  const user = userEvent.setup();
  renderApp(`/projects/${project.id}`);
  await user.click(await screen.findByRole("button", { name: "Add clip" }));
  return { fake, lib, user, dialog: screen.getByRole("dialog", { name: "Add a clip" }) };
}

describe("ClipPicker (Add clip)", { timeout: 20_000 }, () => {
  it("searches the library, takes in/out timecodes and appends the clip to the main track", async () => {
    const { fake, lib, user, dialog } = await openPicker();
    expect(await within(dialog).findAllByTestId("picker-video")).toHaveLength(3);

    await user.type(within(dialog).getByRole("searchbox", { name: "Search library" }), "harbour");
    await waitFor(() => expect(within(dialog).getAllByTestId("picker-video")).toHaveLength(2));
    expect(lib.searched).toContain("harbour");
    // A missing file cannot be picked.
    expect(within(dialog).getByRole("button", { name: /gone_harbour\.mp4/ })).toBeDisabled();
    expect(within(dialog).getByRole("button", { name: "Add to timeline" })).toBeDisabled();

    await user.click(within(dialog).getByRole("button", { name: /^harbour\.mp4/ }));
    // The whole file by default: 4 s at 30 fps.
    expect(within(dialog).getByLabelText("In")).toHaveValue("00:00:00:00");
    expect(within(dialog).getByLabelText("Out")).toHaveValue("00:00:04:00");
    expect(within(dialog).getByLabelText("Track")).toHaveValue(MAIN_TRACK);

    await user.clear(within(dialog).getByLabelText("In"));
    await user.type(within(dialog).getByLabelText("In"), "00:00:00:12");
    await user.clear(within(dialog).getByLabelText("Out"));
    await user.type(within(dialog).getByLabelText("Out"), "75");
    await user.click(within(dialog).getByRole("button", { name: "Add to timeline" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(fake.changes).toEqual([
      { method: "POST", path: "clips", ifMatch: "3", body: { source_video_id: "harbour", in_point: 12, out_point: 75, track_id: MAIN_TRACK } },
    ]);
    const blocks = await screen.findAllByTestId("timeline-clip");
    expect(blocks).toHaveLength(2);
    // The new clip is selected, with the trim it was added with.
    expect(blocks[1]).toHaveAttribute("data-selected", "true");
    expect(within(blocks[1]!).getByTestId("clip-in")).toHaveTextContent("00:00:00:12");
    expect(within(blocks[1]!).getByTestId("clip-out")).toHaveTextContent("00:00:02:15");
  });

  it("refuses an unreadable timecode and shows the server's refusal in the picker", async () => {
    const { fake, user, dialog } = await openPicker();
    server.use(
      http.post("/api/v1/projects/:id/clips", () =>
        HttpResponse.json(
          { detail: { code: "VALIDATION_ERROR", message: "out_point: 900 is past the end of the source (120 frames)", field: "out_point" } },
          { status: 422 },
        ),
      ),
    );
    await user.click(await within(dialog).findByRole("button", { name: /^market\.mp4/ }));
    const out = within(dialog).getByLabelText("Out");
    await user.clear(out);
    await user.type(out, "00:00:01:45");
    expect(out).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByRole("button", { name: "Add to timeline" })).toBeDisabled();

    await user.clear(out);
    await user.type(out, "900");
    await user.click(within(dialog).getByRole("button", { name: "Add to timeline" }));
    expect(await within(dialog).findByTestId("picker-error")).toHaveTextContent("past the end of the source");
    expect(screen.getByRole("dialog", { name: "Add a clip" })).toBeInTheDocument();
    expect(fake.current().clips).toHaveLength(1);
  });
});
