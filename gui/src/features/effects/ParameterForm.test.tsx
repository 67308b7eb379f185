import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { isRecord } from "../../lib/json";
import { catalogEntry, fullCatalog } from "./catalog.fixture";
import { ParameterForm } from "./ParameterForm";
import { startingParameters } from "./schema";
import type { Effect, Parameters } from "./types";

function Harness({
  effect,
  initial = {},
  serverError = null,
  seen,
}: {
  effect: Effect;
  initial?: Parameters;
  serverError?: { field: string | null; message: string } | null;
  seen?: Parameters[];
}) {
  const [value, setValue] = useState<Parameters>(initial);
  return (
    <ParameterForm
      effect={effect}
      value={value}
      serverError={serverError}
      onChange={(next) => {
        seen?.push(next);
        setValue(next);
      }}
    />
  );
}

const field = (name: string) => screen.getByTestId(`field-${name}`);

describe("ParameterForm (generated from parameter_schema)", () => {
  it("gives every schema type of the catalog its widget", () => {
    render(<Harness effect={catalogEntry("text_overlay")} />);
    // string without a short maxLength → textarea
    expect(field("text").dataset.kind).toBe("longtext");
    expect(within(field("text")).getByLabelText("Text *").tagName).toBe("TEXTAREA");
    // integer with minimum/maximum → slider + number input with the bounds
    expect(field("font_size").dataset.kind).toBe("integer");
    const slider = within(field("font_size")).getByLabelText("Font size slider");
    expect(slider).toHaveAttribute("type", "range");
    expect(slider).toHaveAttribute("min", "8");
    expect(slider).toHaveAttribute("max", "400");
    expect(within(field("font_size")).getByLabelText("Font size")).toHaveAttribute("type", "number");
    // colour string → picker + text
    expect(field("color").dataset.kind).toBe("color");
    expect(within(field("color")).getByLabelText("Color picker")).toHaveAttribute("type", "color");
    expect(field("box_color").dataset.kind).toBe("color");
    // enum → select with its options (optional: a default entry)
    const position = within(field("position")).getByLabelText("Position");
    expect(position.tagName).toBe("SELECT");
    expect(within(position).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "(default)",
      "bottom",
      "bottom_left",
      "bottom_right",
      "center",
      "top",
      "top_left",
      "top_right",
    ]);
    // short string (an expression) → one-line input
    expect(within(field("x")).getByLabelText("X")).toHaveAttribute("type", "text");
    // boolean → checkbox
    expect(within(field("box")).getByLabelText("Box")).toHaveAttribute("type", "checkbox");
  });

  it("gives a number (not integer) property a fractional slider", () => {
    render(<Harness effect={catalogEntry("speed")} initial={{ factor: 2 }} />);
    expect(field("factor").dataset.kind).toBe("number");
    const slider = within(field("factor")).getByLabelText("Factor slider");
    expect(slider).toHaveAttribute("min", "0.25");
    expect(slider).toHaveAttribute("max", "4");
    expect(Number(slider.getAttribute("step"))).toBeLessThan(1);
    expect(within(field("factor")).getByLabelText("Factor *")).toHaveValue(2);
  });

  it("turns each widget's input into parameters of the right JSON type", async () => {
    const user = userEvent.setup();
    const seen: Parameters[] = [];
    render(<Harness effect={catalogEntry("text_overlay")} initial={{ text: "Hi", color: "#112233@0.5" }} seen={seen} />);
    const last = () => seen[seen.length - 1] ?? {};

    await user.clear(within(field("font_size")).getByLabelText("Font size"));
    await user.type(within(field("font_size")).getByLabelText("Font size"), "72");
    expect(last().font_size).toBe(72);

    fireEvent.change(within(field("font_size")).getByLabelText("Font size slider"), { target: { value: "120" } });
    expect(last().font_size).toBe(120);

    await user.selectOptions(within(field("position")).getByLabelText("Position"), "top_left");
    expect(last().position).toBe("top_left");

    await user.click(within(field("box")).getByLabelText("Box"));
    expect(last().box).toBe(true);

    fireEvent.change(within(field("color")).getByLabelText("Color picker"), { target: { value: "#ff8800" } });
    expect(last().color).toBe("#FF8800@0.5");

    await user.type(within(field("text")).getByLabelText("Text *"), "{Enter}there");
    expect(last().text).toBe("Hi\nthere");

    // Emptying an optional field leaves it out, so the effect's default applies.
    await user.clear(within(field("font_size")).getByLabelText("Font size"));
    expect(last()).not.toHaveProperty("font_size");
    await user.selectOptions(within(field("position")).getByLabelText("Position"), "");
    expect(last()).not.toHaveProperty("position");
  });

  it("shows ai_hints as each field's help text", () => {
    render(<Harness effect={catalogEntry("text_overlay")} />);
    const input = within(field("font_size")).getByLabelText("Font size");
    expect(input).toHaveAccessibleDescription(/glyph height in output pixels · typical: 24-96 for 1080p · 8–400/);
  });

  it("shows the server's validation message at the field it names", () => {
    render(
      <Harness
        effect={catalogEntry("text_overlay")}
        initial={{ text: "Hi", font_size: 4 }}
        serverError={{ field: "parameters.font_size", message: "parameters.font_size: 4 is less than the minimum of 8" }}
      />,
    );
    const input = within(field("font_size")).getByLabelText("Font size");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(within(field("font_size")).getByRole("alert")).toHaveTextContent("4 is less than the minimum of 8");
    expect(input).toHaveAccessibleDescription(/4 is less than the minimum of 8/);
    // only that field is marked
    expect(within(field("text")).queryByRole("alert")).toBeNull();
    expect(within(field("text")).getByLabelText("Text *")).not.toHaveAttribute("aria-invalid");
  });

  it("names a batch operation's field at the parameter too", () => {
    render(
      <Harness
        effect={catalogEntry("speed")}
        serverError={{ field: "operations[0].parameters.factor", message: "operations[0].parameters.factor: too big" }}
      />,
    );
    expect(within(field("factor")).getByRole("alert")).toHaveTextContent("too big");
  });

  it("shows an error about no single parameter above the form", () => {
    render(
      <Harness
        effect={catalogEntry("text_overlay")}
        serverError={{ field: "parameters", message: "parameters: 'text' is a required property" }}
      />,
    );
    const alerts = screen.getAllByRole("alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toHaveTextContent("'text' is a required property");
  });
});

