import { describe, expect, it } from 'vitest';
import type { QuestionRecord } from '../../src/storage/contracts/questionTypes.js';
import { facilitator, T0, workshopPlan } from './fixtures.js';
import { type StorageFactory, useStorage } from './useStorage.js';

/** Questions to management and evaluations: what the routes rely on, in every adapter. */
export function postsContract(factory: StorageFactory): void {
  describe('storage contract: questions and evaluations', () => {
    const store = useStorage(factory);
    async function seed() {
      await store().workshops.createFacilitator(facilitator('f1', 'ada@example.com'));
      await store().workshops.createWorkshop(workshopPlan());
    }
    const question = (id: string, createdAt: number): QuestionRecord => ({
      id,
      workshopId: 'w1',
      kind: 'question',
      text: `spørgsmål ${id}`,
      anonymous: true,
      authorKey: 'hash-of-p1',
      authorName: null,
      createdAt,
      status: 'new',
      answer: null,
      answeredBy: null,
      answeredAt: null,
      hiddenReason: null,
      hiddenAt: null,
      ideaId: null,
    });

    it('keeps posts with their supports (one per person), answers and hides them', async () => {
      await seed();
      const q = store().questions;
      await q.createQuestion(question('q1', T0));
      await q.createQuestion(question('q2', T0 + 1));
      expect(await q.setSupport('q1', 'p2', true)).toBe(true);
      expect(await q.setSupport('q1', 'p2', true)).toBe(false);
      expect(await q.setSupport('q1', 'p3', true)).toBe(true);
      expect(await q.setSupport('q1', 'p3', false)).toBe(true);
      expect(await q.supportedBy('w1', 'p2')).toEqual(['q1']);
      await q.answerQuestion('q1', 'Ja', 'Dorthe', T0 + 100);
      await q.answerQuestion('q1', 'Ja, fra maj', 'Dorthe', T0 + 200);
      await q.hideQuestion('q2', 'off topic', T0 + 300);
      const list = await q.listQuestions('w1');
      expect(list.map((x) => [x.id, x.supports, x.status, x.answer, x.answeredAt, x.hiddenReason])).toEqual([
        ['q1', 1, 'answered', 'Ja, fra maj', T0 + 100, null],
        ['q2', 0, 'new', null, null, 'off topic'],
      ]);
      expect(await q.getQuestion('q1')).toMatchObject({ anonymous: true, authorKey: 'hash-of-p1', authorName: null });
    });

    it('keeps one support per person per idea, counts them and tells a person what they support', async () => {
      await seed();
      const s = store().ideaSupports;
      expect(await s.setIdeaSupport('w1', 'i1', 'p1', true, T0)).toBe(true);
      expect(await s.setIdeaSupport('w1', 'i1', 'p1', true, T0 + 1)).toBe(false);
      expect(await s.setIdeaSupport('w1', 'i1', 'p2', true, T0 + 2)).toBe(true);
      expect(await s.setIdeaSupport('w1', 'i2', 'p2', true, T0 + 3)).toBe(true);
      expect(await s.setIdeaSupport('w1', 'i2', 'p3', false, T0 + 4)).toBe(false);
      expect(await s.ideaSupportCounts('w1')).toEqual({ i1: 2, i2: 1 });
      expect(await s.ideasSupportedBy('w1', 'p2')).toEqual(['i1', 'i2']);
      expect(await s.setIdeaSupport('w1', 'i1', 'p2', false, T0 + 5)).toBe(true);
      expect(await s.ideaSupportCounts('w1')).toEqual({ i1: 1, i2: 1 });
      expect(await s.ideasSupportedBy('w1', 'p3')).toEqual([]);
    });

    it('keeps the history of decisions per idea, in order', async () => {
      await seed();
      const d = store().decisions;
      await d.recordChanges('w1', [
        { ideaId: 'i1', field: 'decision', from: null, to: 'council', by: 'Dorthe', at: T0 },
        { ideaId: 'i1', field: 'rank', from: null, to: '2', by: 'Dorthe', at: T0 },
        { ideaId: 'i2', field: 'decision', from: null, to: 'on_hold', by: 'Dorthe', at: T0 },
      ]);
      await d.recordChanges('w1', [
        { ideaId: 'i1', field: 'decision', from: 'council', to: 'start_now', by: 'Bo', at: T0 + 5 },
      ]);
      await d.recordChanges('w1', []);
      expect((await d.history('w1', 'i1')).map((c) => [c.field, c.from, c.to, c.by, c.at])).toEqual([
        ['decision', null, 'council', 'Dorthe', T0],
        ['rank', null, '2', 'Dorthe', T0],
        ['decision', 'council', 'start_now', 'Bo', T0 + 5],
      ]);
    });

    it('keeps one evaluation answer per respondent (a second replaces the first) and closes', async () => {
      await seed();
      const e = store().evaluations;
      const evaluation = {
        id: 'e1',
        workshopId: 'w1',
        status: 'open' as const,
        ratings: [{ id: 'r1', label: 'Udbytte' }],
        freeText: 'Og så?',
        anonymous: true,
        openedAt: T0,
        closedAt: null,
      };
      await e.openEvaluation(evaluation);
      expect(await e.latestEvaluation('w1')).toEqual(evaluation);
      const answer = (key: string, r1: number, at: number) =>
        e.saveResponse({
          evaluationId: 'e1',
          respondentKey: key,
          respondentName: null,
          ratings: { r1 },
          text: null,
          answeredAt: at,
        });
      await answer('k1', 2, T0 + 1);
      await answer('k1', 4, T0 + 2);
      await answer('k2', 5, T0 + 3);
      expect((await e.responses('e1')).map((r) => [r.respondentKey, r.ratings.r1])).toEqual([
        ['k1', 4],
        ['k2', 5],
      ]);
      expect(await e.hasResponded('e1', 'k1')).toBe(true);
      expect(await e.hasResponded('e1', 'k9')).toBe(false);
      await e.closeEvaluation('e1', T0 + 10);
      expect(await e.getEvaluation('e1')).toMatchObject({ status: 'closed', closedAt: T0 + 10 });
    });
  });
}
