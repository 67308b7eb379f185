import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

/** The names this server's ffmpeg `xfade` supports; they do not change while it runs. */
export function useTransitionNames() {
  return useQuery({
    queryKey: ["transitions", "names"] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/transitions", { signal })),
    staleTime: Infinity,
  });
}
