import { stemmer as danishStem } from '@orama/stemmers/danish';
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stopwords as danishStopwords } from '@orama/stopwords/danish';
import { stopwords as englishStopwords } from '@orama/stopwords/english';

/**
 * Turning a short note into weighted terms for text similarity, for Danish and
 * English. Words are normalised (Unicode NFKC, lower case; æ, ø and å stay
 * letters of their own), stopwords of both languages dropped, and each word is
 * stemmed with the Snowball stemmer of the note's language (from
 * `@orama/stemmers`).
 *
 * Danish writes compounds as one word ("cykelstier", "skolebørn"), so two notes
 * about the same thing often share no whole word. Long words therefore also
 * yield their leading parts ("cyke", "cykel", "cykels" …) as lighter features:
 * "cykelstier" and "cykelruter" meet at "cykel", "skolen" and "skolebørn" at
 * "skol". A part must leave at least three letters behind, so a word never
 * counts as a compound of itself.
 */

export type NoteLanguage = 'da' | 'en';

/** One feature of a note: the key compared across notes, the word it came from, its weight. */
export interface TermFeature {
  key: string;
  /** The normalised word as written, to explain a match in words people recognise. */
  surface: string;
  weight: number;
  /** Only a leading part of a longer word here (not a word of its own in this text). */
  part: boolean;
}

const DANISH_STOPWORDS = new Set<string>([
  ...danishStopwords,
  // Filler common on workshop notes that says nothing about the topic.
  'fx',
  'f.eks',
  'mere',
  'flere',
  'godt',
  'gerne',
  'også',
  'bør',
  'får',
  'få',
  'ting',
  'før',
  'én',
  'ét',
  // Question and helper words the Snowball list leaves out ("who knows who to call").
  'ved',
  'hvem',
  'hvorfor',
  'hvordan',
  'hvilke',
  'hvilken',
  'kan',
  'lidt',
  'helt',
  'bare',
  'stadig',
  'vores',
  'jeres',
  'ingen',
  'andre',
  'andet',
  // Prepositions the Snowball list leaves out ("svar inden 24 timer"): they say when or how, not what.
  'inden',
  'før',
  'uden',
  'mellem',
  'gennem',
  'igennem',
  'omkring',
  'blandt',
  'hen',
  // "Better X" is how most improvement notes start; it says nothing about X.
  'bedre',
  'nye',
  'ny',
]);
const ENGLISH_STOPWORDS = new Set<string>([
  ...englishStopwords,
  'a',
  'an',
  'the',
  'one',
  'eg',
  'also',
  'get',
  'more',
  'etc',
  'better',
  'new',
]);

/** Compound parts weigh less than a whole shared word. */
export const COMPOUND_PART_WEIGHT = 0.8;
const MIN_PART = 4;
const MIN_REST = 3;
const MIN_WORD = 2;

export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase('da');
}

/** Words of a normalised text: runs of letters and digits (apostrophes inside a word kept out). */
export function wordsOf(normalised: string): string[] {
  return normalised.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Spellings that mostly occur in one of the two languages, for notes without stopwords. */
const DANISH_SPELLING = /[æøå]|(?:hed|heder|else|erne|ene|lig|lige|isk|ning|ninger)$|^(?:sj|kv|hj)|dt$/;
const ENGLISH_SPELLING = /(?:ing|tion|tions|ly|ed|ness|ity|ies)$|th|w|sh|ch|ee|oo|ou|^qu/;

function stopwordHits(words: readonly string[]): { da: number; en: number } {
  let da = 0;
  let en = 0;
  for (const word of words) {
    if (DANISH_STOPWORDS.has(word)) da += 2;
    if (ENGLISH_STOPWORDS.has(word)) en += 2;
    if (DANISH_SPELLING.test(word)) da += 1;
    if (ENGLISH_SPELLING.test(word)) en += 1;
  }
  return { da, en };
}

/**
 * The language of one note, or `fallback` when the note gives no clear sign
 * (short notes often have no stopwords at all).
 */
export function detectLanguage(words: readonly string[], fallback: NoteLanguage): NoteLanguage {
  const { da, en } = stopwordHits(words);
  if (da > en) return 'da';
  if (en > da) return 'en';
  return fallback;
}

/** The language most of a collection of notes is written in; Danish on a tie (Samle's first users). */
export function dominantLanguage(texts: readonly string[]): NoteLanguage {
  let da = 0;
  let en = 0;
  for (const text of texts) {
    const hits = stopwordHits(wordsOf(normaliseText(text)));
    da += hits.da;
    en += hits.en;
  }
  return en > da ? 'en' : 'da';
}

function isStopword(word: string): boolean {
  return DANISH_STOPWORDS.has(word) || ENGLISH_STOPWORDS.has(word);
}

const stems = { da: new Map<string, string>(), en: new Map<string, string>() };
const STEM_CACHE_LIMIT = 50_000;

/** The Snowball stem of a word; remembered, since a board repeats its words many times. */
export function stem(word: string, language: NoteLanguage): string {
  if (/^\p{N}+$/u.test(word)) return word;
  const cache = stems[language];
  const known = cache.get(word);
  if (known !== undefined) return known;
  // Danish Snowball strips one suffix group per pass: "virksomhederne" → "virksomhed", but "virksomheder" →
  // "virksom". A second pass brings definite plurals to the same stem as the rest.
  const stemmed = language === 'da' ? danishStem(danishStem(word)) : englishStem(word);
  if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
  cache.set(word, stemmed);
  return stemmed;
}

/**
 * A note's features with their raw weights (term counts; compound parts
 * lighter). The same key from two words adds up.
 */
export function noteFeatures(text: string, fallback: NoteLanguage): TermFeature[] {
  const words = wordsOf(normaliseText(text));
  const language = detectLanguage(words, fallback);
  const byKey = new Map<string, TermFeature>();
  const add = (key: string, surface: string, weight: number, part: boolean) => {
    const known = byKey.get(key);
    if (known) {
      known.weight += weight;
      known.part &&= part;
      if (surface.length < known.surface.length) known.surface = surface;
    } else {
      byKey.set(key, { key, surface, weight, part });
    }
  };
  for (const word of words) {
    if (word.length < MIN_WORD || isStopword(word)) continue;
    const stemmed = stem(word, language);
    add(stemmed, word, 1, false);
    // English writes compounds apart ("bike lanes"), so only Danish notes have parts.
    if (language !== 'da') continue;
    // A part shares the words' key space, so the "skol…" of "skolebørn" meets the word "skolen".
    for (let end = MIN_PART; stemmed.length - end >= MIN_REST; end += 1) {
      const part = stemmed.slice(0, end);
      // A leading part that is itself a stopword ("over", "under") is no topic.
      if (isStopword(part)) continue;
      add(part, word, COMPOUND_PART_WEIGHT, true);
    }
  }
  return [...byKey.values()];
}

/** The longest common beginning of some words (what a person sees as "the shared word"). */
export function commonBeginning(words: readonly string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  let end = first.length;
  for (const word of rest) {
    let i = 0;
    while (i < end && i < word.length && word[i] === first[i]) i += 1;
    end = i;
  }
  return first.slice(0, end);
}
