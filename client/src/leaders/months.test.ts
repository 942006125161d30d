import { describe, expect, it } from 'vitest';
import {
  formatMonth,
  formatTimeline,
  isMonth,
  monthChoices,
  monthFromIndex,
  monthIndex,
  monthRange,
  monthSpan,
} from './months';

describe('months', () => {
  it('counts across year ends', () => {
    expect(monthFromIndex(monthIndex('2027-12') + 1)).toBe('2028-01');
    expect(monthRange('2027-11', '2028-02')).toEqual(['2027-11', '2027-12', '2028-01', '2028-02']);
    expect(monthSpan('2027-01', '2027-06')).toBe(6);
    expect(monthRange('2027-05', '2027-04')).toEqual([]);
  });

  it('accepts only YYYY-MM', () => {
    expect(isMonth('2027-03')).toBe(true);
    expect(isMonth('2027-13')).toBe(false);
    expect(isMonth('2027-3')).toBe(false);
    expect(() => monthIndex('marts')).toThrow();
  });

  it('names months in Danish and English, and timelines without repeating the year', () => {
    expect(formatMonth('2027-03', 'da-DK')).toBe('marts 2027');
    expect(formatMonth('2027-03', 'en-GB')).toBe('March 2027');
    expect(formatTimeline('2027-03', '2027-06', 'da-DK')).toBe('marts – juni 2027');
    expect(formatTimeline('2027-11', '2028-02', 'en-GB')).toBe('November 2027 – February 2028');
    expect(formatTimeline('2027-03', '2027-03', 'da-DK')).toBe('marts 2027');
    expect(formatTimeline(null, '2027-06', 'da-DK')).toBe('– juni 2027');
    expect(formatTimeline(null, null, 'da-DK')).toBe('');
  });

  it('offers this year to four years ahead, reaching back to an earlier chosen month', () => {
    const now = new Date(Date.UTC(2026, 10, 26));
    const choices = monthChoices(null, now);
    expect(choices[0]).toBe('2026-01');
    expect(choices.at(-1)).toBe('2030-12');
    expect(monthChoices('2025-05', now)[0]).toBe('2025-01');
  });
});
