import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { authStore } from "../../api/auth";
import type { Video } from "../../api/types";
import { makeVideo } from "../../test/fixtures";
import { renderApp } from "../../test/render";
import { server } from "../../test/server";

function page(videos: Video[], total: number, limit: number, offset: number) {
  return { videos, total, limit, offset };
}

function libraryApi(videos: Video[]) {
  const calls: URL[] = [];
  server.use(
    http.get("/api/v1/videos", ({ request }) => {
      const url = new URL(request.url);
      calls.push(url);
      const limit = Number(url.searchParams.get("limit"));
      const offset = Number(url.searchParams.get("offset"));
      return HttpResponse.json(page(videos.slice(offset, offset + limit), videos.length, limit, offset));
    }),
    http.get("/api/v1/videos/search", ({ request }) => {
      const url = new URL(request.url);
      calls.push(url);
      const q = url.searchParams.get("q") ?? "";
      const hits = videos.filter((video) => video.filename.includes(q));
      return HttpResponse.json(page(hits, hits.length, Number(url.searchParams.get("limit")), 0));
    }),
  );
  return calls;
}

describe("LibraryPage", () => {
  it("is the default page and shows a card per video with lazy thumbnails", async () => {
    libraryApi([makeVideo({ filename: "beach.mp4", duration_seconds: 83.4, width: 1920, height: 1080 })]);
    renderApp("/");
    const card = await screen.findByTestId("video-card");
    expect(within(card).getByTestId("video-filename")).toHaveTextContent("beach.mp4");
    expect(within(card).getByTestId("video-duration")).toHaveTextContent("1:23");
    expect(within(card).getByTestId("video-resolution")).toHaveTextContent("1920×1080");
    const img = card.querySelector("img");
    expect(img).toHaveAttribute("loading", "lazy");
    expect(img).toHaveAttribute("src", expect.stringMatching(/\/thumbnail$/) as string);
  });

  it("adds ?token= to thumbnail URLs only when a token is set (img cannot send headers)", async () => {
    libraryApi([makeVideo({ thumbnail_url: "/api/v1/videos/v1/thumbnail" })]);
    authStore.setToken("s3cret/+");
    try {
      renderApp("/");
      const img = (await screen.findByTestId("video-card")).querySelector("img");
      expect(img).toHaveAttribute("src", "/api/v1/videos/v1/thumbnail?token=s3cret%2F%2B");
      authStore.setToken(null);
      await waitFor(() => expect(img).toHaveAttribute("src", "/api/v1/videos/v1/thumbnail"));
    } finally {
      authStore.setToken(null);
    }
  });

  it("shows a sound file with its waveform and an audio badge, without a resolution", async () => {
    libraryApi([
      makeVideo({ filename: "song.flac", media_type: "audio", width: null, height: null, video_codec: null }),
    ]);
    renderApp("/");
    const card = await screen.findByTestId("video-card");
    expect(within(card).getByTestId("audio-badge")).toHaveTextContent("audio");
    expect(within(card).queryByTestId("video-resolution")).toBeNull();
    expect(card.querySelector("img")).toHaveAttribute("height", "120");
  });

  it("filters by media type and sends media_type to list and search", async () => {
    const calls = libraryApi([makeVideo()]);
    const user = userEvent.setup();
    renderApp("/");
    await screen.findByTestId("video-card");
    expect(calls[0]?.searchParams.has("media_type")).toBe(false);
    expect(screen.queryByTestId("audio-badge")).toBeNull();

    await user.selectOptions(screen.getByRole("combobox", { name: "Media type" }), "audio");
    await waitFor(() => expect(calls.at(-1)?.searchParams.get("media_type")).toBe("audio"));
    expect(calls.at(-1)?.pathname).toBe("/api/v1/videos");

    await user.type(screen.getByRole("searchbox", { name: "Search videos" }), "song");
    await waitFor(() => expect(calls.at(-1)?.pathname).toBe("/api/v1/videos/search"));
    expect(calls.at(-1)?.searchParams.get("media_type")).toBe("audio");
  });

  it("asks for 48 videos a page and pages through them", async () => {
    const calls = libraryApi(Array.from({ length: 50 }, (_, i) => makeVideo({ filename: `clip-${i}.mp4` })));
    const user = userEvent.setup();
    renderApp("/");
    await waitFor(() => expect(screen.getAllByTestId("video-card")).toHaveLength(48));
    expect(calls[0]?.searchParams.get("limit")).toBe("48");
    expect(screen.getByTestId("library-range")).toHaveTextContent("1–48 of 50");

    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.getAllByTestId("video-card")).toHaveLength(2));
    expect(calls.at(-1)?.searchParams.get("offset")).toBe("48");
  });

  it("sends the chosen sort field and order", async () => {
    const calls = libraryApi([makeVideo()]);
    const user = userEvent.setup();
    renderApp("/");
    await screen.findByTestId("video-card");
    await user.selectOptions(screen.getByLabelText("Sort by"), "duration_seconds");
    await user.click(screen.getByRole("button", { name: "Sort order: ascending" }));
    await waitFor(() => {
      const last = calls.at(-1);
      expect(last?.searchParams.get("sort")).toBe("duration_seconds");
      expect(last?.searchParams.get("order")).toBe("desc");
    });
  });

  it("searches through /videos/search after typing stops", async () => {
    const calls = libraryApi([makeVideo({ filename: "holiday.mp4" }), makeVideo({ filename: "work.mp4" })]);
    const user = userEvent.setup();
    renderApp("/");
    await waitFor(() => expect(screen.getAllByTestId("video-card")).toHaveLength(2));
    await user.type(screen.getByRole("searchbox", { name: "Search videos" }), "holi");

    await waitFor(() => expect(screen.getAllByTestId("video-card")).toHaveLength(1));
    const searches = calls.filter((url) => url.pathname.endsWith("/search"));
    // Debounced: one request for the whole word, not one per key.
    expect(searches.map((url) => url.searchParams.get("q"))).toEqual(["holi"]);
  });

  it("shows the empty state with a scan button that opens the scan dialog", async () => {
    libraryApi([]);
    const user = userEvent.setup();
    renderApp("/");
    const empty = await screen.findByTestId("library-empty");
    expect(empty).toHaveTextContent("No videos yet — scan a folder");
    // Exactly one scan button on the page.
    await user.click(screen.getByRole("button", { name: "Scan directory" }));
    expect(screen.getByRole("dialog", { name: "Scan directory" })).toBeInTheDocument();
  });
});
