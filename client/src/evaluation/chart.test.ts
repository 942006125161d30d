import { describe, expect, it } from 'vitest';
import { chartBars, formatAverage, ratingsToShow } from './chart';

describe('the rating chart', () => {
  it('makes the most frequent answer the longest bar and gives each its share', () => {
    const bars = chartBars([0, 1, 1, 2, 0]);
    expect(bars.map((b) => b.value)).toEqual([1, 2, 3, 4, 5]);
    expect(bars.map((b) => b.length)).toEqual([0, 0.5, 0.5, 1, 0]);
    expect(bars.map((b) => b.share)).toEqual([0, 0.25, 0.25, 0.5, 0]);
  });

  it('draws empty bars before anyone has answered', () => {
    expect(chartBars([0, 0, 0, 0, 0]).every((b) => b.length === 0 && b.share === 0)).toBe(true);
  });

  it('writes the average with one decimal, the Danish way in Danish', () => {
    expect(formatAverage(4.333, 'da')).toBe('4,3');
    expect(formatAverage(4, 'en')).toBe('4.0');
    expect(formatAverage(null, 'en')).toBeNull();
  });
});

describe('which ratings the results show', () => {
  it("shows the evaluation's questions with empty bars until the first results arrive", () => {
    const evaluation = { ratings: [{ id: 'r1', label: 'Udbytte' }] };
    expect(ratingsToShow(evaluation, undefined)).toEqual([
      { id: 'r1', label: 'Udbytte', distribution: [0, 0, 0, 0, 0], average: null },
    ]);
    const results = { ratings: [{ id: 'r1', label: 'Udbytte', distribution: [0, 0, 0, 0, 2], average: 5 }] };
    expect(ratingsToShow(evaluation, results)).toBe(results.ratings);
  });
});
