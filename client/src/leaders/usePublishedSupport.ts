import { publishedDocId, readSupportWindow, type SupportWindow } from '@samle/shared';
import { useCallback, useEffect, useState } from 'react';
import { syncToken } from '../api/credentials';
import { mySupport, supportIdea } from '../api/evidenceApi';
import type { Credential } from '../api/http';
import { useLiveDoc } from '../sync/useLiveDoc';

/**
 * Participants' support on the published page: whether the facilitator has it open
 * (live, from the published doc), which ideas the reader supports, and a toggle.
 */
export function usePublishedSupport(workshopId: string, credential: Credential, enabled: boolean) {
  const window = useLiveDoc(publishedDocId(workshopId), syncToken(credential), readSupportWindow);
  const support: SupportWindow =
    window.status === 'ready' ? window.value : { open: false, openedAt: null, closedAt: null };
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!enabled || !support.open) return;
    let live = true;
    mySupport(workshopId, credential).then(
      (answer) => live && setMine(new Set(answer.ideaIds)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [workshopId, credential, enabled, support.open]);

  const toggle = useCallback(
    async (ideaId: string, supported: boolean) => {
      setBusy(ideaId);
      setFailed(false);
      try {
        await supportIdea(workshopId, ideaId, supported, credential);
        setMine((now) => {
          const next = new Set(now);
          if (supported) next.add(ideaId);
          else next.delete(ideaId);
          return next;
        });
      } catch {
        setFailed(true);
      } finally {
        setBusy(undefined);
      }
    },
    [workshopId, credential],
  );

  return { open: enabled && support.open, mine, busy, failed, toggle };
}
