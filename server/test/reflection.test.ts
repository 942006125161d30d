import { CloseCode, readNotes, reflectionDocId } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { nextClose, synced, until } from './support/stockClient.js';
import { json } from './support/workshopFixture.js';
import { connect, fx, samle, useWorkshopSuite } from './support/workshopSuite.js';

// A server with a workshop of two tables per test: support/workshopSuite.ts.
useWorkshopSuite();

describe('home reflection', () => {
  it("is its owner's alone: another participant, a leader's or the facilitator's tokens cannot open it", async () => {
    const [ada, bo] = fx.participants;
    if (!ada || !bo) throw new Error('fixture without participants');
    const docId = reflectionDocId(fx.detail.workshop.id, ada.person.id);
    const mine = connect(docId, ada.token);
    await synced(mine);
    mine.doc.getText('draft').insert(0, 'Jeg kan ringe tilbage samme dag.');
    const again = connect(docId, ada.token);
    await until(again.doc, (doc) => doc.getText('draft').toString().includes('samme dag'));

    expect((await nextClose(connect(docId, bo.token))).code).toBe(CloseCode.DocNotFound);
    // An operator token for the workshop's boards does not open it either; only the owner's grant does.
    expect((await nextClose(connect(docId, await samle.tokenFor(fx.plenumBoardId, 'write')))).code).toBe(
      CloseCode.DocNotFound,
    );
    // Nor the facilitator's session cookie, nor a leader's grant.
    const facilitatorSocket = new WebSocket(`${samle.wsUrl}/${docId}`, {
      headers: { cookie: await samle.facilitatorCookie() },
    });
    expect(await new Promise((resolve) => facilitatorSocket.once('close', (code) => resolve(code)))).toBe(
      CloseCode.DocNotFound,
    );
    const invite = await json<{ path: string }>(
      await samle.asFacilitator(`/api/workshops/${fx.detail.workshop.id}/invites`, { body: { role: 'leader' } }),
      201,
    );
    const leader = await json<{ token: string }>(
      await fetch(`${samle.baseUrl}/api/invites/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite: invite.path.replace('/invite/', ''), name: 'Leder' }),
      }),
      201,
    );
    expect((await nextClose(connect(docId, leader.token))).code).toBe(CloseCode.DocNotFound);
  });

  it('shares a chosen paragraph onto a board as a note, anonymous when the person asks', async () => {
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');
    const share = (anonymous: boolean, text: string) =>
      fetch(`${samle.baseUrl}/api/boards/${fx.plenumBoardId}/share`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text, anonymous }),
      });
    await json(await share(true, 'Ring tilbage samme dag'), 201);
    await json(await share(false, 'Fast kontaktperson'), 201);
    const reader = connect(fx.plenumBoardId, ada.token);
    await until(reader.doc, (doc) => readNotes(doc).length === 2);
    const notes = Object.fromEntries(readNotes(reader.doc).map((n) => [n.text, n]));
    expect(notes['Ring tilbage samme dag']).toMatchObject({ authorName: undefined, authorId: undefined });
    expect(notes['Fast kontaktperson']).toMatchObject({ authorName: 'Ada', authorId: ada.person.id });
  });
});
