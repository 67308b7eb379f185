import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/errors";
import { renderWithApp } from "../../test/render";
import { server } from "../../test/server";
import { catalogFixture } from "./catalog.fixture";
import { EffectsPanel } from "./EffectsPanel";
import type { Clip, EffectActions } from "./types";

function makeClip(overrides: Partial<Clip> = {}): Clip {
  return {
    id: "c1",
    track_id: "t1",
    source_video_id: "v1",
    source_missing: false,
    source_frames: 300,
    in_point: 0,
    out_point: 90,
    index: 0,
    timeline_position: 0,
    duration: 90,
    in_point_s: 0,
    out_point_s: 3,
    timeline_position_s: 0,
    duration_s: 3,
    effects: [],
    ...overrides,
  };
}

function fontSizeError(value: unknown) {
  const message = `parameters.font_size: ${String(value)} is greater than the maximum of 400`;
  return HttpResponse.json(
    {
      detail: {
        code: "VALIDATION_ERROR",
        message,
        field: "parameters.font_size",
        errors: [{ loc: ["parameters.font_size"], msg: message, type: "value_error" }],
      },
    },
    { status: 422 },
  );
}

/** The catalog, and a filter preview that refuses font sizes over 400 as the server does. */
function effectsApi() {
  const previews: unknown[] = [];
  server.use(
    http.get("/api/v1/effects", () => HttpResponse.json({ effects: catalogFixture })),
    http.post("/api/v1/effects/preview", async ({ request }) => {
      const body = (await request.json()) as { effect_type: string; parameters: Record<string, unknown> };
      previews.push(body);
      const size = body.parameters.font_size;
      if (typeof size === "number" && size > 400) return fontSizeError(size);
      return HttpResponse.json({ filter_string: `drawtext=fontsize=${JSON.stringify(size ?? 24)}` });
    }),
  );
  return previews;
}

function recordingActions(overrides: Partial<EffectActions> = {}) {
  const calls: unknown[][] = [];
  const actions: EffectActions = {
    add: (...args) => (calls.push(["add", ...args]), Promise.resolve()),
    update: (...args) => (calls.push(["update", ...args]), Promise.resolve()),
    remove: (...args) => (calls.push(["remove", ...args]), Promise.resolve()),
    move: (...args) => (calls.push(["move", ...args]), Promise.resolve()),
    ...overrides,
  };
  return { calls, actions };
}

