import { describe, expect, it } from "vitest";
import { formatTimecode, parseTimecode, sourceFrames } from "./timecode";

describe("formatTimecode", () => {
  it("splits frames into hours, minutes, seconds and frames", () => {
    expect(formatTimecode(0, 30)).toBe("00:00:00:00");
    expect(formatTimecode(29, 30)).toBe("00:00:00:29");
    expect(formatTimecode(30, 30)).toBe("00:00:01:00");
    expect(formatTimecode(95, 30)).toBe("00:00:03:05");
    expect(formatTimecode(25 * 3661 + 24, 25)).toBe("01:01:01:24");
  });

  it("keeps counting hours past 99 and reads junk as zero", () => {
    expect(formatTimecode(100 * 3600 * 24, 24)).toBe("100:00:00:00");
    expect(formatTimecode(-5, 30)).toBe("00:00:00:00");
    expect(formatTimecode(Number.NaN, 30)).toBe("00:00:00:00");
  });
});

describe("parseTimecode", () => {
  it("reads full and short timecodes and plain frame counts", () => {
    expect(parseTimecode("00:00:03:05", 30)).toBe(95);
    expect(parseTimecode("03:05", 30)).toBe(95);
    expect(parseTimecode("1:00:00", 25)).toBe(1500);
    expect(parseTimecode(" 42 ", 30)).toBe(42);
  });

  it("round-trips formatTimecode", () => {
    for (const frames of [0, 1, 59, 60, 3599, 108_000, 123_457]) {
      expect(parseTimecode(formatTimecode(frames, 60), 60)).toBe(frames);
    }
  });

  it("refuses out-of-range fields and other text", () => {
    expect(parseTimecode("00:00:01:30", 30)).toBeNull();
    expect(parseTimecode("00:60:00:00", 30)).toBeNull();
    expect(parseTimecode("1.5", 30)).toBeNull();
    expect(parseTimecode("", 30)).toBeNull();
    expect(parseTimecode("a:b", 30)).toBeNull();
  });
});

describe("sourceFrames", () => {
  it("counts whole frames, forgiving rounding noise", () => {
    expect(sourceFrames(2, 30)).toBe(60);
    expect(sourceFrames(1.9999999, 30)).toBe(60);
    expect(sourceFrames(1.99, 30)).toBe(59);
    expect(sourceFrames(null, 30)).toBe(0);
  });
});
