import { useId } from "react";
import { fieldsOf, messageAtField, parameterOfField, withValue } from "./schema";
import { SchemaField } from "./SchemaField";
import type { Effect, Parameters } from "./types";
import styles from "./EffectsPanel.module.css";

interface ParameterFormProps {
  effect: Effect;
  value: Parameters;
  onChange: (value: Parameters) => void;
  /** The field a server 422 named (`parameters.font_size`) and its message. */
  serverError: { field: string | null; message: string } | null;
}

/**
 * The form of one effect, generated from its `parameter_schema`, with
 * `ai_hints` as help and the server's validation message at the field it names
 * (or above the form when it names no single parameter).
 */
export function ParameterForm({ effect, value, onChange, serverError }: ParameterFormProps) {
  const idPrefix = useId();
  const fields = fieldsOf(effect.parameter_schema);
  const errorParameter = parameterOfField(serverError?.field ?? null);
  const atField = errorParameter !== null && fields.some((spec) => spec.name === errorParameter);

  return (
    <fieldset className={styles.form} aria-label={`${effect.name} parameters`}>
      {serverError && !atField && (
        <p className={styles.fieldError} role="alert">
          {serverError.message}
        </p>
      )}
      {fields.map((spec) => (
        <SchemaField
          key={spec.name}
          idPrefix={idPrefix}
          spec={spec}
          value={value[spec.name]}
          hint={effect.ai_hints[spec.name]}
          error={atField && spec.name === errorParameter && serverError ? messageAtField(serverError.message, serverError.field) : null}
          onChange={(next) => onChange(withValue(value, spec.name, next))}
        />
      ))}
    </fieldset>
  );
}
