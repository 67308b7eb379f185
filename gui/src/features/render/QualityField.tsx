import { useId } from "react";
import { CRF_MAX, CRF_MIN, QUALITY_PRESETS, presetOf } from "./quality";
import styles from "./Render.module.css";

interface QualityFieldProps {
  crf: number;
  onChange: (crf: number) => void;
  error: string | null;
}

/** Quality: a named preset, or any CRF typed in (lower is better and bigger). */
export function QualityField({ crf, onChange, error }: QualityFieldProps) {
  const id = useId();
  const preset = presetOf(crf);
  return (
    <div className={styles.quality}>
      <label htmlFor={`${id}-preset`}>Quality</label>
      <select
        id={`${id}-preset`}
        value={preset ? String(preset.crf) : "custom"}
        onChange={(event) => {
          if (event.target.value !== "custom") onChange(Number(event.target.value));
        }}
      >
        {QUALITY_PRESETS.map((item) => (
          <option key={item.crf} value={String(item.crf)}>
            {item.label} (CRF {item.crf})
          </option>
        ))}
        <option value="custom">Custom</option>
      </select>
      <label htmlFor={`${id}-crf`}>CRF</label>
      <input
        id={`${id}-crf`}
        type="number"
        min={CRF_MIN}
        max={CRF_MAX}
        step={1}
        value={crf}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(Math.round(Number(event.target.value)))}
      />
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
