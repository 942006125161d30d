import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { redactUrl } from '../src/access/logRedaction.js';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { nextClose, type StockClient, stockClient, synced } from './support/stockClient.js';
import { json, workshopWithTables } from './support/workshopFixture.js';

let samle: RunningSamle | undefined;
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await samle?.stop();
  samle = undefined;
});

/** Everything the server logs, as the JSON lines it writes. */
function logSink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('the request log', () => {
  it('holds no grant, operator or invite token after joining, socket connects with ?token= and operator use', async () => {
    const sink = logSink();
    samle = await startSamle({ logger: { level: 'trace', stream: sink.stream } });
    const fx = await workshopWithTables(samle);
    const [ada] = fx.participants;
    if (!ada) throw new Error('no participant');

    const participant = stockClient(samle.wsUrl, fx.plenumBoardId, { token: ada.token });
    const operatorToken = await samle.tokenFor(fx.plenumBoardId, 'write');
    const operator = stockClient(samle.wsUrl, fx.plenumBoardId, { token: operatorToken });
    clients.push(participant, operator);
    await Promise.all([synced(participant), synced(operator)]);

    const invite = await json<{ path: string }>(
      await samle.asFacilitator(`/api/workshops/${fx.detail.workshop.id}/invites`, { body: { role: 'leader' } }),
      201,
    );
    const inviteToken = invite.path.replace('/invite/', '');
    const accepted = await fetch(`${samle.baseUrl}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite: inviteToken, name: 'Lis Leder' }),
    });
    const leader = await json<{ token: string }>(accepted, 201);
    // The invite page itself (served as the app) and a bearer-token request.
    await fetch(`${samle.baseUrl}${invite.path}`);
    await fetch(`${samle.baseUrl}/api/workshops/${fx.detail.workshop.id}`, {
      headers: { authorization: `Bearer ${leader.token}` },
    });
    // A refused socket logs too.
    const refused = stockClient(samle.wsUrl, fx.leadershipBoardId, { token: ada.token });
    clients.push(refused);
    await nextClose(refused);

    const log = sink.text();
    expect(log).toContain('"url":"/sync/');
    expect(log).toContain('token=[redacted]');
    const secrets = [...fx.participants.map((p) => p.token), operatorToken, inviteToken, leader.token];
    // A JWT's signature part is the secret one; neither it nor the whole token may appear.
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(log).not.toContain(secret.split('.')[2]);
    }
    const cookie = (await samle.facilitatorCookie()).split('=')[1] ?? '';
    expect(cookie.length).toBeGreaterThan(10);
    expect(log).not.toContain(cookie);
  });

  it('redacts every query value and the token in an invite path, keeping the rest', () => {
    expect(redactUrl('/sync/B1?token=abc.def.ghi')).toBe('/sync/B1?token=[redacted]');
    expect(redactUrl('/join?code=ABC123&x')).toBe('/join?code=[redacted]&x');
    expect(redactUrl('/invite/eyJ.abc.def')).toBe('/invite/[redacted]');
    expect(redactUrl('/api/join/ABC123')).toBe('/api/join/[redacted]');
    expect(redactUrl('/api/workshops/W1')).toBe('/api/workshops/W1');
  });
});
