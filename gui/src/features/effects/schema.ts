/**
 * Reading an effect's `parameter_schema` (JSON Schema) into form fields.
 *
 * The form is generated, not written per effect, so a new catalog entry gets a
 * form without GUI changes. This module is pure: it decides which widget each
 * property gets and turns widget values back into the parameters the server
 * validates. It does not validate itself beyond what a widget enforces; the
 * server's 422 is the one source of truth and is shown at the field.
 */
import { isRecord } from "../../lib/json";
import type { Effect, Parameters } from "./types";

/** The widget a property gets. */
export type FieldKind = "number" | "integer" | "enum" | "color" | "text" | "longtext" | "boolean";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  minimum: number | null;
  maximum: number | null;
  options: string[];
  maxLength: number | null;
  description: string | null;
}

/** Strings longer than this may be typed over several lines (a caption, not an expression). */
const LONG_TEXT_CHARS = 200;

function numberOr(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A colour property: named `…color` or described as a colour (`#RRGGBB`, names, `@alpha`). */
function isColour(name: string, property: Record<string, unknown>): boolean {
  const description = typeof property.description === "string" ? property.description : "";
  return /colou?r$/i.test(name) || /^a colou?r\b/i.test(description);
}

function kindOf(name: string, property: Record<string, unknown>): FieldKind {
  if (Array.isArray(property.enum)) return "enum";
  switch (property.type) {
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default: {
      if (isColour(name, property)) return "color";
      const maxLength = numberOr(property.maxLength);
      return maxLength !== null && maxLength <= LONG_TEXT_CHARS ? "text" : "longtext";
    }
  }
}

/** One field per schema property, in the schema's order. */
export function fieldsOf(schema: Effect["parameter_schema"]): FieldSpec[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((item) => typeof item === "string") : [];
  return Object.entries(properties).map(([name, raw]) => {
    const property = isRecord(raw) ? raw : {};
    return {
      name,
      kind: kindOf(name, property),
      required: required.includes(name),
      minimum: numberOr(property.minimum),
      maximum: numberOr(property.maximum),
      options: Array.isArray(property.enum) ? property.enum.map(String) : [],
      maxLength: numberOr(property.maxLength),
      description: typeof property.description === "string" ? property.description : null,
    };
  });
}

/** A label for a property name: `font_size` → `Font size`. */
export function labelOf(name: string): string {
  const words = name.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The parameters with `name` set to `value`, or removed when `value` is
 * `undefined` (an emptied optional field is left to the effect's default).
 */
export function withValue(parameters: Parameters, name: string, value: unknown): Parameters {
  const next = { ...parameters };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}

/** A number typed into an input: `undefined` while empty, the text itself while not yet a number. */
export function parseNumber(text: string, kind: "number" | "integer"): number | string | undefined {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  return kind === "integer" && !Number.isInteger(value) ? text : value;
}

/** The colour picker's `#rrggbb` for a colour value (named colours and `@alpha` are kept in the text box). */
export function pickerValue(value: unknown): string {
  if (typeof value !== "string") return "#ffffff";
  const hex = /^#([0-9a-f]{6})/i.exec(value);
  return hex ? `#${(hex[1] ?? "ffffff").toLowerCase()}` : "#ffffff";
}

/** The colour with its `@alpha` suffix kept when the picker changes the hue. */
export function withPickedColour(previous: unknown, picked: string): string {
  const alpha = typeof previous === "string" ? /@[0-9.]+$/.exec(previous) : null;
  return `${picked.toUpperCase()}${alpha ? alpha[0] : ""}`;
}

/** The first example of an effect: a valid starting point for the form. */
export function startingParameters(effect: Effect): Parameters {
  const first = effect.examples[0];
  return isRecord(first) ? { ...first } : {};
}

/**
 * The parameter a server error is about: `parameters.font_size`,
 * `operations[0].parameters.font_size` → `font_size`; null for other fields.
 */
export function parameterOfField(field: string | null): string | null {
  if (!field) return null;
  const match = /(?:^|\.)parameters\.([A-Za-z0-9_]+)/.exec(field);
  return match ? (match[1] ?? null) : null;
}

/** A server message shown at its field, without the field's name in front (`parameters.x: bad` → `bad`). */
export function messageAtField(message: string, field: string | null): string {
  return field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}
