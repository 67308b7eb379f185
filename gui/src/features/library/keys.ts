import type { VideoSort, SortOrder } from "../../api/types";

export interface VideoListParams {
  q: string;
  sort: VideoSort;
  order: SortOrder;
  limit: number;
  offset: number;
}

export const videoKeys = {
  all: ["videos"] as const,
  list: (params: VideoListParams) => ["videos", "list", params] as const,
  count: () => ["videos", "count"] as const,
};
