/**
 * The `/ws` event envelope (SPEC §5), typed from the server's schema.
 *
 * `Event` and its members are components of the OpenAPI schema
 * (`api/events.py` on the server), so `npm run gen:api` generates them with
 * the API types: a new event type or payload field reaches the GUI's types
 * with the next `gen:api`, and `check:api` fails until it does.
 */
import type { components } from "../../api/schema.gen";

export type ServerEvent = components["schemas"]["Event"];
export type EventType = ServerEvent["type"];

/** The member of `ServerEvent` a type belongs to, with `type` narrowed to it. */
export type EventOf<T extends EventType> = ServerEvent extends infer E
  ? E extends { type: infer K }
    ? T extends K
      ? E & { type: T }
      : never
    : never
  : never;

export type SocketState = "connecting" | "open" | "closed";

/**
 * Reads one message; null for anything without the envelope's shape.
 *
 * Only the envelope is checked here: the server validates payloads against
 * the same models, and handlers check what they rely on.
 */
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
  } as ServerEvent;
}
