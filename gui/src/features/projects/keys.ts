/** Query keys of the project queries; `projectKeys.one(id)` prefixes everything about one project. */
export const projectKeys = {
  all: ["projects"] as const,
  list: () => ["projects", "list"] as const,
  one: (id: string) => ["projects", "one", id] as const,
  detail: (id: string) => ["projects", "one", id, "detail"] as const,
  timeline: (id: string) => ["projects", "one", id, "timeline"] as const,
  history: (id: string) => ["projects", "one", id, "history"] as const,
};

/** A library record by id (the timeline shows each source's file name and thumbnail). */
export const sourceKeys = {
  one: (videoId: string) => ["videos", "detail", videoId] as const,
};
