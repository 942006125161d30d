import { useState } from 'react';

/**
 * A form's round trip to the server: `busy` while `run`'s work is under way (the submit
 * button is disabled by it), and what the work threw, for the form to show. `run` clears
 * the last error before it starts.
 */
export function useSubmit(): {
  busy: boolean;
  error: unknown;
  run: (work: () => Promise<void>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
