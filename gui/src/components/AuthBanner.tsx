import { useQueryClient } from "@tanstack/react-query";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { authStore } from "../api/auth";
import styles from "./Layout.module.css";

/** Shown after a 401: the server has `STOAT_API_TOKEN` set and wants it. */
export function AuthBanner() {
  const auth = useSyncExternalStore(authStore.subscribe, authStore.getSnapshot, authStore.getSnapshot);
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState("");

  if (!auth.rejected) return null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    authStore.setToken(draft);
    setDraft("");
    void queryClient.invalidateQueries();
  }

  return (
    <div className={styles.banner} role="alert">
      <p>
        {auth.token
          ? "The server rejected the API token. Enter the current one."
          : "This server requires an API token (STOAT_API_TOKEN)."}
      </p>
      <form className={styles.tokenForm} onSubmit={onSubmit}>
        <label>
          API token{" "}
          <input type="password" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" disabled={!draft.trim()}>
          Use token
        </button>
      </form>
    </div>
  );
}
