import type { Evaluation, EvaluationResults } from '@samle/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSamle, startSamle } from './support/samleServer.js';
import { json, type WorkshopFixture, workshopWithTables } from './support/workshopFixture.js';

let samle: RunningSamle;
let fx: WorkshopFixture;

beforeEach(async () => {
  samle = await startSamle();
  fx = await workshopWithTables(samle);
});
afterEach(async () => {
  await samle.stop();
});

const as = (token: string, path: string, body?: unknown) => samle.asBearer(token, path, body);

describe('evaluation of the process', () => {
  it('is filled by three participants (one answer each), aggregated right, anonymous, and exported as CSV', async () => {
    const [ada, bo, cai] = fx.participants;
    if (!ada || !bo || !cai) throw new Error('fixture without participants');
    const workshop = fx.detail.workshop.id;
    const evaluation = await json<Evaluation>(
      await samle.asFacilitator(`/api/workshops/${workshop}/evaluations`, {
        body: { ratings: ['Udbytte af forløbet', 'Ledelsens svar'], freeText: 'Hvad tager du med?' },
      }),
      201,
    );
    expect(evaluation).toMatchObject({ status: 'open', anonymous: true });
    expect((await as(ada.token, `/api/workshops/${workshop}/evaluations`, { ratings: ['x'] })).status).toBe(403);

    const answer = (token: string, r1: number, r2: number, text?: string) =>
      as(token, `/api/evaluations/${evaluation.id}/responses`, { ratings: { r1, r2 }, ...(text ? { text } : {}) });
    expect((await answer(ada.token, 2, 5, 'Flere virksomhedsbesøg')).status).toBe(204);
    // Answering again replaces the first answer.
    expect((await answer(ada.token, 4, 5, 'Flere virksomhedsbesøg, tak')).status).toBe(204);
    expect((await answer(bo.token, 5, 3)).status).toBe(204);
    expect((await answer(cai.token, 3, 4, 'Kortere dage; "mere" kaffe')).status).toBe(204);
    expect((await as(cai.token, `/api/evaluations/${evaluation.id}/responses`, { ratings: { r1: 3 } })).status).toBe(
      400,
    );
    expect(
      (await as(cai.token, `/api/evaluations/${evaluation.id}/responses`, { ratings: { r1: 3, r2: 6 } })).status,
    ).toBe(400);
    expect(await json(await as(bo.token, `/api/workshops/${workshop}/evaluation`))).toMatchObject({ answered: true });

    expect((await as(ada.token, `/api/evaluations/${evaluation.id}/results`)).status).toBe(403);
    const results = await json<EvaluationResults>(
      await samle.asFacilitator(`/api/evaluations/${evaluation.id}/results`),
    );
    expect(results.responses).toBe(3);
    expect(results.ratings).toEqual([
      { id: 'r1', label: 'Udbytte af forløbet', distribution: [0, 0, 1, 1, 1], average: 4 },
      { id: 'r2', label: 'Ledelsens svar', distribution: [0, 0, 1, 1, 1], average: 4 },
    ]);
    expect(results.texts.map((t) => t.text).sort()).toEqual([
      'Flere virksomhedsbesøg, tak',
      'Kortere dage; "mere" kaffe',
    ]);
    expect(results.texts.every((t) => t.name === null)).toBe(true);

    const csv = await (await samle.asFacilitator(`/api/evaluations/${evaluation.id}/results.csv`)).text();
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('respondent,Udbytte af forløbet,Ledelsens svar,Hvad tager du med?');
    expect(lines).toHaveLength(4);
    expect(csv).toContain('"Kortere dage; ""mere"" kaffe"');
    expect(csv).not.toContain('Ada');

    await json(await samle.asFacilitator(`/api/evaluations/${evaluation.id}/close`, { body: {} }));
    expect((await answer(bo.token, 1, 1)).status).toBe(409);
  });
});
