import { useCallback, useState } from 'react';

export interface Commands {
  /** Runs one facilitator command, then refreshes the workshop; its failure is kept in `error`. */
  run(name: string, action: () => Promise<unknown>): Promise<void>;
  /** The name of the command running now, to disable its button and show progress. */
  busy: string | undefined;
  error: unknown;
  dismiss(): void;
}

export function useCommands(refresh: () => Promise<void>): Commands {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    async (name: string, action: () => Promise<unknown>) => {
      setBusy(name);
      setError(undefined);
      try {
        await action();
        await refresh();
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(undefined);
      }
    },
    [refresh],
  );
  return { run, busy, error, dismiss: useCallback(() => setError(undefined), []) };
}
