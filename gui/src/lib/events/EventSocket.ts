import { parseServerEvent, type ServerEvent, type SocketState } from "./types";

export interface EventSocketOptions {
  /** The URL to connect to, given the last event id seen (for `?since=`). */
  url: (lastEventId: number | null) => string;
  onEvent: (event: ServerEvent) => void;
  /** Called on every successful connect; `resumed` means `since=` replays the gap. */
  onOpen?: (resumed: boolean) => void;
  /** Called with the close code whenever the connection ends (4401: token refused). */
  onClose?: (code: number) => void;
  /** First reconnect delay; doubles per failed attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Reconnect when nothing (not even a heartbeat) arrived for this long. */
  silenceTimeoutMs?: number;
}

type Listener = () => void;

/**
 * The one WebSocket to `/ws`, kept alive for the whole page.
 *
 * Reconnects with capped, jittered exponential backoff and resumes with
 * `?since=<last event_id>` so the server replays what was missed. Its state
 * is an external store for `useSyncExternalStore`: pages poll while it is
 * not `open`.
 */
export class EventSocket {
  private readonly options: Required<Omit<EventSocketOptions, "onOpen" | "onClose">> &
    Pick<EventSocketOptions, "onOpen" | "onClose">;
  private ws: WebSocket | null = null;
  private state: SocketState = "closed";
  private lastEventId: number | null = null;
  private attempts = 0;
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(options: EventSocketOptions) {
    this.options = {
      baseDelayMs: 500,
      maxDelayMs: 15_000,
      silenceTimeoutMs: 60_000,
      ...options,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  /** Closes the socket for good (until `start()` again), without console noise. */
  stop(): void {
    this.running = false;
    this.clearTimers();
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onmessage = null;
      ws.onerror = null;
      ws.onclose = null;
      if (ws.readyState === WebSocket.CONNECTING) {
        // Closing a socket mid-handshake makes browsers log a warning; let it
        // finish opening and close it then.
        ws.onopen = () => ws.close(1000, "client closed");
      } else {
        ws.onopen = null;
        if (ws.readyState === WebSocket.OPEN) ws.close(1000, "client closed");
      }
    }
    this.setState("closed");
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SocketState => this.state;

  private connect(): void {
    if (!this.running) return;
    this.setState("connecting");
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.options.url(this.lastEventId));
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;

    ws.onopen = () => {
      this.attempts = 0;
      this.setState("open");
      this.armSilenceTimer();
      this.options.onOpen?.(this.lastEventId !== null);
    };
    ws.onmessage = (message: MessageEvent) => {
      this.armSilenceTimer();
      const event = parseServerEvent(message.data);
      if (!event) return;
      if (event.event_id !== null) {
        // Replays can overlap what we already applied; apply each event once.
        if (this.lastEventId !== null && event.event_id <= this.lastEventId) return;
        this.lastEventId = event.event_id;
      } else {
        this.adoptServerCursor(event);
      }
      this.options.onEvent(event);
    };
    // A failed connect fires `error` then `close`; reconnecting on `close` covers both.
    ws.onerror = () => undefined;
    ws.onclose = (close: CloseEvent) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.options.onClose?.(close.code);
      this.scheduleReconnect();
    };
  }

  /**
   * Control messages (`heartbeat`, `resync`) carry the server's newest event
   * id in `payload.last_event_id`. After a `resync` the stream continues from
   * there, and a heartbeat is only sent once everything up to it has been
   * delivered, so either is a safe cursor for the next `?since=`. Without
   * it, a client that saw no job events would have to refetch everything
   * after every reconnect.
   */
  private adoptServerCursor(event: ServerEvent): void {
    const payload = event.payload;
    const serverLast =
      typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>).last_event_id : undefined;
    const known = typeof serverLast === "number" && Number.isInteger(serverLast) ? serverLast : null;
    if (event.type === "resync") {
      this.lastEventId = known;
    } else if (event.type === "heartbeat" && known !== null) {
      this.lastEventId = Math.max(this.lastEventId ?? known, known);
    }
  }

  private scheduleReconnect(): void {
    this.clearTimers();
    if (!this.running) return;
    this.setState("closed");
    const { baseDelayMs, maxDelayMs } = this.options;
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** this.attempts);
    this.attempts += 1;
    // Jitter spreads reconnects when a server restart drops many pages at once.
    const jittered = delay / 2 + Math.random() * (delay / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, jittered);
  }

  private armSilenceTimer(): void {
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      // No heartbeat for too long: the connection is dead without knowing it.
      this.silenceTimer = null;
      this.ws?.close(4000, "silent");
    }, this.options.silenceTimeoutMs);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    this.retryTimer = null;
    this.silenceTimer = null;
  }

  private setState(next: SocketState): void {
    if (this.state === next) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** `ws(s)://<page host>/ws?since=…&token=…`, following the page's protocol. */
export function eventSocketUrl(lastEventId: number | null, token: string | null): string {
  const { protocol, host } = window.location;
  const url = new URL(`${protocol === "https:" ? "wss:" : "ws:"}//${host}/ws`);
  if (lastEventId !== null) url.searchParams.set("since", String(lastEventId));
  if (token) url.searchParams.set("token", token);
  return url.toString();
}
