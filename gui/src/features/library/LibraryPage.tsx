import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../../api/errors";
import type { MediaType, SortOrder, VideoSort } from "../../api/types";
import { useDebouncedValue } from "../../lib/useDebouncedValue";
import { ScanModal } from "../scan/ScanModal";
import { useVideos } from "./api";
import { videoKeys } from "./keys";
import { VideoCard } from "./VideoCard";
import styles from "./LibraryPage.module.css";

export const PAGE_SIZE = 48;
const SEARCH_DEBOUNCE_MS = 300;

const SORT_LABELS = {
  filename: "Name",
  created_at: "Date added",
  updated_at: "Date updated",
  duration_seconds: "Duration",
  file_size: "File size",
  width: "Resolution",
} as const satisfies Record<VideoSort, string>;

const SORT_FIELDS = Object.keys(SORT_LABELS) as VideoSort[];

const MEDIA_LABELS = { video: "Videos", audio: "Audio" } as const satisfies Record<MediaType, string>;
const MEDIA_TYPES = Object.keys(MEDIA_LABELS) as MediaType[];

export function LibraryPage() {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<VideoSort>("filename");
  const [order, setOrder] = useState<SortOrder>("asc");
  const [mediaType, setMediaType] = useState<MediaType | "">("");
  const [page, setPage] = useState(0);
  const [scanOpen, setScanOpen] = useState(false);

  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const videos = useVideos({
    q,
    sort,
    order,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
    ...(mediaType ? { mediaType } : {}),
  });
  const data = videos.data;
  const total = data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = q !== "" || mediaType !== "";
  const libraryEmpty = data !== undefined && total === 0 && !filtered && !videos.isPlaceholderData;

  function closeScan() {
    setScanOpen(false);
    // Covers the polling fallback, where no video events told us about changes.
    void queryClient.invalidateQueries({ queryKey: videoKeys.all });
  }

  const scanButton = (
    <button type="button" className="primary" onClick={() => setScanOpen(true)}>
      Scan directory
    </button>
  );

  return (
    <section aria-labelledby="library-title">
      <div className={styles.toolbar}>
        <h1 id="library-title">Library</h1>
        <div className={styles.controls}>
          <input
            type="search"
            aria-label="Search videos"
            placeholder="Search by name or path"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(0);
            }}
          />
          <label className={styles.sort}>
            Sort by{" "}
            <select
              value={sort}
              onChange={(event) => {
                setSort(event.target.value as VideoSort);
                setPage(0);
              }}
            >
              {SORT_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {SORT_LABELS[field]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.sort}>
            Show{" "}
            <select
              aria-label="Media type"
              value={mediaType}
              onChange={(event) => {
                setMediaType(event.target.value as MediaType | "");
                setPage(0);
              }}
            >
              <option value="">All media</option>
              {MEDIA_TYPES.map((type) => (
                <option key={type} value={type}>
                  {MEDIA_LABELS[type]}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            aria-label={`Sort order: ${order === "asc" ? "ascending" : "descending"}`}
            title="Toggle sort order"
            onClick={() => {
              setOrder(order === "asc" ? "desc" : "asc");
              setPage(0);
            }}
          >
            {order === "asc" ? "↑ Asc" : "↓ Desc"}
          </button>
          {!libraryEmpty && scanButton}
        </div>
      </div>

      {videos.isPending && <p className={styles.muted}>Loading videos…</p>}
      {videos.isError && (
        <p className={styles.error} role="alert">
          Could not load videos: {errorMessage(videos.error)}
        </p>
      )}

      {libraryEmpty && (
        <div className={styles.empty} data-testid="library-empty">
          <p>No videos yet — scan a folder</p>
          {scanButton}
        </div>
      )}
      {data && total === 0 && filtered && (
        <p className={styles.empty} data-testid="search-empty">
          {q !== "" ? `No videos match “${q}”` : "Nothing here"}
          {mediaType !== "" ? ` among ${MEDIA_LABELS[mediaType].toLowerCase()}` : ""}.
        </p>
      )}

      {data && data.videos.length > 0 && (
        <>
          <p className={styles.muted} aria-live="polite" data-testid="library-range">
            {data.offset + 1}–{data.offset + data.videos.length} of {total}
            {q ? ` matching “${q}”` : ""}
          </p>
          <ul className={styles.grid} aria-label="Videos" aria-busy={videos.isFetching}>
            {data.videos.map((video) => (
              <VideoCard key={video.id} video={video} />
            ))}
          </ul>
          {pageCount > 1 && (
            <nav className={styles.pager} aria-label="Pages">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span>
                Page {page + 1} of {pageCount}
              </span>
              <button type="button" disabled={page + 1 >= pageCount} onClick={() => setPage(page + 1)}>
                Next
              </button>
            </nav>
          )}
        </>
      )}

      {scanOpen && <ScanModal onClose={closeScan} />}
    </section>
  );
}
