import type { RoomState } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { useInstanceCluster } from './support/instanceCluster.js';
import type { RunningSamle } from './support/samleServer.js';
import { synced } from './support/stockClient.js';
import { json, workshopWithTables } from './support/workshopFixture.js';

const cluster = useInstanceCluster('online');

/**
 * The cockpit's room state, asked again until `done` holds: another instance's
 * connections reach the count with its next heartbeat (every 2 s), so this
 * waits for that beat, a bounded number of times.
 */
async function roomUntil(on: RunningSamle, sessionId: string, done: (room: RoomState) => boolean): Promise<RoomState> {
  let room = await json<RoomState>(await on.asFacilitator(`/api/sessions/${sessionId}/room`));
  for (let tries = 0; tries < 80 && !done(room); tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    room = await json<RoomState>(await on.asFacilitator(`/api/sessions/${sessionId}/room`));
  }
  return room;
}

describe('the cockpit on several instances', () => {
  it("counts a table's people online wherever they are connected: the sum over the instances", async () => {
    const [a, b] = await cluster.startTwo(cluster.options());

    const fx = await workshopWithTables(a);
    const big = fx.tables.find((t) => t.members.length === 2);
    const small = fx.tables.find((t) => t.members.length === 1);
    if (!big || !small) throw new Error('fixture: expected tables of two and one');
    const [first, second] = big.members;
    const [third] = small.members;
    if (!first || !second || !third) throw new Error('fixture: missing members');

    // One at the big table on A, the other on B; the small table's one on B only.
    const clients = [
      cluster.client(a, big.boardId, first.token),
      cluster.client(b, big.boardId, second.token),
      cluster.client(b, small.boardId, third.token),
    ];
    await Promise.all(clients.map(synced));

    const online = (room: RoomState, groupId: string) => room.tables.find((t) => t.groupId === groupId)?.connected;
    const all = await roomUntil(a, fx.sessionId, (r) => online(r, big.groupId) === 2 && online(r, small.groupId) === 1);
    expect(online(all, big.groupId)).toBe(2);
    expect(online(all, small.groupId)).toBe(1);

    // Leaving B is seen on A too.
    clients[1]?.destroy();
    clients[2]?.destroy();
    const left = await roomUntil(
      a,
      fx.sessionId,
      (r) => online(r, big.groupId) === 1 && online(r, small.groupId) === 0,
    );
    expect(online(left, big.groupId)).toBe(1);
    expect(online(left, small.groupId)).toBe(0);
  }, 60_000);
});
