import { describe, expect, it } from 'vitest';
import type { PulseAnswerRecord } from '../../src/storage/contracts/afterDecisionTypes.js';
import { facilitator, T0, workshopPlan } from './fixtures.js';
import { type StorageFactory, useStorage } from './useStorage.js';

/** Agenda runs (the session report's actual times) and impact pulse answers, one per person. */
export function afterDecisionContract(factory: StorageFactory): void {
  describe('storage contract: agenda runs and pulse answers', () => {
    const store = useStorage(factory);
    async function seed() {
      await store().workshops.createFacilitator(facilitator('f1', 'ada@example.com'));
      await store().workshops.createWorkshop(workshopPlan());
    }

    it('ends the running item when the next one starts, and when the session ends', async () => {
      await seed();
      const runs = store().afterDecision;
      await runs.recordCurrentItem('s1', 'a1', T0);
      await runs.recordCurrentItem('s1', 'a2', T0 + 60_000);
      await runs.recordCurrentItem('s1', null, T0 + 90_000);
      expect(await runs.agendaRuns('s1')).toEqual([
        { sessionId: 's1', itemId: 'a1', startedAt: T0, endedAt: T0 + 60_000 },
        { sessionId: 's1', itemId: 'a2', startedAt: T0 + 60_000, endedAt: T0 + 90_000 },
      ]);
      expect(await runs.agendaRuns('s2')).toEqual([]);
    });

    it('keeps one answer per person and pulse: a second one changes nothing', async () => {
      await seed();
      const answer = (key: string, happened: number): PulseAnswerRecord => ({
        pulseId: 'p1',
        workshopId: 'w1',
        respondentKey: key,
        respondentName: null,
        answers: [{ ideaId: 'i1', happened, helped: 3, comment: null }],
        answeredAt: T0,
      });
      const pulses = store().afterDecision;
      expect(await pulses.savePulseAnswer(answer('k1', 4))).toBe(true);
      expect(await pulses.savePulseAnswer(answer('k1', 1))).toBe(false);
      expect(await pulses.savePulseAnswer(answer('k2', 2))).toBe(true);
      expect((await pulses.pulseAnswers('p1')).map((a) => a.answers[0]?.happened)).toEqual([4, 2]);
      expect(await pulses.hasAnsweredPulses('w1', 'k1')).toEqual(['p1']);
    });
  });
}
