import { describe, expect, it } from 'vitest';
import { DECISION_LABELS } from './decisionLabels.js';
import { REPORT_WORDS } from './reportWords.js';

describe('the session report words', () => {
  it('count in the singular at exactly one, in both languages', () => {
    expect([0, 1, 2].map(REPORT_WORDS.da.present)).toEqual(['0 deltagere', '1 deltager', '2 deltagere']);
    expect([0, 1, 2].map(REPORT_WORDS.en.votes)).toEqual(['0 votes', '1 vote', '2 votes']);
    expect(REPORT_WORDS.da.answeredAfter('Lone', 12)).toBe('Lone svarede efter 12 min.');
    expect(REPORT_WORDS.en.minutes(45)).toBe('45 min');
  });

  it('name decisions as the catalog and its exports do', () => {
    for (const language of ['da', 'en'] as const) {
      const { undecided: _notAssessed, ...decisions } = DECISION_LABELS[language];
      expect(REPORT_WORDS[language].decisions).toEqual(decisions);
    }
  });
});
