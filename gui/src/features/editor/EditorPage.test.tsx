import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { makeVideo } from "../../test/fixtures";
import { catalogFixture } from "../effects/catalog.fixture";
import { MockWebSocket } from "../../test/MockWebSocket";
import { audioTrack, MAIN_TRACK, makeClip, makeProject, projectServer } from "../../test/projectServer";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";

const A = "a".repeat(32);
const B = "b".repeat(32);

function twoClips() {
  return makeProject([makeClip(A, "vid-a", { out_point: 60 }), makeClip(B, "vid-b", { out_point: 45 })]);
}

function clipBlocks() {
  return screen.getAllByTestId("timeline-clip");
}

async function openEditor(project = twoClips()) {
  const fake = projectServer(project);
  const user = userEvent.setup();
  renderApp(`/projects/${project.id}`);
  await waitFor(() => expect(clipBlocks()).toHaveLength(project.clips.length));
  return { fake, user };
}

beforeEach(() => {
  // jsdom has no object URLs; the preview only needs a string for <img src>.
  Object.defineProperty(URL, "createObjectURL", { value: () => "blob:frame", configurable: true });
  Object.defineProperty(URL, "revokeObjectURL", { value: () => undefined, configurable: true });
});

describe("EditorPage", { timeout: 20_000 }, () => {
  it("shows the clips in order with their in/out timecodes and the version", async () => {
    await openEditor();
    const [first, second] = clipBlocks();
    expect(within(first!).getByTestId("clip-out")).toHaveTextContent("00:00:02:00");
    expect(within(second!).getByTestId("clip-out")).toHaveTextContent("00:00:01:15");
    expect(await within(first!).findByTestId("clip-filename")).toHaveTextContent("vid-a.mp4");
    expect(screen.getByTestId("project-version")).toHaveTextContent("v3");
    expect(await screen.findByTestId("frame-preview")).toHaveAttribute("data-frame", "0");
  });

  it("shows each clip's source thumbnail and its effects by their catalog names", async () => {
    const effect = (index: number, effect_type: string) => ({ index, effect_type, parameters: {}, start: null, end: null, start_s: null, end_s: null });
    const project = makeProject([makeClip(A, "vid-a", { effects: [effect(0, "text_overlay"), effect(1, "speed")] }), makeClip(B, "vid-b")]);
    projectServer(project);
    server.use(http.get("/api/v1/effects", () => HttpResponse.json({ effects: catalogFixture })));
    renderApp(`/projects/${project.id}`);
    await waitFor(() => expect(clipBlocks()).toHaveLength(2));
    const [first, second] = clipBlocks();
    await waitFor(() => expect(within(first!).getByTestId("clip-effects")).toHaveTextContent("Text overlay, Speed"));
    expect(within(second!).queryByTestId("clip-effects")).toBeNull();
    await waitFor(() => expect(first!.querySelector("img")).toHaveAttribute("src", expect.stringMatching(/^\/api\/v1\/videos\/.+\/thumbnail$/)));
  });

  it("sends If-Match with the shown version and shows the new version", async () => {
    const { fake, user } = await openEditor();
    await user.click(within(clipBlocks()[1]!).getByRole("button"));
    const inspector = screen.getByTestId("clip-inspector");
    await user.clear(within(inspector).getByLabelText("Out"));
    await user.type(within(inspector).getByLabelText("Out"), "00:00:01:00");
    await user.click(within(inspector).getByRole("button", { name: "Trim" }));

    await waitFor(() => expect(screen.getByTestId("project-version")).toHaveTextContent("v4"));
    expect(fake.changes).toEqual([{ method: "PATCH", path: `clips/${B}`, ifMatch: "3", body: { in_point: 0, out_point: 30 } }]);
    expect(within(clipBlocks()[1]!).getByTestId("clip-out")).toHaveTextContent("00:00:01:00");
    expect(screen.queryByTestId("editor-notice")).not.toBeInTheDocument();
  });

  it("on 412 reloads the project, says so, and keeps the selection", async () => {
    const { fake, user } = await openEditor();
    await user.click(within(clipBlocks()[1]!).getByRole("button"));
    // Another client trims the same clip first: the page still shows version 3.
    fake.changeElsewhere((project) => ({
      ...project,
      clips: project.clips.map((clip) => (clip.id === B ? { ...clip, out_point: 40 } : clip)),
    }));
    const inspector = screen.getByTestId("clip-inspector");
    await user.clear(within(inspector).getByLabelText("In"));
    await user.type(within(inspector).getByLabelText("In"), "10");
    await user.click(within(inspector).getByRole("button", { name: "Trim" }));

    const notice = await screen.findByTestId("editor-notice");
    expect(notice).toHaveAttribute("data-kind", "conflict");
    expect(notice).toHaveTextContent("changed elsewhere (now version 4)");
    expect(notice).toHaveTextContent("your change was not applied");
    expect(fake.changes.map((change) => change.ifMatch)).toEqual(["3"]);
    // The reload shows the other client's trim; ours was not applied.
    expect(screen.getByTestId("project-version")).toHaveTextContent("v4");
    expect(within(clipBlocks()[1]!).getByTestId("clip-out")).toHaveTextContent("00:00:01:10");
    expect(within(clipBlocks()[1]!).getByTestId("clip-in")).toHaveTextContent("00:00:00:00");
    expect(fake.current().clips[1]?.in_point).toBe(0);
    expect(clipBlocks()[1]).toHaveAttribute("data-selected", "true");

    // The fields show the reloaded clip; made again, the edit starts from version 4 and goes through.
    expect(within(inspector).getByLabelText("Out")).toHaveValue("00:00:01:10");
    await user.clear(within(inspector).getByLabelText("In"));
    await user.type(within(inspector).getByLabelText("In"), "10");
    await user.click(within(inspector).getByRole("button", { name: "Trim" }));
    await waitFor(() => expect(screen.getByTestId("project-version")).toHaveTextContent("v5"));
    expect(fake.changes.map((change) => change.ifMatch)).toEqual(["3", "4"]);
    expect(fake.current().clips[1]).toMatchObject({ in_point: 10, out_point: 40 });
  });

  it("refreshes on a project.updated event without losing the selection", async () => {
    const { fake, user } = await openEditor();
    act(() => MockWebSocket.latest().open());
    await user.click(within(clipBlocks()[0]!).getByRole("button"));
    fake.changeElsewhere((project) => ({
      ...project,
      clips: project.clips.map((clip) => (clip.id === A ? { ...clip, in_point: 15 } : clip)),
    }));
    act(() =>
      MockWebSocket.latest().emit({
        event_id: 7,
        type: "project.updated",
        payload: { project_id: fake.current().id, version: 4, summary: "trim clip" },
        timestamp: "2025-01-01T10:06:00Z",
      }),
    );
    await waitFor(() => expect(within(clipBlocks()[0]!).getByTestId("clip-in")).toHaveTextContent("00:00:00:15"));
    expect(screen.getByTestId("project-version")).toHaveTextContent("v4");
    expect(clipBlocks()[0]).toHaveAttribute("data-selected", "true");
    expect(within(screen.getByTestId("clip-inspector")).getByLabelText("In")).toHaveValue("00:00:00:15");
  });

  it("draws a transition with its name over the overlap and an audio clip at its position with its waveform", async () => {
    const MUSIC = "m".repeat(32);
    const SONG = "s".repeat(32);
    const project = makeProject(
      [
        makeClip(A, "vid-a", { out_point: 60 }),
        makeClip(B, "vid-b", { out_point: 45 }),
        makeClip(SONG, "song", { track_id: MUSIC, in_point: 0, out_point: 50, timeline_position: 10 }),
      ],
      {
        tracks: [makeProject([]).tracks[0]!, audioTrack(MUSIC, "Music")],
        transitions: [
          { id: "x".repeat(32), from_clip_id: A, to_clip_id: B, transition: "wipeleft", duration: 15, duration_s: 0.5, audio_curve: "tri" },
        ],
      },
    );
    projectServer(project);
    const waveform = makeVideo({ id: "song", filename: "theme.m4a", media_type: "audio", thumbnail_url: "/api/v1/videos/song/thumbnail" });
    server.use(http.get("/api/v1/videos/song", () => HttpResponse.json(waveform)));
    renderApp(`/projects/${project.id}`);
    await waitFor(() => expect(clipBlocks()).toHaveLength(3));
    const [main, audio] = screen.getAllByTestId("timeline-track");
    expect(main).toHaveAttribute("data-track-id", MAIN_TRACK);
    expect(audio).toHaveAttribute("data-kind", "audio");
    const [first, second] = within(main!).getAllByTestId("timeline-clip");
    // px per frame, from the first clip's 60 frames.
    const scale = parseFloat(first!.style.width) / 60;
    // The second clip starts 15 frames early; the transition covers that overlap, named.
    expect(parseFloat(second!.style.left)).toBeCloseTo(45 * scale);
    const mark = within(main!).getByTestId("timeline-transition");
    expect(mark).toHaveTextContent("wipeleft");
    expect(parseFloat(mark.style.left)).toBeCloseTo(45 * scale);
    expect(parseFloat(mark.style.width)).toBeCloseTo(15 * scale);
    // The audio clip sits at its position (10 frames), as long as its 50 frames, with the
    // source's thumbnail: for a sound file the server's waveform picture.
    const song = within(audio!).getByTestId("timeline-clip");
    expect(parseFloat(song.style.left)).toBeCloseTo(10 * scale);
    expect(parseFloat(song.style.width)).toBeCloseTo(50 * scale);
    await waitFor(() => expect(within(song).getByTestId("clip-filename")).toHaveTextContent("theme.m4a"));
    expect(song.querySelector("img")).toHaveAttribute("src", "/api/v1/videos/song/thumbnail");
    expect(within(audio!).getByText("Music")).toBeInTheDocument();
  });

  it("Space plays the preview in real time and pauses it", async () => {
    const { user } = await openEditor();
    const slider = screen.getByRole("slider", { name: "Playhead" });
    await user.keyboard(" ");
    expect(screen.getByTestId("play-toggle")).toHaveTextContent("Pause");
    await waitFor(() => expect(Number(slider.getAttribute("aria-valuenow"))).toBeGreaterThan(0));
    await user.keyboard(" ");
    expect(screen.getByTestId("play-toggle")).toHaveTextContent("Play");
    const stopped = slider.getAttribute("aria-valuenow");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(slider).toHaveAttribute("aria-valuenow", stopped);
  });

  it("Delete removes the selected clip and Ctrl+Z undoes it", async () => {
    const { fake, user } = await openEditor();
    await user.click(within(clipBlocks()[0]!).getByRole("button"));
    await user.keyboard("{Delete}");
    await waitFor(() => expect(clipBlocks()).toHaveLength(1));
    expect(fake.changes[0]).toMatchObject({ method: "DELETE", path: `clips/${A}`, ifMatch: "3" });
    expect(screen.getByText("Select a clip on the timeline.")).toBeInTheDocument();

    await waitFor(() => expect(screen.getByRole("button", { name: "Undo" })).toBeEnabled());
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(clipBlocks()).toHaveLength(2));
    expect(fake.changes[1]).toMatchObject({ method: "POST", path: "undo", ifMatch: "4" });
    expect(screen.getByTestId("project-version")).toHaveTextContent("v5");

    // The Redo button is enabled by the history's can_redo and removes it again.
    const redo = screen.getByRole("button", { name: "Redo" });
    await waitFor(() => expect(redo).toBeEnabled());
    await user.click(redo);
    await waitFor(() => expect(clipBlocks()).toHaveLength(1));
    expect(fake.changes[2]).toMatchObject({ method: "POST", path: "redo", ifMatch: "5" });
    expect(screen.getByTestId("project-version")).toHaveTextContent("v6");
    await waitFor(() => expect(redo).toBeDisabled());
  });

  it("moves a main-track clip with Alt+→ (the keyboard way to reorder)", async () => {
    const { fake, user } = await openEditor();
    within(clipBlocks()[0]!).getByRole("button").focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    await waitFor(() => expect(fake.current().clips.map((clip) => clip.id)).toEqual([B, A]));
    expect(fake.changes[0]).toMatchObject({ method: "PATCH", body: { index: 1 }, ifMatch: "3" });
    await waitFor(() => expect(clipBlocks().map((block) => block.dataset.clipId)).toEqual([B, A]));
  });

  it("steps the playhead with L, J and the arrows", async () => {
    const { user } = await openEditor();
    const slider = screen.getByRole("slider", { name: "Playhead" });
    await user.keyboard("l");
    expect(slider).toHaveAttribute("aria-valuenow", "1");
    await user.keyboard("{Shift>}{ArrowRight}{/Shift}");
    expect(slider).toHaveAttribute("aria-valuenow", "31");
    await user.keyboard("j{ArrowLeft}");
    expect(slider).toHaveAttribute("aria-valuenow", "29");
    await user.keyboard("{End}");
    expect(slider).toHaveAttribute("aria-valuenow", "104");
    expect(screen.getByTestId("playhead-timecode")).toHaveTextContent("00:00:03:14");
  });
});
