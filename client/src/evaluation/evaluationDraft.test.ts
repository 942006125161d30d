import { describe, expect, it } from 'vitest';
import {
  addRating,
  defaultDraft,
  draftProblems,
  draftToBody,
  RATINGS_MAX,
  removeRating,
  withRating,
} from './evaluationDraft';

const defaults = { ratings: ['Udbytte', 'Ledelsens svar', 'Ændrer du noget?'], freeText: 'Hvad tager du med?' };

describe('the evaluation draft', () => {
  it('starts with the three default questions, a free-text question, and anonymous answers', () => {
    const draft = defaultDraft(defaults);
    expect(draft).toEqual({ ...defaults, anonymous: true });
    expect(draftProblems(draft)).toEqual([]);
  });

  it('sends trimmed questions, and leaves out an emptied free-text question', () => {
    const draft = { ...withRating(defaultDraft(defaults), 0, '  Udbytte af forløbet '), freeText: '  ' };
    expect(draftToBody(draft)).toEqual({
      ratings: ['Udbytte af forløbet', 'Ledelsens svar', 'Ændrer du noget?'],
      anonymous: true,
    });
  });

  it('points at an emptied question, and at one that is too long', () => {
    let draft = withRating(defaultDraft(defaults), 1, ' ');
    draft = withRating(draft, 2, 'x'.repeat(201));
    expect(draftProblems(draft)).toEqual([
      { kind: 'ratingRequired', index: 1 },
      { kind: 'ratingTooLong', index: 2 },
    ]);
  });

  it(`adds questions up to ${RATINGS_MAX}, and always keeps one`, () => {
    let draft = defaultDraft(defaults);
    for (let i = 0; i < 20; i++) draft = addRating(draft);
    expect(draft.ratings).toHaveLength(RATINGS_MAX);
    for (let i = 0; i < 20; i++) draft = removeRating(draft, 0);
    expect(draft.ratings).toHaveLength(1);
  });

  it('removes the question asked for, not another', () => {
    expect(removeRating(defaultDraft(defaults), 1).ratings).toEqual(['Udbytte', 'Ændrer du noget?']);
  });
});
