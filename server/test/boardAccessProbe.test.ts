import type { BoardAccessAnswer } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

let samle: RunningSamle;
let fx: WorkshopFixture;

beforeEach(async () => {
  samle = await startSamle();
  fx = await workshopWithTables(samle);
});
afterEach(async () => {
  await samle.stop();
});

/** `GET /api/boards/:id/access` with a participant's grant, or with no credential at all. */
async function probe(boardId: string, token?: string): Promise<Response> {
  return fetch(`${samle.baseUrl}/api/boards/${boardId}/access`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe('GET /api/boards/:id/access: a credential tried without an error response', () => {
  it('answers the board as the grant may use it, like GET /api/boards/:id', async () => {
    const [mine, other] = fx.tables;
    const me = mine?.members[0];
    if (!mine || !other || !me) throw new Error('fixture without two tables');
    const own = await json<BoardAccessAnswer>(await probe(mine.boardId, me.token));
    const plain = await json(
      await fetch(`${samle.baseUrl}/api/boards/${mine.boardId}`, { headers: { authorization: `Bearer ${me.token}` } }),
    );
    expect(own.board).toEqual(plain);
    expect(own.board).toMatchObject({ id: mine.boardId, access: 'write' });
    expect((await json<BoardAccessAnswer>(await probe(other.boardId, me.token))).board).toMatchObject({
      access: 'read',
    });
  });

  it('answers null, with 200, where GET /api/boards/:id answers 404: hidden and missing boards alike', async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const hidden = await probe(fx.leadershipBoardId, ada.token);
    const missing = await probe('NoSuchBoard1234', ada.token);
    const anonymous = await probe(fx.plenumBoardId);
    for (const response of [hidden, missing, anonymous]) expect(response.status).toBe(200);
    const bodies = await Promise.all([hidden.text(), missing.text(), anonymous.text()]);
    // Byte for byte the same answer: it tells no more than the 404 did.
    expect(bodies).toEqual(['{"board":null}', '{"board":null}', '{"board":null}']);
    const refused = await fetch(`${samle.baseUrl}/api/boards/${fx.leadershipBoardId}`, {
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(refused.status).toBe(404);
  });
});
