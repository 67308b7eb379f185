import { describe, expect, it } from "vitest";
import type { Timeline } from "../../api/types";
import { clampScale, dropIndex, fitScale, frameAt, layoutTimeline, MAX_SCALE, MIN_SCALE, rulerTicks } from "./layout";

// Two main-track clips of 60 and 90 frames joined by a 15-frame transition
// (the second starts 15 frames early), and an audio clip from 30 to 250.
const timeline: Timeline = {
  tracks: [
    {
      track_id: "v1",
      kind: "video",
      clips: [
        { clip_id: "a", start_frame: 0, end_frame: 60, start_s: 0, end_s: 2 },
        { clip_id: "b", start_frame: 45, end_frame: 135, start_s: 1.5, end_s: 4.5 },
      ],
    },
    { track_id: "a1", kind: "audio", clips: [{ clip_id: "m", start_frame: 30, end_frame: 250, start_s: 1, end_s: 8.33 }] },
  ],
  transitions: [{ transition_id: "t", from_clip_id: "a", to_clip_id: "b", start_frame: 45, end_frame: 60, start_s: 1.5, end_s: 2 }],
  duration_frames: 135,
  duration_s: 4.5,
};

describe("layoutTimeline", () => {
  it("places clips at their derived start and sizes them by their frames", () => {
    const layout = layoutTimeline(timeline, 2);
    expect(layout.clips.get("a")).toEqual({ x: 0, width: 120, startFrame: 0, endFrame: 60 });
    expect(layout.clips.get("b")).toEqual({ x: 90, width: 180, startFrame: 45, endFrame: 135 });
    expect(layout.clips.get("m")).toEqual({ x: 60, width: 440, startFrame: 30, endFrame: 250 });
  });

  it("draws a transition over the overlap of its two clips", () => {
    const [transition] = layoutTimeline(timeline, 2).transitions;
    expect(transition).toEqual({ x: 90, width: 30, startFrame: 45, endFrame: 60, transitionId: "t", fromClipId: "a", toClipId: "b" });
  });

  it("is as wide as the furthest clip, audio included, and never zero", () => {
    expect(layoutTimeline(timeline, 2).width).toBe(500);
    expect(layoutTimeline({ tracks: [], transitions: [], duration_frames: 0, duration_s: 0 }, 3).width).toBe(3);
  });
});

describe("scale and hit testing", () => {
  it("fits at least five seconds and stays within the limits", () => {
    expect(fitScale(3000, 30, 1200)).toBeCloseTo(0.4);
    expect(fitScale(60, 30, 1200)).toBeCloseTo(8);
    expect(fitScale(1, 1, 1e9)).toBe(MAX_SCALE);
    expect(clampScale(0)).toBe(MIN_SCALE);
  });

  it("finds the frame under a pixel, clamped to the last frame", () => {
    expect(frameAt(0, 2, 135)).toBe(0);
    expect(frameAt(91, 2, 135)).toBe(45);
    expect(frameAt(-10, 2, 135)).toBe(0);
    expect(frameAt(10_000, 2, 135)).toBe(134);
    expect(frameAt(50, 2, 0)).toBe(0);
  });
});

describe("rulerTicks", () => {
  it("puts ticks on whole seconds at least minGap apart", () => {
    // 30 px a second: 5 s (150 px) is the first step of at least 80 px.
    expect(rulerTicks(300, 30, 1, 80)).toEqual([
      { frame: 0, x: 0 },
      { frame: 150, x: 150 },
      { frame: 300, x: 300 },
    ]);
    const ticks = rulerTicks(300, 30, 4, 80);
    expect(ticks.map((tick) => tick.frame)).toEqual([0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300]);
  });
});

describe("dropIndex", () => {
  it("moves a clip to the place of the clip it is dropped on", () => {
    expect(dropIndex(0, 2, 3)).toBe(2);
    expect(dropIndex(2, 0, 3)).toBe(0);
    expect(dropIndex(1, 1, 3)).toBeNull();
    expect(dropIndex(0, 3, 3)).toBeNull();
  });
});
