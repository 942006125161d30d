import type { Grant } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { SESSION } from '../api/http';
import { draftOwnerId } from './draftOwner';

const grant = {
  token: 't',
  workshopId: 'w1',
  expiresAt: '2999-01-01T00:00:00Z',
  person: { id: 'p-ada', name: 'Ada' },
} as unknown as Grant;

describe('draftOwnerId', () => {
  it("writes a participant's drafts under their person id", () => {
    expect(draftOwnerId({ kind: 'grant', token: 't', workshopId: 'w1' }, grant, undefined)).toBe('p-ada');
  });

  it("never uses another workshop's person", () => {
    expect(draftOwnerId({ kind: 'grant', token: 't', workshopId: 'w2' }, grant, undefined)).toBeUndefined();
  });

  it("writes a facilitator's drafts under their account id", () => {
    const me = { facilitator: { id: 'f-1', name: 'Fie', email: 'f@x.dk' }, needsFirstAccount: false };
    expect(draftOwnerId(SESSION, undefined, me)).toBe('f-1');
    expect(draftOwnerId(SESSION, undefined, { facilitator: null, needsFirstAccount: false })).toBeUndefined();
  });
});