describe("EffectsPanel", () => {
  it("lists the catalog grouped by applies_to, filters by search, and disables the other kind", async () => {
    const user = userEvent.setup();
    effectsApi();
    renderWithApp(<EffectsPanel clip={makeClip()} clipKind="video" actions={recordingActions().actions} />);
    const video = await screen.findByRole("region", { name: "Video effects" });
    expect(within(video).getAllByRole("button").map((b) => b.textContent)).toEqual(["Text overlay", "Speed"]);
    const audio = screen.getByRole("region", { name: "Audio effects" });
    expect(within(audio).getByRole("button", { name: "Volume" })).toBeDisabled();

    await user.type(screen.getByLabelText("Search effects"), "speed");
    expect(screen.queryByRole("button", { name: "Text overlay" })).toBeNull();
    expect(screen.getByRole("button", { name: "Speed" })).toBeEnabled();
  });

  it("shows the live filter string, the server's message at the field, and applies once fixed", async () => {
    const user = userEvent.setup();
    const previews = effectsApi() as { parameters: Record<string, unknown> }[];
    const { calls, actions } = recordingActions();
    renderWithApp(<EffectsPanel clip={makeClip()} clipKind="video" actions={actions} />);
    await user.click(await screen.findByRole("button", { name: "Text overlay" }));

    // the first example fills the form and its filter string shows
    expect(await screen.findByTestId("filter-string")).toHaveTextContent("drawtext=fontsize=48");
    const preview = screen.getByTestId("effect-preview-image");
    const url = new URL(preview.getAttribute("src") ?? "", "http://x");
    expect(url.pathname).toBe("/api/v1/effects/text_overlay/preview.jpg");
    expect(url.searchParams.get("video_id")).toBe("v1");
    expect(JSON.parse(url.searchParams.get("parameters") ?? "{}")).toMatchObject({ font_size: 48 });

    const size = within(screen.getByTestId("field-font_size")).getByLabelText("Font size");
    await user.clear(size);
    await user.type(size, "999");
    const alert = await within(screen.getByTestId("field-font_size")).findByRole("alert");
    expect(alert).toHaveTextContent("999 is greater than the maximum of 400");
    expect(size).toHaveAttribute("aria-invalid", "true");
    // debounced: nothing was asked for the sizes typed on the way to 999 (or the emptied field)
    const asked = previews.map((body) => body.parameters.font_size);
    expect(asked).toContain(999);
    expect(asked.filter((value) => value !== 48 && value !== 999)).toEqual([]);
    // the picture is only asked for parameters the server accepted
    expect(screen.queryByTestId("effect-preview-image")?.getAttribute("src") ?? "").not.toContain("999");

    await user.clear(size);
    await user.type(size, "64");
    await waitFor(() => expect(screen.getByTestId("filter-string")).toHaveTextContent("drawtext=fontsize=64"));
    expect(within(screen.getByTestId("field-font_size")).queryByRole("alert")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Add effect" }));
    await waitFor(() =>
      expect(calls).toEqual([
        ["add", "c1", { effect_type: "text_overlay", parameters: { text: "Hello, world", font_size: 64, position: "center" } }],
      ]),
    );
    // the editor closes and the catalog is back
    expect(await screen.findByLabelText("Search effects")).toBeInTheDocument();
  });

  it("shows a refused Apply's message at its field and keeps the form open", async () => {
    const user = userEvent.setup();
    effectsApi();
    const refuse = () =>
      Promise.reject(new ApiError(422, "VALIDATION_ERROR", "parameters.x: unknown constant 'q'", "parameters.x"));
    renderWithApp(<EffectsPanel clip={makeClip()} clipKind="video" actions={recordingActions({ add: refuse }).actions} />);
    await user.click(await screen.findByRole("button", { name: "Text overlay" }));
    await user.click(screen.getByRole("button", { name: "Add effect" }));
    const alert = await within(screen.getByTestId("field-x")).findByRole("alert");
    expect(alert).toHaveTextContent("unknown constant 'q'");
    expect(screen.getByRole("button", { name: "Add effect" })).toBeEnabled();
  });

  it("edits, reorders and removes the clip's stack", async () => {
    const user = userEvent.setup();
    effectsApi();
    const { calls, actions } = recordingActions();
    const clip = makeClip({
      effects: [
        { index: 0, effect_type: "speed", parameters: { factor: 2 }, start: null, end: null, start_s: null, end_s: null },
        {
          index: 1,
          effect_type: "text_overlay",
          parameters: { text: "Hi", font_size: 30 },
          start: null,
          end: null,
          start_s: null,
          end_s: null,
        },
      ],
    });
    renderWithApp(<EffectsPanel clip={clip} clipKind="video" actions={actions} />);
    const stack = await screen.findByRole("list", { name: "Effect stack" });
    await waitFor(() =>
      expect(within(stack).getAllByTestId("stack-item").map((li) => li.textContent)).toEqual([
        expect.stringContaining("Speed"),
        expect.stringContaining("Text overlay"),
      ]),
    );
    expect(within(stack).getByRole("button", { name: "Move Speed up" })).toBeDisabled();
    await user.click(within(stack).getByRole("button", { name: "Move Text overlay up" }));
    await user.click(within(stack).getByRole("button", { name: "Remove Speed" }));

    await user.click(within(stack).getByRole("button", { name: "Edit Text overlay" }));
    const size = within(screen.getByTestId("field-font_size")).getByLabelText("Font size");
    expect(size).toHaveValue(30);
    await user.clear(size);
    await user.type(size, "40");
    await user.click(screen.getByRole("button", { name: "Save effect" }));
    await waitFor(() =>
      expect(calls).toEqual([
        ["move", "c1", 1, -1],
        ["remove", "c1", 0],
        ["update", "c1", 1, { effect_type: "text_overlay", parameters: { text: "Hi", font_size: 40 } }],
      ]),
    );
  });
});
