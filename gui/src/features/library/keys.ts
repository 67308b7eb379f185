import type { MediaType, VideoSort, SortOrder } from "../../api/types";

export interface VideoListParams {
  q: string;
  sort: VideoSort;
  order: SortOrder;
  limit: number;
  offset: number;
  /** Only videos or only sound files; both when absent. */
  mediaType?: MediaType;
}

export const videoKeys = {
  all: ["videos"] as const,
  list: (params: VideoListParams) => ["videos", "list", params] as const,
  count: () => ["videos", "count"] as const,
};
