import { describe, expect, it } from 'vitest';
import { foldForSearch, highlightPieces, matchRanges, queryTerms } from './search';

const hits = (text: string, query: string) =>
  matchRanges(text, queryTerms(query))?.map(([s, e]) => text.slice(s, e)) ?? null;

describe('search across boards', () => {
  it('matches regardless of case', () => {
    expect(hits('Én indgang for virksomheder', 'VIRKSOM')).toEqual(['virksom']);
  });

  it('matches regardless of diacritics, and finds æ, ø, å typed without them', () => {
    expect(hits('Én indgang', 'en')).toEqual(['Én']);
    expect(hits('Grønne områder', 'gronne omrader')).toEqual(['Grønne', 'områder']);
    expect(hits('Bænke i parken', 'baenke')).toEqual(['Bænke']);
    expect(hits('Bænke i parken', 'bænke')).toEqual(['Bænke']);
    expect(hits('Café', 'cafe')).toEqual(['Café']);
  });

  it('needs every word of the query, in any order, and highlights each occurrence', () => {
    expect(hits('Ring tilbage inden for 24 timer', 'timer ring')).toEqual(['Ring', 'timer']);
    expect(hits('Ring tilbage inden for 24 timer', 'ring mail')).toBeNull();
    expect(hits('sag efter sag', 'sag')).toEqual(['sag', 'sag']);
  });

  it('finds nothing for an empty query', () => {
    expect(queryTerms('   ')).toEqual([]);
    expect(matchRanges('Noget', [])).toBeNull();
  });

  it('maps folded positions back to the original text, also after decomposed letters', () => {
    const text = 'Omra\u030Ader ved skolen';
    expect(foldForSearch(text).folded).toBe('omrader ved skolen');
    expect(hits(text, 'skolen')).toEqual(['skolen']);
    expect(hits(text, 'omra')).toEqual(['Omra\u030A']);
  });

  it('cuts a text into plain and highlighted pieces', () => {
    const text = 'Fast kontaktperson';
    expect(highlightPieces(text, matchRanges(text, ['kontakt']))).toEqual([
      { text: 'Fast ', hit: false, start: 0 },
      { text: 'kontakt', hit: true, start: 5 },
      { text: 'person', hit: false, start: 12 },
    ]);
    expect(highlightPieces(text, null)).toEqual([{ text, hit: false, start: 0 }]);
  });
});
