import type { Grant } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { boardCredentials, syncToken, withFirstAccepted, workshopCredentials } from './credentials';
import { ApiRequestError, type Credential, SESSION } from './http';

const grant = (workshopId: string) => ({ token: `t-${workshopId}`, workshopId }) as Grant;
const names = (credentials: Credential[]) => credentials.map((c) => (c.kind === 'session' ? 'session' : c.workshopId));

describe('workshopCredentials', () => {
  it('uses the cookie first for a signed-in facilitator, then any grant', () => {
    expect(names(workshopCredentials(true, grant('w1')))).toEqual(['session', 'w1']);
  });

  it('uses the grant for everyone else', () => {
    expect(names(workshopCredentials(false, grant('w1')))).toEqual(['w1']);
    expect(names(workshopCredentials(false, undefined))).toEqual(['session']);
  });
});

describe('boardCredentials', () => {
  it('tries the grant of the board’s known workshop first, then the other grants, then no token', () => {
    const grants = [grant('w2'), grant('w1')];
    expect(names(boardCredentials({ signedIn: false, indexedWorkshopId: 'w1', grants }))).toEqual([
      'w1',
      'w2',
      'session',
    ]);
    // A board of the participant's workshop that this browser has not seen yet: the grant before no token at all.
    expect(names(boardCredentials({ signedIn: false, indexedWorkshopId: undefined, grants: [grant('w1')] }))).toEqual([
      'w1',
      'session',
    ]);
    expect(names(boardCredentials({ signedIn: true, indexedWorkshopId: undefined, grants }))).toEqual([
      'session',
      'w2',
      'w1',
    ]);
  });
});

describe('withFirstAccepted', () => {
  it('moves on after a refusal and reports the credential that worked', async () => {
    const candidates: Credential[] = [SESSION, { kind: 'grant', token: 't', workshopId: 'w1' }];
    const result = await withFirstAccepted(candidates, async (credential) => {
      if (credential.kind === 'session') throw new ApiRequestError('BOARD_NOT_FOUND', '', 404);
      return 'board';
    });
    expect(result.value).toBe('board');
    expect(syncToken(result.credential)).toBe('t');
  });

  it('stops at once on an error that is not a refusal', async () => {
    let calls = 0;
    const attempt = withFirstAccepted([SESSION, SESSION], async () => {
      calls++;
      throw new ApiRequestError('NETWORK', '', undefined);
    });
    await expect(attempt).rejects.toMatchObject({ code: 'NETWORK' });
    expect(calls).toBe(1);
  });

  it('rethrows the last refusal when nothing is accepted', async () => {
    const attempt = withFirstAccepted([SESSION], async () => {
      throw new ApiRequestError('BOARD_NOT_FOUND', '', 404);
    });
    await expect(attempt).rejects.toMatchObject({ status: 404 });
  });
});
