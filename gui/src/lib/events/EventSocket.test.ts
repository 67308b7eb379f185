import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MockWebSocket } from "../../test/MockWebSocket";
import { EventSocket, eventSocketUrl } from "./EventSocket";
import type { ServerEvent } from "./types";

function makeSocket() {
  const events: ServerEvent[] = [];
  const opens: boolean[] = [];
  const socket = new EventSocket({
    url: (since) => `ws://localhost:3000/ws${since === null ? "" : `?since=${since}`}`,
    onEvent: (event) => events.push(event),
    onOpen: (resumed) => opens.push(resumed),
    baseDelayMs: 100,
    maxDelayMs: 1000,
    silenceTimeoutMs: 5000,
  });
  return { socket, events, opens };
}

describe("EventSocket", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("connects, reports its state, and passes events on", () => {
    const { socket, events, opens } = makeSocket();
    socket.start();
    expect(socket.getState()).toBe("connecting");
    MockWebSocket.latest().open();
    expect(socket.getState()).toBe("open");
    expect(opens).toEqual([false]);

    MockWebSocket.latest().emit({ event_id: 1, type: "job.created", payload: { job_id: "a" }, timestamp: "t" });
    expect(events.map((event) => event.type)).toEqual(["job.created"]);
    socket.stop();
  });

  it("reconnects with backoff and resumes from the last event id", () => {
    const { socket, events, opens } = makeSocket();
    socket.start();
    const first = MockWebSocket.latest();
    first.open();
    first.emit({ event_id: 41, type: "job.progress", payload: {}, timestamp: "t" });
    first.emit({ event_id: 42, type: "job.progress", payload: {}, timestamp: "t" });
    first.drop();
    expect(socket.getState()).toBe("closed");
    expect(MockWebSocket.instances).toHaveLength(1);

    vi.advanceTimersByTime(100);
    const second = MockWebSocket.latest();
    expect(second).not.toBe(first);
    expect(second.url).toBe("ws://localhost:3000/ws?since=42");
    second.open();
    expect(opens).toEqual([false, true]);

    // A replay that overlaps what was already seen is applied once.
    second.emit({ event_id: 42, type: "job.progress", payload: {}, timestamp: "t" });
    second.emit({ event_id: 43, type: "job.completed", payload: {}, timestamp: "t" });
    expect(events.map((event) => event.event_id)).toEqual([41, 42, 43]);
    socket.stop();
  });

  it("backs off exponentially while the server stays away", () => {
    const { socket } = makeSocket();
    socket.start();
    MockWebSocket.latest().drop();
    // Delays with jitter lie in [d/2, d]: 100, 200, 400, 800, then capped at 1000.
    for (const delay of [100, 200, 400, 800, 1000, 1000]) {
      const before = MockWebSocket.instances.length;
      vi.advanceTimersByTime(delay / 2 - 1);
      expect(MockWebSocket.instances).toHaveLength(before);
      vi.advanceTimersByTime(delay / 2 + 1);
      expect(MockWebSocket.instances).toHaveLength(before + 1);
      MockWebSocket.latest().drop();
    }
    socket.stop();
  });

  it("on resync, continues from the server's newest event id", () => {
    const { socket, events } = makeSocket();
    socket.start();
    const first = MockWebSocket.latest();
    first.open();
    first.emit({ event_id: 5, type: "job.created", payload: {}, timestamp: "t" });
    first.emit({ event_id: null, type: "resync", payload: { last_event_id: 900, reason: "expired" }, timestamp: "t" });
    expect(events.map((event) => event.type)).toEqual(["job.created", "resync"]);
    first.drop();
    vi.advanceTimersByTime(100);
    expect(MockWebSocket.latest().url).toBe("ws://localhost:3000/ws?since=900");
    socket.stop();
  });

  it("starts afresh after a resync that names no cursor", () => {
    const { socket } = makeSocket();
    socket.start();
    const first = MockWebSocket.latest();
    first.open();
    first.emit({ event_id: 5, type: "job.created", payload: {}, timestamp: "t" });
    first.emit({ event_id: null, type: "resync", payload: null, timestamp: "t" });
    first.drop();
    vi.advanceTimersByTime(100);
    expect(MockWebSocket.latest().url).toBe("ws://localhost:3000/ws");
    socket.stop();
  });

  it("takes a resume cursor from heartbeats, so a quiet client can resume too", () => {
    const { socket, opens } = makeSocket();
    socket.start();
    const first = MockWebSocket.latest();
    first.open();
    first.emit({ event_id: null, type: "heartbeat", payload: { last_event_id: 31 }, timestamp: "t" });
    first.drop();
    vi.advanceTimersByTime(100);
    const second = MockWebSocket.latest();
    expect(second.url).toBe("ws://localhost:3000/ws?since=31");
    second.open();
    expect(opens).toEqual([false, true]);
    socket.stop();
  });

  it("reports the close code (4401 means the token was refused)", () => {
    const closes: number[] = [];
    const socket = new EventSocket({
      url: () => "ws://localhost:3000/ws",
      onEvent: () => undefined,
      onClose: (code) => closes.push(code),
    });
    socket.start();
    MockWebSocket.latest().close(4401, "missing or wrong token");
    expect(closes).toEqual([4401]);
    socket.stop();
  });

  it("ignores malformed messages", () => {
    const { socket, events } = makeSocket();
    socket.start();
    const ws = MockWebSocket.latest();
    ws.open();
    ws.onmessage?.(new MessageEvent("message", { data: "not json" }));
    ws.onmessage?.(new MessageEvent("message", { data: JSON.stringify({ no: "type" }) }));
    expect(events).toEqual([]);
    socket.stop();
  });

  it("reconnects when the server goes silent (no heartbeat)", () => {
    const { socket } = makeSocket();
    socket.start();
    const ws = MockWebSocket.latest();
    ws.open();
    vi.advanceTimersByTime(4000);
    ws.emit({ event_id: null, type: "heartbeat", payload: null, timestamp: "t" });
    vi.advanceTimersByTime(4000);
    expect(ws.readyState).toBe(MockWebSocket.OPEN);
    vi.advanceTimersByTime(1001);
    expect(ws.readyState).toBe(MockWebSocket.CLOSED);
    vi.advanceTimersByTime(100);
    expect(MockWebSocket.instances).toHaveLength(2);
    socket.stop();
  });

  it("closes cleanly on stop and does not reconnect", () => {
    const { socket } = makeSocket();
    socket.start();
    const ws = MockWebSocket.latest();
    ws.open();
    socket.stop();
    expect(ws.readyState).toBe(MockWebSocket.CLOSED);
    expect(ws.closeCode).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(MockWebSocket.instances).toHaveLength(1);
    expect(socket.getState()).toBe("closed");
  });

  it("lets a socket that is still connecting finish its handshake before closing it", () => {
    const { socket } = makeSocket();
    socket.start();
    const ws = MockWebSocket.latest();
    socket.stop();
    expect(ws.readyState).toBe(MockWebSocket.CONNECTING);
    ws.open();
    expect(ws.readyState).toBe(MockWebSocket.CLOSED);
    expect(ws.closeCode).toBe(1000);
  });
});

describe("eventSocketUrl", () => {
  it("follows the page's host and adds since and token", () => {
    expect(eventSocketUrl(null, null)).toBe("ws://localhost:3000/ws");
    expect(eventSocketUrl(17, "s3cret")).toBe("ws://localhost:3000/ws?since=17&token=s3cret");
  });
});
