import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { authStore } from "../../api/auth";
import { EventSocket, eventSocketUrl } from "./EventSocket";
import type { EventRegistry } from "./registry";
import type { SocketState } from "./types";

/** How often pages poll while the event socket is down. */
export const POLL_INTERVAL_MS = 1000;

const TOKEN_REFUSED = 4401;

const EventSocketContext = createContext<EventSocket | null>(null);

/**
 * Opens the page's one event socket and hands its events to the handlers the
 * features registered in `registry`.
 */
export function EventsProvider({ registry, children }: { registry: EventRegistry; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [socket] = useState(
    () =>
      new EventSocket({
        url: (lastEventId) => eventSocketUrl(lastEventId, authStore.getToken()),
        onEvent: (event) => registry.dispatch(event, queryClient),
        onOpen: (resumed) => {
          if (!resumed) registry.refreshAfterGap(queryClient);
        },
        onClose: (code) => {
          // The server closes with 4401 when STOAT_API_TOKEN is set and ours is missing or wrong.
          if (code === TOKEN_REFUSED) authStore.markRejected();
        },
      }),
  );

  useEffect(() => {
    socket.start();
    // A new token may open a socket the server refused before.
    let token = authStore.getToken();
    const unsubscribe = authStore.subscribe(() => {
      if (authStore.getToken() === token) return;
      token = authStore.getToken();
      socket.stop();
      socket.start();
    });
    return () => {
      unsubscribe();
      socket.stop();
    };
  }, [socket]);

  return <EventSocketContext.Provider value={socket}>{children}</EventSocketContext.Provider>;
}

const closedStore = {
  subscribe: () => () => undefined,
  getState: (): SocketState => "closed",
};

export function useSocketState(): SocketState {
  const socket = useContext(EventSocketContext) ?? closedStore;
  return useSyncExternalStore(socket.subscribe, socket.getState, socket.getState);
}

/** `refetchInterval` value: no polling while live events flow. */
export function usePollInterval(): number | false {
  return useSocketState() === "open" ? false : POLL_INTERVAL_MS;
}
