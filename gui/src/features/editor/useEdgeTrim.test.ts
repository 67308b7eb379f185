import { describe, expect, it } from "vitest";
import { trimmedPoints } from "./useEdgeTrim";

const clip = { in_point: 10, out_point: 50, source_frames: 60 };

describe("trimmedPoints (dragging a clip edge)", () => {
  it("moves the in point with the left edge and the out point with the right", () => {
    expect(trimmedPoints(clip, "in", 5)).toEqual({ inPoint: 15, outPoint: 50 });
    expect(trimmedPoints(clip, "in", -4)).toEqual({ inPoint: 6, outPoint: 50 });
    expect(trimmedPoints(clip, "out", -20)).toEqual({ inPoint: 10, outPoint: 30 });
  });

  it("stays within the source and keeps at least one frame", () => {
    expect(trimmedPoints(clip, "in", -100)).toEqual({ inPoint: 0, outPoint: 50 });
    expect(trimmedPoints(clip, "in", 100)).toEqual({ inPoint: 49, outPoint: 50 });
    expect(trimmedPoints(clip, "out", 100)).toEqual({ inPoint: 10, outPoint: 60 });
    expect(trimmedPoints(clip, "out", -100)).toEqual({ inPoint: 10, outPoint: 11 });
  });
});
