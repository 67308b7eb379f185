import { percentOf } from "../lib/format";
import styles from "./ProgressBar.module.css";

interface ProgressBarProps {
  /** 0..1, or null while the total is not known yet (shows 0%). */
  value: number | null | undefined;
  /** Accessible name, e.g. "Scan progress". */
  label: string;
  /** Extra words for screen readers, e.g. "40 of 200 files". */
  valueText?: string;
  size?: "small" | "normal";
}

/** An accessible progress bar (`role="progressbar"` with `aria-valuenow`). */
export function ProgressBar({ value, label, valueText, size = "normal" }: ProgressBarProps) {
  const percent = percentOf(value);
  return (
    <div
      className={`${styles.track} ${size === "small" ? styles.small : ""}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText ? `${percent}% (${valueText})` : `${percent}%`}
    >
      <div className={styles.fill} style={{ width: `${percent}%` }} />
    </div>
  );
}
