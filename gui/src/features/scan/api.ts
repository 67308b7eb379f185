import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { ScanRequest } from "../../api/types";
import { jobKeys } from "../jobs/cache";

/** `POST /api/v1/videos/scan` → 202 `{job_id}`; 400/403/409 arrive as `ApiError`. */
export function useStartScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScanRequest) => unwrap(api.POST("/api/v1/videos/scan", { body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    },
  });
}
