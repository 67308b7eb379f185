/**
 * A WebSocket stand-in for jsdom (there is no server to connect to).
 *
 * Sockets stay CONNECTING until a test calls `open()`, so by default the app
 * behaves as if live updates were down and falls back to polling. Tests
 * drive live updates with `emit()` and outages with `drop()`.
 */
type Handler<E> = ((event: E) => void) | null;

export class MockWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;

  static instances: MockWebSocket[] = [];

  readonly url: string;
  readyState = MockWebSocket.CONNECTING;
  closeCode: number | null = null;
  onopen: Handler<Event> = null;
  onmessage: Handler<MessageEvent> = null;
  onerror: Handler<Event> = null;
  onclose: Handler<CloseEvent> = null;

  constructor(url: string | URL) {
    this.url = String(url);
    MockWebSocket.instances.push(this);
  }

  /** The socket the app opened most recently. */
  static latest(): MockWebSocket {
    const socket = MockWebSocket.instances.at(-1);
    if (!socket) throw new Error("the app has not opened a WebSocket");
    return socket;
  }

  static reset(): void {
    MockWebSocket.instances = [];
  }

  send(): void {
    // The app never sends; events only flow from the server.
  }

  close(code = 1000, reason = ""): void {
    if (this.readyState === MockWebSocket.CLOSED) return;
    this.readyState = MockWebSocket.CLOSED;
    this.closeCode = code;
    this.onclose?.(new CloseEvent("close", { code, reason, wasClean: true }));
  }

  // ---- test controls ----

  open(): void {
    this.readyState = MockWebSocket.OPEN;
    this.onopen?.(new Event("open"));
  }

  emit(message: unknown): void {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(message) }));
  }

  /** The connection is lost (server restart, network). */
  drop(): void {
    if (this.readyState === MockWebSocket.CLOSED) return;
    this.readyState = MockWebSocket.CLOSED;
    this.onerror?.(new Event("error"));
    this.onclose?.(new CloseEvent("close", { code: 1006, wasClean: false }));
  }
}
