import { useId } from "react";
import { parseTimecode } from "./timecode";
import styles from "./Inspector.module.css";

interface TimecodeFieldProps {
  label: string;
  value: string;
  fps: number;
  onChange: (text: string) => void;
}

/** A text field for `HH:MM:SS:FF` (or a frame count), marked invalid while it cannot be read. */
export function TimecodeField({ label, value, fps, onChange }: TimecodeFieldProps) {
  const id = useId();
  const invalid = parseTimecode(value, fps) === null;
  return (
    <span className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-hint` : undefined}
        placeholder="HH:MM:SS:FF"
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
      />
      {invalid && (
        <small id={`${id}-hint`} role="alert">
          HH:MM:SS:FF or a frame count
        </small>
      )}
    </span>
  );
}
