/**
 * Optional bearer token (`STOAT_API_TOKEN` on the server).
 *
 * The token lives in sessionStorage: a reload keeps it, but it is gone when
 * the browser session ends, so a token typed on a shared machine does not stay
 * on its disk for good (SPEC §13: "keeps it for the browser session"). A token
 * an older GUI left in localStorage is removed on load. The API client adds
 * it as `Authorization: Bearer …`; the event socket passes it as `?token=`
 * because browsers cannot set headers on a WebSocket.
 */

export const STORAGE_KEY = "stoat-ferret.apiToken";

type Listener = () => void;

interface AuthSnapshot {
  token: string | null;
  /** The server answered 401 since the token last changed. */
  rejected: boolean;
}

const listeners = new Set<Listener>();
let snapshot: AuthSnapshot = { token: readStoredToken(), rejected: false };

function readStoredToken(): string | null {
  try {
    // Older GUIs kept the token forever; never leave it there.
    globalThis.localStorage?.removeItem(STORAGE_KEY);
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) || null;
  } catch {
    // Storage can be disabled (privacy modes); the GUI then works without a token.
    return null;
  }
}

function emit(next: AuthSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

export const authStore = {
  // Arrow functions: React calls these detached (useSyncExternalStore).
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): AuthSnapshot => snapshot,
  getToken: (): string | null => snapshot.token,
  setToken: (token: string | null): void => {
    const value = token?.trim() || null;
    try {
      if (value) globalThis.sessionStorage?.setItem(STORAGE_KEY, value);
      else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    } catch {
      // See readStoredToken: keep the token for this page only.
    }
    emit({ token: value, rejected: false });
  },
  markRejected: (): void => {
    if (!snapshot.rejected) emit({ ...snapshot, rejected: true });
  },
};

/**
 * `url` with the token as `?token=`, for requests the page cannot add a header
 * to (`<img src>`); unchanged when there is no token.
 */
export function withToken(url: string, token: string | null): string {
  if (!token) return url;
  return `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`;
}
