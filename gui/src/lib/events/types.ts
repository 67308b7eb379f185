/**
 * The `/ws` event envelope (SPEC §5).
 *
 * WebSocket messages are not part of the OpenAPI schema, so the envelope is
 * declared here; job payloads are checked at runtime and then typed with the
 * generated `Job` type.
 */
export interface ServerEvent {
  /** Strictly increasing; null for `heartbeat` and `resync`. */
  event_id: number | null;
  type: string;
  payload: unknown;
  timestamp: string;
}

export type SocketState = "connecting" | "open" | "closed";

export function parseServerEvent(data: unknown): ServerEvent | null {
  if (typeof data !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.type !== "string") return null;
  const eventId = record.event_id;
  return {
    event_id: typeof eventId === "number" && Number.isFinite(eventId) ? eventId : null,
    type: record.type,
    payload: record.payload ?? null,
    timestamp: typeof record.timestamp === "string" ? record.timestamp : "",
  };
}