/** The catalog's colour schema (COLOR_SCHEMA on the server), whatever a property using it is called. */
const COLOUR = (catalogEntry("text_overlay").parameter_schema.properties as Record<string, unknown>).color;

describe("ParameterForm over the whole served catalog", () => {
  // One case per effect: every property gets the widget its JSON Schema calls for,
  // its ai_hints as help, and the first example's value in that widget.
  it.each(fullCatalog.map((effect) => [effect.effect_type, effect] as const))("%s", (_type, effect) => {
    render(<Harness effect={effect} initial={startingParameters(effect)} />);
    const schema = effect.parameter_schema;
    const required = Array.isArray(schema.required) ? schema.required : [];
    const example = startingParameters(effect);
    const properties = Object.entries(isRecord(schema.properties) ? schema.properties : {});
    expect(properties.length).toBeGreaterThan(0);
    for (const [name, raw] of properties) {
      const property = isRecord(raw) ? raw : {};
      const box = field(name);
      const value = example[name];
      const control = box.querySelector<HTMLInputElement>(`[id$="-${name}"]`);
      expect(control, `${effect.effect_type}.${name} has a control`).not.toBeNull();
      if (Array.isArray(property.enum)) {
        expect(control?.tagName).toBe("SELECT");
        const options = within(box).getAllByRole("option").map((option) => option.getAttribute("value"));
        expect(options.filter((option) => option !== "")).toEqual(property.enum.map(String));
        expect(options.includes("")).toBe(!required.includes(name));
        if (value !== undefined) expect(control).toHaveValue(value as string);
      } else if (property.type === "integer" || property.type === "number") {
        expect(control).toHaveAttribute("type", "number");
        expect(control).toHaveAttribute("min", String(property.minimum));
        expect(control).toHaveAttribute("max", String(property.maximum));
        const slider = within(box).getByRole("slider");
        expect(slider).toHaveAttribute("min", String(property.minimum));
        expect(slider).toHaveAttribute("max", String(property.maximum));
        if (property.type === "integer") expect(slider).toHaveAttribute("step", "1");
        if (value !== undefined) expect(control).toHaveValue(value as number);
      } else if (property.type === "boolean") {
        expect(control).toHaveAttribute("type", "checkbox");
        expect(control?.checked).toBe(value === true);
      } else if (property.type === "string" && JSON.stringify(property) === JSON.stringify(COLOUR)) {
        expect(control).toHaveAttribute("type", "text");
        expect(box.querySelector('input[type="color"]'), `${effect.effect_type}.${name} has a colour picker`).not.toBeNull();
      } else if (property.type === "string") {
        const long = typeof property.maxLength !== "number" || property.maxLength > 200;
        expect(control?.tagName).toBe(long ? "TEXTAREA" : "INPUT");
        if (value !== undefined) expect(control).toHaveValue(value as string);
      } else {
        throw new Error(`${effect.effect_type}.${name}: the form has no widget for ${JSON.stringify(property)}`);
      }
      const hint = effect.ai_hints[name];
      if (hint) {
        const help = document.getElementById(`${control?.id ?? ""}-help`);
        expect(control?.getAttribute("aria-describedby")).toContain(`${control?.id ?? ""}-help`);
        expect(help?.textContent).toContain(hint.meaning);
      }
    }
  });
});
