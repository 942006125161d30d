import { type CatalogEvidence, questionsDocId, readQuestions } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { type StockClient, stockClient, until } from './support/stockClient.js';
import { json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

let samle: RunningSamle;
let fx: WorkshopFixture;
const clients: StockClient[] = [];

beforeEach(async () => {
  samle = await startSamle();
  fx = await workshopWithTables(samle);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await samle.stop();
});

async function askAndTakeIn(text: string): Promise<{ questionId: string; ideaId: string }> {
  const [ada] = fx.participants;
  if (!ada) throw new Error('fixture without participants');
  const workshop = fx.detail.workshop.id;
  const { id: questionId } = await json<{ id: string }>(
    await fetch(`${samle.baseUrl}/api/workshops/${workshop}/questions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'proposal', text, anonymous: false }),
    }),
    201,
  );
  const { ideaId } = await json<{ ideaId: string }>(
    await samle.asFacilitator(`/api/workshops/${workshop}/catalog/ideas/from-question`, { body: { questionId } }),
    201,
  );
  return { questionId, ideaId };
}

describe('questions linked to ideas follow the catalog commands', () => {
  it('moves the linked questions of a merged-away idea to the idea that remains, and unlinks them when it is deleted', async () => {
    const workshop = fx.detail.workshop.id;
    const kept = await askAndTakeIn('Én indgang for pårørende');
    const merged = await askAndTakeIn('Én telefon til hjemmeplejen');
    await json(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/merge`, {
        body: { intoId: kept.ideaId, fromId: merged.ideaId },
      }),
    );

    const evidence = await json<CatalogEvidence>(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/evidence`),
    );
    expect(evidence.ideas.map((idea) => [idea.ideaId, idea.questions.map((q) => q.id).sort()])).toEqual([
      [kept.ideaId, [kept.questionId, merged.questionId].sort()],
    ]);
    const list = stockClient(samle.wsUrl, questionsDocId(workshop), { token: fx.participants[0]?.token ?? '' });
    clients.push(list);
    await until(list.doc, (doc) => readQuestions(doc).every((q) => q.ideaId === kept.ideaId));

    await json(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/ideas/${kept.ideaId}/delete`, { body: {} }),
    );
    await until(list.doc, (doc) => readQuestions(doc).every((q) => q.ideaId === null && q.status === 'new'));
  });
});
