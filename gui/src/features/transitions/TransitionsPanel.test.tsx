import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/errors";
import { renderWithApp } from "../../test/render";
import { server } from "../../test/server";
import { consecutivePairs, maxDuration } from "./pairs";
import { TransitionsPanel } from "./TransitionsPanel";
import type { Clip, ProjectTransition, TransitionActions } from "./types";

function clip(id: string, index: number, duration: number): Clip {
  return {
    id,
    track_id: "t1",
    source_video_id: "v1",
    source_missing: false,
    source_frames: 300,
    in_point: 0,
    out_point: duration,
    index,
    timeline_position: 0,
    duration,
    in_point_s: 0,
    out_point_s: duration / 30,
    timeline_position_s: 0,
    duration_s: duration / 30,
    effects: [],
  };
}

const fade: ProjectTransition = {
  id: "x1",
  from_clip_id: "a",
  to_clip_id: "b",
  transition: "fade",
  duration: 10,
  duration_s: 10 / 30,
  audio_curve: "tri",
};

describe("transition pairs", () => {
  it("pairs consecutive main-track clips in index order with their transition", () => {
    const pairs = consecutivePairs([clip("c", 2, 60), clip("a", 0, 60), clip("b", 1, 60)], [fade]);
    expect(pairs.map((pair) => [pair.from.id, pair.to.id, pair.transition?.id ?? null])).toEqual([
      ["a", "b", "x1"],
      ["b", "c", null],
    ]);
  });

  it("keeps a transition shorter than both clips once the neighbours' transitions are counted", () => {
    const clips = [clip("a", 0, 60), clip("b", 1, 40), clip("c", 2, 90)];
    const [ab, bc] = consecutivePairs(clips, [fade]);
    if (!ab || !bc) throw new Error("two pairs expected");
    expect(maxDuration(ab, [fade])).toBe(39); // its own duration is not counted against it
    expect(maxDuration(bc, [fade])).toBe(29); // b has 40 frames, 10 already used by a→b
  });
});

function namesApi() {
  server.use(
    http.get("/api/v1/transitions", () =>
      HttpResponse.json({
        transitions: [
          { name: "fade", description: "cross-fade" },
          { name: "wipeleft", description: "wipe to the left" },
        ],
      }),
    ),
  );
}

describe("TransitionsPanel", () => {
  it("adds a picked transition with its duration and removes an existing one", async () => {
    const user = userEvent.setup();
    namesApi();
    const calls: unknown[][] = [];
    const actions: TransitionActions = {
      add: (body) => (calls.push(["add", body]), Promise.resolve()),
      remove: (id) => (calls.push(["remove", id]), Promise.resolve()),
    };
    renderWithApp(
      <TransitionsPanel
        mainClips={[clip("a", 0, 60), clip("b", 1, 60), clip("c", 2, 60)]}
        transitions={[fade]}
        fps={30}
        clipName={(item) => `clip ${item.id}`}
        actions={actions}
      />,
    );
    const first = await screen.findByRole("listitem", { name: "clip a → clip b" });
    expect(within(first).getByTestId("transition-current")).toHaveTextContent("fade · 10 frames (0.33 s)");
    await user.click(within(first).getByRole("button", { name: "Remove transition" }));

    const second = screen.getByRole("listitem", { name: "clip b → clip c" });
    await user.selectOptions(within(second).getByLabelText("Transition"), "wipeleft");
    const duration = within(second).getByLabelText("Duration (frames)");
    expect(duration).toHaveValue(15); // half a second at 30 fps
    await user.clear(duration);
    await user.type(duration, "20");
    await user.click(within(second).getByRole("button", { name: "Add transition" }));
    await waitFor(() =>
      expect(calls).toEqual([
        ["remove", "x1"],
        ["add", { from_clip_id: "b", to_clip_id: "c", transition: "wipeleft", duration: 20, audio_curve: "tri" }],
      ]),
    );
  });

  it("shows the server's refusal", async () => {
    const user = userEvent.setup();
    namesApi();
    const actions: TransitionActions = {
      add: () => Promise.reject(new ApiError(422, "VALIDATION_ERROR", "duration: must be less than 59", "duration")),
      remove: () => Promise.resolve(),
    };
    renderWithApp(
      <TransitionsPanel
        mainClips={[clip("a", 0, 60), clip("b", 1, 60)]}
        transitions={[]}
        fps={30}
        clipName={(item) => item.id}
        actions={actions}
      />,
    );
    await user.click(await screen.findByRole("button", { name: "Add transition" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("duration: must be less than 59");
  });
});
