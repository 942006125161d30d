import { markdownPlainText } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { fetchDescriptions } from '../api/evidenceApi';
import type { Credential } from '../api/http';

/**
 * Every idea's description as the server has it, as paragraphs, for the printed
 * catalog: printing must include each description whether or not its editor was
 * opened in this browser. Asked when the set of ideas changes, and by `refresh`
 * (the print button asks once more right before printing).
 */
export function useServerDescriptions(
  workshopId: string,
  credential: Credential,
  ideaKey: string,
): { descriptions: ReadonlyMap<string, string[]>; refresh: () => Promise<void> } {
  const [descriptions, setDescriptions] = useState<ReadonlyMap<string, string[]>>(new Map());
  const refresh = useCallback(async () => {
    const answer = await fetchDescriptions(workshopId, credential);
    // Committed at once, so a print right after this resolves shows what it fetched.
    flushSync(() =>
      setDescriptions(
        new Map(
          Object.entries(answer.descriptions).map(([id, markdown]) => [
            id,
            markdownPlainText(markdown)
              .split('\n')
              .filter((line) => line.trim()),
          ]),
        ),
      ),
    );
  }, [workshopId, credential]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ideaKey` says when ideas came or went.
  useEffect(() => {
    refresh().catch((error: unknown) => console.warn('descriptions for printing could not be fetched', error));
  }, [refresh, ideaKey]);
  return { descriptions, refresh };
}
