import { CloseCode, createNote, notesOf } from '@samle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemorySocket, updateFrame } from './support/memoryClient.js';
import { type Harness, relayHarness } from './support/relayHarness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('update guards fail closed', () => {
  it('refuses (4422) an update whose check throws, and stores and relays none of it', async () => {
    harness = await relayHarness();
    const h = harness;
    await h.seedBoard('guardedBoard1');
    const bystander = new MemorySocket();
    h.relay.connect('guardedBoard1', bystander, { canWrite: false });
    const socket = new MemorySocket();
    const handle = h.relay.connect('guardedBoard1', socket, {
      canWrite: true,
      guard: () => {
        // What a recursive check met on a crafted document threw before guards were iterative.
        throw new RangeError('Maximum call stack size exceeded');
      },
    });
    expect(await h.relay.whenLoaded('guardedBoard1')).toBe(true);
    const framesBefore = bystander.outbox.length;

    const author = new Y.Doc();
    createNote(author, { id: 'unchecked', x: 0, y: 0, text: 'slap igennem', createdAt: 1 });
    handle.receive(updateFrame(Y.encodeStateAsUpdate(author)));
    expect(socket.closeCode).toBe(CloseCode.PolicyViolation);
    await h.relay.drain();
    expect(notesOf(await h.storedState('guardedBoard1')).has('unchecked')).toBe(false);
    expect(bystander.outbox.length).toBe(framesBefore);
    expect(h.errors).toContain('update guard failed; the update is refused');
  });
});
