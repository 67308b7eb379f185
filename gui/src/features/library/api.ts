import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { videoKeys, type VideoListParams } from "./keys";

/**
 * One page of the library: `/videos/search` when there is a query, `/videos`
 * otherwise (both sort the same way). The previous page stays on screen
 * while the next one loads.
 */
export function useVideos(params: VideoListParams) {
  return useQuery({
    queryKey: videoKeys.list(params),
    queryFn: ({ signal }) => {
      const { q, sort, order, limit, offset, mediaType } = params;
      const query = { sort, order, limit, offset, ...(mediaType ? { media_type: mediaType } : {}) };
      return q
        ? unwrap(api.GET("/api/v1/videos/search", { params: { query: { q, ...query } }, signal }))
        : unwrap(api.GET("/api/v1/videos", { params: { query }, signal }));
    },
    placeholderData: keepPreviousData,
  });
}

/** Number of videos in the library (`total` of a one-item page). */
export function useVideoCount() {
  return useQuery({
    queryKey: videoKeys.count(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/videos", { params: { query: { limit: 1, offset: 0 } }, signal })),
    select: (page) => page.total,
  });
}
