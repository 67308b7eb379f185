import type { components } from "../../api/schema.gen";
import { labelOf, parseNumber, pickerValue, withPickedColour, type FieldSpec } from "./schema";
import styles from "./EffectsPanel.module.css";

type Hint = components["schemas"]["ParameterHintOut"];

interface SchemaFieldProps {
  /** Prefix of element ids, unique per form. */
  idPrefix: string;
  spec: FieldSpec;
  value: unknown;
  hint: Hint | undefined;
  /** The server's message about this field, shown at it. */
  error: string | null;
  /** `undefined` clears an optional field. */
  onChange: (value: unknown) => void;
}

/** The text shown under a field: the `ai_hints` meaning and typical values. */
function hintText(hint: Hint | undefined, spec: FieldSpec): string | null {
  const parts = [hint?.meaning, hint?.typical ? `typical: ${hint.typical}` : null];
  if (spec.minimum !== null && spec.maximum !== null) parts.push(`${spec.minimum}–${spec.maximum}`);
  const text = parts.filter(Boolean).join(" · ");
  return text || spec.description;
}

/** One generated form field; which widget it is comes from the property's schema (`FieldSpec.kind`). */
export function SchemaField({ idPrefix, spec, value, hint, error, onChange }: SchemaFieldProps) {
  const id = `${idPrefix}-${spec.name}`;
  const help = hintText(hint, spec);
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
  const label = `${labelOf(spec.name)}${spec.required ? " *" : ""}`;

  return (
    <div className={styles.field} data-testid={`field-${spec.name}`} data-kind={spec.kind}>
      {spec.kind === "boolean" ? (
        <label className={styles.checkbox}>
          <input
            {...common}
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
          {label}
        </label>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      <FieldWidget spec={spec} value={value} onChange={onChange} common={common} label={labelOf(spec.name)} />
      {help && (
        <p id={`${id}-help`} className={styles.help}>
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={styles.fieldError} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface WidgetProps {
  spec: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  common: { id: string; "aria-invalid"?: true; "aria-describedby"?: string };
  label: string;
}

function FieldWidget({ spec, value, onChange, common, label }: WidgetProps) {
  const text = typeof value === "string" || typeof value === "number" ? String(value) : "";
  switch (spec.kind) {
    case "boolean":
      return null;
    case "number":
    case "integer": {
      const kind = spec.kind;
      const ranged = spec.minimum !== null && spec.maximum !== null;
      const step = kind === "integer" ? 1 : ranged ? ((spec.maximum ?? 1) - (spec.minimum ?? 0)) / 100 : "any";
      return (
        <div className={styles.numberRow}>
          {ranged && (
            <input
              type="range"
              aria-label={`${label} slider`}
              min={spec.minimum ?? undefined}
              max={spec.maximum ?? undefined}
              step={step}
              value={typeof value === "number" ? value : (spec.minimum ?? 0)}
              onChange={(event) => onChange(parseNumber(event.target.value, kind))}
            />
          )}
          <input
            {...common}
            type="number"
            min={spec.minimum ?? undefined}
            max={spec.maximum ?? undefined}
            step={kind === "integer" ? 1 : "any"}
            value={text}
            onChange={(event) => onChange(parseNumber(event.target.value, kind))}
          />
        </div>
      );
    }
    case "enum":
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value || undefined)}>
          {(!spec.required || text === "") && <option value="">(default)</option>}
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case "color":
      return (
        <div className={styles.numberRow}>
          <input
            type="color"
            aria-label={`${label} picker`}
            value={pickerValue(value)}
            onChange={(event) => onChange(withPickedColour(value, event.target.value))}
          />
          <input
            {...common}
            type="text"
            placeholder="white, #FF8800, black@0.5"
            value={text}
            maxLength={spec.maxLength ?? undefined}
            onChange={(event) => onChange(event.target.value || undefined)}
          />
        </div>
      );
    case "text":
      return (
        <input
          {...common}
          type="text"
          value={text}
          maxLength={spec.maxLength ?? undefined}
          onChange={(event) => onChange(event.target.value || undefined)}
        />
      );
    case "longtext":
      return (
        <textarea
          {...common}
          rows={3}
          value={text}
          maxLength={spec.maxLength ?? undefined}
          onChange={(event) => onChange(event.target.value === "" && !spec.required ? undefined : event.target.value)}
        />
      );
  }
}
