import { useMemo } from 'react';
import { grants } from '../api/grants';
import type { Credential } from '../api/http';
import type { Identity } from '../presence/identity';
import { useIdentity } from '../presence/useIdentity';

/**
 * The identity new notes are signed with: for someone in a workshop (a grant),
 * their person id, so gathering records who wrote a note and the published
 * catalog can show them "your note"; otherwise this browser's own id.
 */
export function useNoteAuthorIdentity(credential: Credential): Identity {
  const identity = useIdentity();
  const personId = credential.kind === 'grant' ? grants().get(credential.workshopId)?.person.id : undefined;
  return useMemo(() => (personId ? { ...identity, userId: personId } : identity), [identity, personId]);
}
