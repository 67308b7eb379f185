/**
 * Quality as x264/x265's CRF (0–51, lower is better and bigger) with named
 * presets, so people pick "High" rather than a number; "Custom" keeps the number.
 */
export interface QualityPreset {
  label: string;
  crf: number;
}

export const QUALITY_PRESETS: QualityPreset[] = [
  { label: "Visually lossless", crf: 17 },
  { label: "High", crf: 20 },
  { label: "Standard", crf: 23 },
  { label: "Small file", crf: 28 },
  { label: "Draft", crf: 35 },
];

export const CRF_MIN = 0;
export const CRF_MAX = 51;
/** The server's default (SPEC §10). */
export const DEFAULT_CRF = 23;

/** The preset a CRF value is, or null for a custom value. */
export function presetOf(crf: number): QualityPreset | null {
  return QUALITY_PRESETS.find((preset) => preset.crf === crf) ?? null;
}
