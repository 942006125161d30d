import { describe, expect, it } from 'vitest';
import { type SimilarityItem, similarTo, suggestGroups } from './similarity.js';
import { commonBeginning, detectLanguage, normaliseText, noteFeatures, wordsOf } from './textFeatures.js';

// Notes as they are written at a municipal workshop table, Danish and English.
const WORKSHOP: SimilarityItem[] = [
  { id: 'cykel-1', text: 'Bedre cykelstier til skolen' },
  { id: 'cykel-2', text: 'Sikre cykelruter for skolebørn' },
  { id: 'indgang-1', text: 'Én indgang for virksomheder til kommunen' },
  { id: 'indgang-2', text: 'Virksomhederne skal kun have én kontaktperson i kommunen' },
  { id: 'baenke', text: 'Flere bænke i parken' },
  { id: 'kaffe', text: 'Kantinen skal have bedre kaffe' },
  { id: 'kalender', text: 'Fælles kalender for alle afdelinger' },
  { id: 'permit-1', text: 'Faster building permits' },
  { id: 'permit-2', text: 'Quicker processing of building permit applications' },
  { id: 'contact-1', text: 'One point of contact for local businesses' },
  { id: 'contact-2', text: 'A single entry point for businesses' },
  { id: 'trees', text: 'More trees in the town square' },
];

const groupWith = (groups: ReturnType<typeof suggestGroups>, id: string) => groups.find((g) => g.ids.includes(id));

describe('suggestGroups', () => {
  it('groups Danish notes about the same thing even when they share no whole word', () => {
    const groups = suggestGroups(WORKSHOP);
    const bikes = groupWith(groups, 'cykel-1');
    expect(bikes?.ids).toEqual(['cykel-1', 'cykel-2']);
    expect(bikes?.terms).toEqual(expect.arrayContaining(['cykel', 'skole']));
    expect(groupWith(groups, 'indgang-1')?.ids).toEqual(['indgang-1', 'indgang-2']);
    expect(groupWith(groups, 'indgang-1')?.terms).toContain('virksomheder');
  });

  it('groups English notes by their stemmed words', () => {
    const groups = suggestGroups(WORKSHOP);
    expect(groupWith(groups, 'permit-1')?.ids).toEqual(['permit-1', 'permit-2']);
    expect(groupWith(groups, 'permit-1')?.terms).toEqual(expect.arrayContaining(['building', 'permit']));
    expect(groupWith(groups, 'contact-1')?.ids).toEqual(['contact-1', 'contact-2']);
  });

  it('leaves unrelated notes out of every group', () => {
    const groups = suggestGroups(WORKSHOP);
    for (const id of ['baenke', 'kaffe', 'kalender', 'trees']) expect(groupWith(groups, id)).toBeUndefined();
    expect(groups.every((g) => g.score >= 0.2 && g.score <= 1)).toBe(true);
  });

  it('does not group notes that only share a stopword or "bedre"', () => {
    const groups = suggestGroups([
      { id: 'a', text: 'Bedre kaffe i kantinen' },
      { id: 'b', text: 'Bedre skilte ved rådhuset' },
      { id: 'c', text: 'Det er for langt til parkeringen' },
      { id: 'd', text: 'Det tager for meget tid at få svar' },
    ]);
    expect(groups).toEqual([]);
  });

  it('does not explain a match by question words: "ved" and "hvem" are no topic', () => {
    const items = [
      { id: 'a', text: 'Virksomheder ved ikke, hvem de skal ringe til' },
      { id: 'b', text: 'Hvem ved noget om byggesager?' },
      { id: 'c', text: 'Én indgang for virksomheder' },
    ];
    expect(similarTo(items[0] as (typeof items)[number], items).map((m) => m.id)).toEqual(['c']);
    expect(suggestGroups(items).flatMap((g) => g.terms)).not.toContain('hvem');
  });

  it('does not explain a match by prepositions: "inden", "før" and "uden" are no topic', () => {
    const items = [
      { id: 'a', text: 'Svar inden to dage' },
      { id: 'b', text: 'Tjekliste inden ansøgning' },
      { id: 'c', text: 'Hurtigere svar til borgerne' },
      { id: 'd', text: 'Møde før ansøgning' },
      { id: 'e', text: 'Byggesag uden ventetid' },
      { id: 'f', text: 'Ansøgning uden papir' },
    ];
    expect(similarTo(items[0] as (typeof items)[number], items).map((m) => m.id)).toEqual(['c']);
    const terms = suggestGroups(items).flatMap((g) => g.terms);
    for (const word of ['inden', 'før', 'uden']) expect(terms).not.toContain(word);
    // Alike for other reasons, they share the preposition too; it does not explain the match.
    const alike = [
      { id: 'x', text: 'Ring tilbage inden 24 timer' },
      { id: 'y', text: 'Svar inden 24 timer' },
    ];
    const [match] = similarTo(alike[0] as (typeof alike)[number], alike);
    expect(match?.id).toBe('y');
    expect(match?.terms).not.toContain('inden');
  });

  it('matches regardless of case and Unicode form, and keeps æ, ø and å apart from a, o', () => {
    const composed = 'Grønne områder ved skolen';
    const decomposed = 'GRØNNE OMRA\u030ADER VED SKOLEN'.normalize('NFD');
    expect(
      suggestGroups([
        { id: 'x', text: composed },
        { id: 'y', text: decomposed },
      ])[0]?.score,
    ).toBeCloseTo(1, 5);
    expect(wordsOf(normaliseText('Grønne områder'))).toEqual(['grønne', 'områder']);
    expect(normaliseText('Gronne omrader')).not.toBe(normaliseText('Grønne områder'));
  });

  it('keeps each group at most maxGroupSize large', () => {
    const items = Array.from({ length: 9 }, (_, i) => ({ id: `n${i}`, text: `Cykelparkering ved station ${i}` }));
    const groups = suggestGroups(items, { maxGroupSize: 4 });
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((g) => g.ids.length <= 4)).toBe(true);
  });

  it('does not chain two topics into one group through a single note that touches both', () => {
    const groups = suggestGroups([
      { id: 'p1', text: 'Flere parkeringspladser ved rådhuset' },
      { id: 'p2', text: 'Parkeringspladser ved rådhuset mangler' },
      { id: 'bridge', text: 'Parkering og cykelstier' },
      { id: 'c1', text: 'Cykelstier langs havnen' },
      { id: 'c2', text: 'Cykelstier langs havnen er for smalle' },
    ]);
    const big = groups.find((g) => g.ids.includes('p1') && g.ids.includes('c1'));
    expect(big).toBeUndefined();
    expect(groupWith(groups, 'p1')?.ids).toContain('p2');
    expect(groupWith(groups, 'c1')?.ids).toContain('c2');
  });

  it('returns nothing for fewer than two notes or empty notes', () => {
    expect(suggestGroups([])).toEqual([]);
    expect(suggestGroups([{ id: 'a', text: 'Cykelstier' }])).toEqual([]);
    expect(
      suggestGroups([
        { id: 'a', text: '' },
        { id: 'b', text: '   ' },
      ]),
    ).toEqual([]);
  });
});

