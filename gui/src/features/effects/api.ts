/**
 * Queries of the effects panel: the catalog, the live filter string and the
 * preview picture's address. Changes to a clip's stack go through the
 * project's mutation helper (`features/projects`), which sends `If-Match`.
 */
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { withToken } from "../../api/auth";
import { useDebouncedValue } from "../../lib/useDebouncedValue";
import type { Effect, Parameters } from "./types";

/** How long typing must pause before the filter string and picture are asked for again. */
export const PREVIEW_DEBOUNCE_MS = 300;

export const effectKeys = {
  catalog: ["effects", "catalog"] as const,
  filter: (effectType: string, parameters: Parameters) => ["effects", "filter", effectType, parameters] as const,
};

/** The catalog never changes while the server runs: asked once. */
export function useEffectCatalog() {
  return useQuery({
    queryKey: effectKeys.catalog,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/effects", { signal })),
    staleTime: Infinity,
  });
}

/** The `filter_string` of the parameters, asked once typing has paused; a 422 is the query's error. */
export function useFilterString(effectType: Effect["effect_type"] | null, parameters: Parameters) {
  const settled = useDebouncedValue(parameters, PREVIEW_DEBOUNCE_MS);
  return useQuery({
    queryKey: effectKeys.filter(effectType ?? "", settled),
    // The answer keeps the parameters it is for, so the preview picture asks only for
    // a parameter set the server accepted (never a 422 image).
    queryFn: effectType
      ? async ({ signal }) => {
          const body = { effect_type: effectType, parameters: settled };
          const answer = await unwrap(api.POST("/api/v1/effects/preview", { body, signal }));
          return { filterString: answer.filter_string, parameters: settled };
        }
      : skipToken,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The address of the effect's preview picture on a library video at `t` seconds. */
export function previewImageUrl(
  effectType: string,
  videoId: string,
  t: number,
  parameters: Parameters,
  token: string | null,
): string {
  const query = new URLSearchParams({
    video_id: videoId,
    t: String(Math.max(0, Math.round(t * 1000) / 1000)),
    parameters: JSON.stringify(parameters),
    width: "480",
  });
  return withToken(`/api/v1/effects/${encodeURIComponent(effectType)}/preview.jpg?${query.toString()}`, token);
}
