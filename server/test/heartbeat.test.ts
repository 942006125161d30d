import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningSamle, startSamle } from './support/samleServer.js';

let samle: RunningSamle | undefined;
afterEach(async () => {
  await samle?.stop();
});

function open(url: string, answerPings: boolean): Promise<WebSocket> {
  const socket = new WebSocket(url);
  // ws answers pings by itself; a client that vanished (lid shut, out of Wi-Fi) does not.
  if (!answerPings) socket.pong = () => {};
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('heartbeat', () => {
  it('closes a sync connection that stops answering pings, and keeps one that answers', async () => {
    samle = await startSamle({ env: { SAMLE_HEARTBEAT_MS: '100' } });
    const board = await samle.createBoard('Heartbeat');
    const url = `${samle.wsUrl}/${board.id}?token=${await samle.tokenFor(board.id, 'read')}`;
    const gone = await open(url, false);
    const here = await open(url, true);
    let pingsHere = 0;
    here.on('ping', () => pingsHere++);
    const closed = new Promise<number>((resolve) => gone.once('close', (code) => resolve(code)));
    expect(await closed).toBe(1006);
    expect(pingsHere).toBeGreaterThanOrEqual(1);
    expect(here.readyState).toBe(WebSocket.OPEN);
    here.close();
  });
});
