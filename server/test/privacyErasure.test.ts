import { readNotes, reflectionDocId, type WorkshopDetail } from '@samle/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellsMentioning, postgresKind, type RunningOn, sqliteKind } from './support/databaseKinds.js';

async function json<T>(response: Response, status: number): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

describe.each([sqliteKind, postgresKind()])('erasing a person on $name', (kind) => {
  let running: RunningOn;
  let demo: WorkshopDetail;
  let person: { id: string; name: string };
  let other: { id: string; name: string };

  beforeAll(async () => {
    running = await kind.start();
    demo = await json<WorkshopDetail>(await running.samle.asFacilitator('/api/demo', { body: {} }), 201);
    // The person who wrote the most notes in the demo, so there is authorship to remove.
    const counts = new Map<string, number>();
    for (const board of demo.sessions.flatMap((s) => s.boards ?? [])) {
      const notes = await running.samle.samle.relay.read(board.id, (doc) => readNotes(doc));
      for (const note of notes) if (note.authorId) counts.set(note.authorId, (counts.get(note.authorId) ?? 0) + 1);
    }
    const [authorId] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    const found = demo.people.find((p) => p.id === authorId);
    const someoneElse = demo.people.find((p) => p.id !== authorId && (counts.get(p.id) ?? 0) > 0);
    if (!found || !someoneElse) throw new Error('the demo has no note authors');
    person = { id: found.id, name: found.name };
    other = { id: someoneElse.id, name: someoneElse.name };
    // Their own reflection, which erasure deletes.
    await running.samle.samle.relay.command(reflectionDocId(demo.workshop.id, person.id), (doc) => {
      doc.getText('reflection').insert(0, `Mine tanker efter dagen — ${person.name}`);
    });
  }, 60_000);
  afterAll(async () => {
    await running?.samle.stop();
    await kind.cleanup();
  });

  it("exports a person's data as JSON for the facilitator: their row, notes and own documents", async () => {
    const data = await json<{
      person: { name: string };
      notes: Array<{ noteId: string }>;
      ownDocuments: Record<string, unknown>;
    }>(await running.samle.asFacilitator(`/api/people/${person.id}/export`), 200);
    expect(data.person.name).toBe(person.name);
    expect(data.notes.length).toBeGreaterThan(0);
    expect(Object.keys(data.ownDocuments)).toContain(reflectionDocId(demo.workshop.id, person.id));
  });

  it('erases only when the name is typed as shown', async () => {
    const refused = await running.samle.asFacilitator(`/api/people/${person.id}/erase`, {
      body: { confirmName: 'Someone Else' },
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('CONFIRM_NAME_MISMATCH');
  });

  it("leaves the erased person's name in no table, document, history snapshot or export; others keep theirs", async () => {
    const before = await running.cells();
    expect(cellsMentioning(before, person.name).length).toBeGreaterThan(1);
    const otherBefore = cellsMentioning(before, other.name).length;
    expect(otherBefore).toBeGreaterThan(0);
    await running.samle.samle.history.flush();

    const result = await json<{ name: string; scrubbedDocs: number; deletedDocs: number }>(
      await running.samle.asFacilitator(`/api/people/${person.id}/erase`, { body: { confirmName: person.name } }),
      200,
    );
    expect(result.name).toBe('Slettet person');
    expect(result.scrubbedDocs).toBeGreaterThan(0);
    expect(result.deletedDocs).toBe(1);
    await running.samle.samle.history.flush();

    const after = await running.cells();
    expect(cellsMentioning(after, person.name).map((cell) => cell.table)).toEqual([]);
    // The person's row stays, renamed, so counts and votes still add up; the other author is untouched.
    expect(after.some((cell) => cell.table === 'people' && cell.text === 'Slettet person')).toBe(true);
    expect(cellsMentioning(after, other.name).length).toBe(otherBefore);

    const archive = await running.samle.asFacilitator(`/api/workshops/${demo.workshop.id}/export`);
    expect(archive.status).toBe(200);
    const files = unzipSync(new Uint8Array(await archive.arrayBuffer()));
    for (const [name, bytes] of Object.entries(files)) {
      expect(Buffer.from(bytes).includes(Buffer.from(person.name)), name).toBe(false);
    }
    expect(strFromU8(files['workshop.json'] ?? new Uint8Array())).toContain(other.name);
    const detail = await json<WorkshopDetail>(
      await running.samle.asFacilitator(`/api/workshops/${demo.workshop.id}`),
      200,
    );
    expect(detail.people.find((p) => p.id === person.id)?.name).toBe('Slettet person');
  });
});
