/** The output sizes offered when creating a project; "custom" takes any valid size. Pure. */

export interface SizePreset {
  id: string;
  label: string;
  width: number;
  height: number;
}

export const SIZE_PRESETS: readonly SizePreset[] = [
  { id: "1080p", label: "1080p (1920×1080)", width: 1920, height: 1080 },
  { id: "720p", label: "720p (1280×720)", width: 1280, height: 720 },
  { id: "vertical", label: "Vertical 1080×1920", width: 1080, height: 1920 },
];

export const FPS_CHOICES = [24, 25, 30, 50, 60] as const;

/** What the server accepts (SPEC §9): even sizes, 16–7680 wide, 16–4320 high. */
export function sizeProblem(width: number, height: number): string | null {
  if (!Number.isInteger(width) || width < 16 || width > 7680 || width % 2 !== 0) {
    return "Width must be an even number from 16 to 7680.";
  }
  if (!Number.isInteger(height) || height < 16 || height > 4320 || height % 2 !== 0) {
    return "Height must be an even number from 16 to 4320.";
  }
  return null;
}

export function fpsProblem(fps: number): string | null {
  return Number.isInteger(fps) && fps >= 1 && fps <= 120 ? null : "Frame rate must be a whole number from 1 to 120.";
}
