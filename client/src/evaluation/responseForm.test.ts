import { describe, expect, it } from 'vitest';
import { missingRatings, RATING_VALUES, toResponseBody } from './responseForm';

const evaluation = {
  ratings: [
    { id: 'r1', label: 'Udbytte' },
    { id: 'r2', label: 'Ledelsens svar' },
  ],
  freeText: 'Hvad tager du med?',
};

describe('answering the evaluation', () => {
  it('offers the values 1 to 5', () => {
    expect(RATING_VALUES).toEqual([1, 2, 3, 4, 5]);
  });

  it('lists the questions still unanswered, in order', () => {
    expect(missingRatings(evaluation, {})).toEqual(['r1', 'r2']);
    expect(missingRatings(evaluation, { r2: 4 })).toEqual(['r1']);
    expect(missingRatings(evaluation, { r1: 1, r2: 5 })).toEqual([]);
  });

  it('sends only the ratings that were asked, and the free text when written', () => {
    expect(toResponseBody(evaluation, { r1: 4, r2: 3, old: 2 }, '  Flere besøg  ')).toEqual({
      ratings: { r1: 4, r2: 3 },
      text: 'Flere besøg',
    });
    expect(toResponseBody(evaluation, { r1: 4, r2: 3 }, '   ')).toEqual({ ratings: { r1: 4, r2: 3 } });
  });

  it('sends no text when the evaluation asks none', () => {
    expect(toResponseBody({ ...evaluation, freeText: null }, { r1: 2, r2: 2 }, 'hej')).toEqual({
      ratings: { r1: 2, r2: 2 },
    });
  });
});
