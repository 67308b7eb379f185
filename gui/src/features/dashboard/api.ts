import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { toApiError } from "../../api/errors";
import type { Readiness } from "../../api/types";

const HEALTH_REFRESH_MS = 10_000;

function isReadiness(value: unknown): value is Readiness {
  return typeof value === "object" && value !== null && "status" in value && "checks" in value;
}

/**
 * `GET /health/ready`. A degraded server answers 503 with the same body, and
 * that body is what the dashboard wants to show, so 503 is not an error here.
 */
export function useReadiness() {
  return useQuery({
    queryKey: ["health", "ready"],
    queryFn: async ({ signal }): Promise<Readiness> => {
      const { data, error, response } = await api.GET("/health/ready", { signal });
      if (response.ok && data) return data;
      if (response.status === 503 && isReadiness(error)) return error;
      throw toApiError(response, error);
    },
    refetchInterval: HEALTH_REFRESH_MS,
  });
}
