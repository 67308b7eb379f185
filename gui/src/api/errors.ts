/**
 * One error type for every failed API call.
 *
 * The server answers errors as `{"detail": {"code", "message"}}`; FastAPI's
 * own validation errors (422) carry `{"detail": [{"loc", "msg"}, …]}`. Both
 * become an `ApiError` whose `message` is fit to show to a person.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The request field a 422 names (`parameters.font_size`), when the server names one. */
  readonly field: string | null;

  constructor(status: number, code: string, message: string, field: string | null = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Builds an `ApiError` from a non-2xx response and its (parsed) body. */
export function toApiError(response: Response, body: unknown): ApiError {
  const fallback = `${response.status} ${response.statusText || "error"}`.trim();
  const detail = isRecord(body) ? body.detail : undefined;

  if (isRecord(detail)) {
    const code = typeof detail.code === "string" ? detail.code : `HTTP_${response.status}`;
    const message = typeof detail.message === "string" && detail.message ? detail.message : fallback;
    const field = typeof detail.field === "string" && detail.field ? detail.field : null;
    return new ApiError(response.status, code, message, field);
  }
  if (Array.isArray(detail)) {
    const messages = detail
      .map((item) => {
        if (!isRecord(item)) return null;
        const field = Array.isArray(item.loc) ? item.loc.filter((part) => part !== "body").join(".") : "";
        const msg = typeof item.msg === "string" ? item.msg : "invalid";
        return field ? `${field}: ${msg}` : msg;
      })
      .filter((text): text is string => text !== null);
    return new ApiError(response.status, "VALIDATION_ERROR", messages.join("; ") || fallback);
  }
  if (typeof detail === "string" && detail) {
    return new ApiError(response.status, `HTTP_${response.status}`, detail);
  }
  if (response.status === 401) {
    return new ApiError(401, "UNAUTHORIZED", "This server needs an API token.");
  }
  return new ApiError(response.status, `HTTP_${response.status}`, fallback);
}

/** Text for any error caught from a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return "Cannot reach the stoat-ferret server.";
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
