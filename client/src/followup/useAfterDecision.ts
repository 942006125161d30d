import { type FollowUpView, type PulseView, publishedDocId, type Role, readAfterDecision } from '@samle/shared';
import { useEffect, useState } from 'react';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { useLiveDoc } from '../sync/useLiveDoc';
import { answeredPulses } from './followUpApi';
import { loadSeen, markSeen, type SeenMarks } from './seenMarks';

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/** What the published page knows of the decisions' after-life: live follow-ups and pulses, and the reader's marks. */
export interface AfterDecisionState {
  workshopId: string;
  credential: Credential;
  role: Role;
  /** Null until the published document has loaded. */
  live: { followUps: FollowUpView[]; pulses: PulseView[] } | null;
  seen: SeenMarks;
  markSeen: (ideaId: string, at: number) => void;
  answered: ReadonlySet<string>;
  addAnswered: (pulseId: string) => void;
  editing: string | undefined;
  setEditing: (ideaId: string | undefined) => void;
  mayEdit: boolean;
  mayAnswer: boolean;
}

/**
 * Follow-ups and pulses live from the published document, which pulses the reader
 * answered, which updates this browser has seen, and which decision is being edited:
 * shared by the pulse panel above the published catalog and each decision's card.
 */
export function useAfterDecision(workshopId: string, credential: Credential, role: Role): AfterDecisionState {
  const live = useLiveDoc(publishedDocId(workshopId), syncToken(credential), readAfterDecision);
  const [seen, setSeen] = useState<SeenMarks>(() => loadSeen(storage(), workshopId));
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string>();
  const mayEdit = role === 'leader' || role === 'facilitator';
  const mayAnswer = role === 'leader' || role === 'participant';

  useEffect(() => {
    if (!mayAnswer) return;
    let on = true;
    answeredPulses(workshopId, credential).then(
      ({ answered: ids }) => on && setAnswered(new Set(ids)),
      (error: unknown) => console.warn('Could not load which pulses you answered', error),
    );
    return () => {
      on = false;
    };
  }, [workshopId, credential, mayAnswer]);

  return {
    workshopId,
    credential,
    role,
    live: live.status === 'ready' ? live.value : null,
    seen,
    markSeen: (ideaId, at) => setSeen((marks) => markSeen(storage(), workshopId, marks, ideaId, at)),
    answered,
    addAnswered: (pulseId) => setAnswered((ids) => new Set([...ids, pulseId])),
    editing,
    setEditing,
    mayEdit,
    mayAnswer,
  };
}
