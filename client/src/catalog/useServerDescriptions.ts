import { markdownPlainText } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { fetchDescriptions } from '../api/evidenceApi';
import type { Credential } from '../api/http';

/**
 * Every idea's description as the server has it, as paragraphs, for the printed
 * catalog: printing must include each description whether or not its editor was
 * opened in this browser. Asked once the ideas are known and whenever the set of
 * ideas changes (`ideaKey`, empty while they are not known: nothing to print yet),
 * and by `refresh` (the print button asks once more right before printing).
 */
export function useServerDescriptions(
  workshopId: string,
  credential: Credential,
  ideaKey: string,
): { descriptions: ReadonlyMap<string, string[]>; refresh: () => Promise<void> } {
  const [descriptions, setDescriptions] = useState<ReadonlyMap<string, string[]>>(new Map());
  const read = useCallback(async () => {
    const answer = await fetchDescriptions(workshopId, credential);
    return new Map(
      Object.entries(answer.descriptions).map(([id, markdown]) => [
        id,
        markdownPlainText(markdown)
          .split('\n')
          .filter((line) => line.trim()),
      ]),
    );
  }, [workshopId, credential]);
  const refresh = useCallback(async () => {
    const fetched = await read();
    // Committed at once, so a print right after this resolves shows what it fetched.
    flushSync(() => setDescriptions(fetched));
  }, [read]);
  useEffect(() => {
    if (!ideaKey) return;
    let current = true;
    // In the background: an ordinary state update that React renders when it has time.
    read().then(
      (next) => {
        if (current) setDescriptions(next);
      },
      (error: unknown) => console.warn('descriptions for printing could not be fetched', error),
    );
    return () => {
      current = false;
    };
  }, [read, ideaKey]);
  return { descriptions, refresh };
}
