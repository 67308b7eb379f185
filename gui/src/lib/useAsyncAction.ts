import { useCallback, useState } from "react";

/**
 * Runs one change at a time for a panel: `busy` while it runs (to disable the
 * buttons) and the `error` it rejected with (to show), cleared by the next run.
 */
export function useAsyncAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await change();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
