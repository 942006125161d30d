/**
 * Search across boards: case- and diacritic-insensitive text matching with the
 * ranges to highlight in the original text. "é" finds "e", "å" finds "a", and
 * "æ"/"ø" are written out ("ae", "o") so a person on a keyboard without them
 * still finds "Grønne" by typing "gronne" — and typing "ø" still works, since
 * both sides are folded the same way.
 */

export interface FoldedText {
  folded: string;
  /** For each position in `folded`, the position in the original text it came from. */
  origin: number[];
}

const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', œ: 'oe', đ: 'd', ł: 'l', ı: 'i' };

function foldChar(char: string): string {
  const lower = char.toLocaleLowerCase('da');
  const special = SPECIAL[lower];
  if (special !== undefined) return special;
  return lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

export function foldForSearch(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldChar(char);
    for (let k = 0; k < piece.length; k += 1) origin.push(index);
    folded += piece;
    index += char.length;
  }
  return { folded, origin };
}

/** The words of a query, folded; empty when there is nothing to search for. */
export function queryTerms(query: string): string[] {
  return foldForSearch(query)
    .folded.split(/\s+/)
    .filter((term) => term.length > 0);
}

export type Range = readonly [start: number, end: number];

/**
 * Where the query's words occur in `text` (ranges in the original text,
 * sorted and merged), or null when some word does not occur: a text matches
 * when it holds every word of the query, in any order.
 */
export function matchRanges(text: string, terms: readonly string[]): Range[] | null {
  if (terms.length === 0) return null;
  const { folded, origin } = foldForSearch(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    let from = folded.indexOf(term);
    if (from < 0) return null;
    while (from >= 0) {
      const start = origin[from] ?? 0;
      ranges.push([start, endAfter(text, origin[from + term.length - 1] ?? start)]);
      from = folded.indexOf(term, from + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Past the original character at `index`, and past any combining marks on it (a decomposed "å"). */
function endAfter(text: string, index: number): number {
  let end = index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
  while (end < text.length && /\p{M}/u.test(text[end] ?? '')) end += 1;
  return end;
}

/** A text cut into plain and highlighted pieces, for rendering. */
export interface Piece {
  text: string;
  hit: boolean;
  /** Where the piece starts in the text (a stable React key). */
  start: number;
}

export function highlightPieces(text: string, ranges: readonly Range[] | null): Piece[] {
  if (!ranges || ranges.length === 0) return [{ text, hit: false, start: 0 }];
  const pieces: Piece[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) pieces.push({ text: text.slice(at, start), hit: false, start: at });
    pieces.push({ text: text.slice(start, end), hit: true, start });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false, start: at });
  return pieces;
}
