import { useMemo, useState } from 'react';
import { matchRanges, queryTerms } from './search';
import type { SynthesisBoards } from './useSynthesisBoards';

export interface SynthesisSearch {
  query: string;
  setQuery(query: string): void;
  /** The query's words, as the boards highlight them. */
  terms: string[];
  /** How many notes match, on how many boards; null without a query. */
  stats: { notes: number; boards: number } | null;
}

/** The search across every board of the synthesis view. */
export function useSynthesisSearch({
  boards,
  contentOf,
}: Pick<SynthesisBoards, 'boards' | 'contentOf'>): SynthesisSearch {
  const [query, setQuery] = useState('');
  const terms = useMemo(() => queryTerms(query), [query]);
  const stats = useMemo(() => {
    if (terms.length === 0) return null;
    let notes = 0;
    let onBoards = 0;
    for (const board of boards) {
      const hits = contentOf(board.id).notes.filter((note) => matchRanges(note.text, terms) !== null).length;
      notes += hits;
      if (hits > 0) onBoards += 1;
    }
    return { notes, boards: onBoards };
  }, [terms, boards, contentOf]);
  return { query, setQuery, terms, stats };
}
