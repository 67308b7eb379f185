import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration, formatElapsed, formatEta, formatPercent, formatResolution, secondsBetween } from "./format";

describe("format", () => {
  it("formats durations", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(83.4)).toBe("1:23");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(null)).toBe("—");
  });

  it("formats ETAs", () => {
    expect(formatEta(45)).toBe("45s");
    expect(formatEta(185)).toBe("3m 05s");
    expect(formatEta(3720)).toBe("1h 02m");
    expect(formatEta(undefined)).toBe("—");
  });

  it("formats elapsed times, with tenths below ten seconds", () => {
    expect(formatElapsed(0.42)).toBe("0.4s");
    expect(formatElapsed(12)).toBe("12s");
    expect(formatElapsed(65)).toBe("1m 05s");
  });

  it("floors percentages and clamps them", () => {
    expect(formatPercent(0.999)).toBe("99%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(1.5)).toBe("100%");
    expect(formatPercent(null)).toBe("0%");
  });

  it("formats sizes, resolutions and intervals", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(41_700_000)).toBe("40 MB");
    expect(formatResolution(1920, 1080)).toBe("1920×1080");
    expect(formatResolution(null, 1080)).toBe("—");
    expect(secondsBetween("2025-01-01T00:00:00Z", "2025-01-01T00:01:30Z")).toBe(90);
    expect(secondsBetween(null, "2025-01-01T00:01:30Z")).toBeNull();
  });
});
