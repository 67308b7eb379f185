import { useMutation, useQuery } from "@tanstack/react-query";
import { withToken } from "../../api/auth";
import { api, unwrap } from "../../api/client";
import type { RenderRequest } from "./types";

/** Containers and encoders of the server's ffmpeg; asked once. */
export function useRenderFormats() {
  return useQuery({
    queryKey: ["render", "formats"] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/render/formats", { signal })),
    staleTime: Infinity,
  });
}

/** `POST /projects/{id}/render`: the answer is the new job's id (202). */
export function useStartRender(projectId: string) {
  return useMutation({
    mutationFn: async (body: RenderRequest): Promise<string> => {
      const answer = await unwrap(
        api.POST("/api/v1/projects/{project_id}/render", { params: { path: { project_id: projectId } }, body }),
      );
      // Without `?dry_run=true` the answer is always the 202 `{job_id}`.
      if (!("job_id" in answer)) throw new Error("The server answered a dry run instead of starting a render.");
      return answer.job_id;
    },
  });
}

/** The rendered file's address, for `<a download>` and `<video src>` (which cannot send a header). */
export function renderFileUrl(jobId: string, token: string | null): string {
  return withToken(`/api/v1/renders/${encodeURIComponent(jobId)}/file`, token);
}
