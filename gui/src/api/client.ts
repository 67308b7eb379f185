/**
 * The typed API client: `openapi-fetch` over the generated `paths`.
 *
 * Calls look like `api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id } } })`;
 * paths, parameters, bodies and responses are all checked against the
 * server's schema. `unwrap()` turns the `{data, error}` pair into a value or
 * a thrown `ApiError`, which is what TanStack Query expects.
 */
import createClient, { type Middleware } from "openapi-fetch";
import { authStore } from "./auth";
import { toApiError } from "./errors";
import type { paths } from "./schema.gen";

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = authStore.getToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) authStore.markRejected();
    return response;
  },
};

export const api = createClient<paths>({
  // Same origin as the page: the server hosts the GUI, and Vite's dev server
  // proxies the API. An absolute base keeps `new Request()` happy everywhere.
  baseUrl: globalThis.location?.origin ?? "",
  // Look fetch up at call time so test interceptors installed later apply.
  fetch: (request) => globalThis.fetch(request),
});
api.use(authMiddleware);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call, or a thrown `ApiError`. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response, error);
  return data as T;
}
