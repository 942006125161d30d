import { type CatalogEvidence, questionsDocId, readQuestions } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { connect, fx, samle, useCatalogSuite } from './support/catalogSuite.js';
import { until } from './support/stockClient.js';
import { json } from './support/workshopFixture.js';

// A server with a workshop of two tables per test: support/catalogSuite.ts.
useCatalogSuite();

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
    const list = connect(questionsDocId(workshop), fx.participants[0]?.token ?? '');
    await until(list.doc, (doc) => readQuestions(doc).every((q) => q.ideaId === kept.ideaId));

    await json(
      await samle.asFacilitator(`/api/workshops/${workshop}/catalog/ideas/${kept.ideaId}/delete`, { body: {} }),
    );
    await until(list.doc, (doc) => readQuestions(doc).every((q) => q.ideaId === null && q.status === 'new'));
  });
});