describe('similarTo', () => {
  it('finds the notes most like a target, most similar first, with the shared words', () => {
    const found = similarTo({ id: 'new', text: 'Cykelstier ved skolerne' }, WORKSHOP);
    expect(found[0]?.id).toBe('cykel-1');
    expect(found.map((f) => f.id)).toContain('cykel-2');
    expect(found[0]?.terms).toContain('cykelstier');
    expect(found.some((f) => f.id === 'kaffe' || f.id === 'trees')).toBe(false);
  });

  it('never returns the target itself and honours the limit', () => {
    const found = similarTo(WORKSHOP[0] as SimilarityItem, WORKSHOP, { threshold: 0, limit: 1 });
    expect(found).toHaveLength(1);
    expect(found[0]?.id).not.toBe('cykel-1');
  });
});

describe('text features', () => {
  it('tells Danish from English by stopwords and spelling, and falls back when unsure', () => {
    expect(detectLanguage(wordsOf('det er for langt til skolen'), 'en')).toBe('da');
    expect(detectLanguage(wordsOf('the building permits are slow'), 'da')).toBe('en');
    expect(detectLanguage(wordsOf('cykel'), 'en')).toBe('en');
  });

  it('stems Danish words with the Snowball stemmer and finds compound parts', () => {
    const keys = (text: string) => noteFeatures(text, 'da').map((f) => f.key);
    expect(keys('cykelstier')).toContain('cykelsti');
    expect(keys('cykelsti')).toContain('cykelsti');
    expect(keys('cykelstier')).toContain('cykel');
    expect(noteFeatures('cykelstier', 'da').find((f) => f.key === 'cykel')?.part).toBe(true);
    expect(keys('og i for til')).toEqual([]);
    expect(keys('virksomhederne')).toEqual(keys('virksomheder'));
  });

  it('names a shared term by the common beginning of the words as written', () => {
    expect(commonBeginning(['cykelstier', 'cykelruter'])).toBe('cykel');
    expect(commonBeginning(['skolen'])).toBe('skolen');
    expect(commonBeginning([])).toBe('');
  });
});

// shared/ compiles without DOM or Node types; the test runs in Node, which has both.
declare const performance: { now(): number };
declare const console: { info(...args: unknown[]): void };

// A seeded generator, so the big board is the same on every run.
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SUBJECTS = [
  'cykelstier',
  'byggesager',
  'kantinen',
  'parkering',
  'virksomheder',
  'borgerservice',
  'skolebørn',
  'ventetid',
  'affald',
  'legepladser',
  'kontaktperson',
  'erhvervsservice',
  'hjemmesiden',
  'åbningstider',
  'sygefravær',
  'onboarding',
  'mødekultur',
  'kalender',
  'grønne områder',
  'busruter',
  'udeservering',
  'sagsbehandling',
  'tilladelser',
];
const VERBS = ['Bedre', 'Hurtigere', 'Flere', 'Færre', 'Nemmere', 'Sikre', 'Klare regler for', 'Fælles', 'Digitale'];
const TAILS = [
  'i kommunen',
  'for borgerne',
  'ved rådhuset',
  'til skolen',
  'på hverdage',
  'for nye medarbejdere',
  '',
  'i weekenden',
  'med én indgang',
  'så vi sparer tid',
];

describe('speed', () => {
  it('suggests groups for 2,000 notes locally (the time is printed and recorded in docs/performance.md)', () => {
    const random = seeded(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const items = Array.from({ length: 2000 }, (_, i) => ({
      id: `n${i}`,
      text: `${pick(VERBS)} ${pick(SUBJECTS)} ${pick(TAILS)}`.trim(),
    }));
    const started = performance.now();
    const groups = suggestGroups(items);
    const elapsed = performance.now() - started;
    console.info(`suggestGroups over 2,000 notes: ${elapsed.toFixed(0)} ms, ${groups.length} groups`);
    expect(groups.length).toBeGreaterThan(50);
    expect(groups.every((g) => g.ids.length <= 12 && g.terms.length > 0)).toBe(true);
  });
});
