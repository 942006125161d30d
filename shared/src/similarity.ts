import { commonBeginning, dominantLanguage, noteFeatures, type TermFeature } from './textFeatures.js';

/**
 * Which notes (or ideas) say the same thing, computed locally: every text
 * becomes a TF-IDF vector over stemmed words and compound parts
 * (`textFeatures.ts`), and two texts are as similar as the cosine of their
 * vectors. Nothing is sent anywhere; a suggestion changes nothing until a
 * person accepts it.
 *
 * Grouping is agglomerative with average linkage, done greedily: pairs at or
 * above the threshold are taken strongest first, and two groups join only when
 * the average similarity over all their cross pairs still reaches the threshold
 * and the joined group is not larger than `maxGroupSize`. Average linkage keeps
 * one shared word from chaining a whole board into one group, which plain
 * connected components would do.
 */

export interface SimilarityItem {
  id: string;
  text: string;
}

export interface SuggestedGroup {
  /** Members in the order they were given. */
  ids: string[];
  /** The shared words that explain the suggestion, strongest first. */
  terms: string[];
  /** Average cosine similarity over the group's pairs, 0–1. */
  score: number;
}

export const DEFAULT_GROUP_THRESHOLD = 0.2;
export const DEFAULT_MAX_GROUP_SIZE = 12;
export const DEFAULT_SIMILAR_THRESHOLD = 0.15;
const MAX_TERMS = 5;
/** Pairs weaker than this count as unrelated in group averages (keeps memory bounded). */
const PAIR_FLOOR = 0.02;

interface Vectors {
  /** Per text: feature indices and their L2-normalised TF-IDF weights. */
  terms: Int32Array[];
  weights: Float64Array[];
  /** Per text: feature index → the word it was written as. */
  surfaces: Map<number, string>[];
  keys: string[];
  /** Per feature: the texts that have it, with their weights. */
  postings: { docs: number[]; weights: number[] }[];
}

function vectorise(texts: readonly string[]): Vectors {
  const language = dominantLanguage(texts);
  const index = new Map<string, number>();
  const keys: string[] = [];
  const raw = texts.map((text) => noteFeatures(text, language));
  const df: number[] = [];
  const rawTerms = raw.map((features) =>
    features.map((feature) => {
      let id = index.get(feature.key);
      if (id === undefined) {
        id = keys.length;
        index.set(feature.key, id);
        keys.push(feature.key);
        df.push(0);
      }
      df[id] = (df[id] ?? 0) + 1;
      return id;
    }),
  );
  const n = texts.length;
  dropLonelyParts(raw, rawTerms, df);
  const idf = df.map((count) => Math.log(1 + n / count));
  const postings = keys.map(() => ({ docs: [] as number[], weights: [] as number[] }));
  const terms: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const surfaces: Map<number, string>[] = [];
  raw.forEach((features, doc) => {
    const ids = rawTerms[doc] ?? [];
    const w = new Float64Array(features.length);
    let norm = 0;
    features.forEach((feature, k) => {
      const value = feature.weight * (idf[ids[k] ?? 0] ?? 0);
      w[k] = value;
      norm += value * value;
    });
    norm = Math.sqrt(norm) || 1;
    const surface = new Map<number, string>();
    features.forEach((feature, k) => {
      const id = ids[k] ?? 0;
      const value = (w[k] ?? 0) / norm;
      w[k] = value;
      surface.set(id, feature.surface);
      const posting = postings[id];
      if (posting) {
        posting.docs.push(doc);
        posting.weights.push(value);
      }
    });
    terms.push(Int32Array.from(ids));
    weights.push(w);
    surfaces.push(surface);
  });
  return { terms, weights, surfaces, keys, postings };
}

/**
 * Compound parts only help when another text has them too: a part no other
 * text shares would only dilute its word, and of nested parts that the same
 * texts share ("cyke", "cykel") only the longest is kept.
 */
function dropLonelyParts(raw: TermFeature[][], rawTerms: number[][], df: number[]): void {
  const counted = [...df];
  raw.forEach((features, doc) => {
    const ids = rawTerms[doc] ?? [];
    const keep = features.map((feature, k) => {
      if (!feature.part) return true;
      const count = counted[ids[k] ?? 0] ?? 0;
      if (count < 2) return false;
      return !features.some(
        (other, m) =>
          m !== k &&
          other.part &&
          other.key.length > feature.key.length &&
          other.key.startsWith(feature.key) &&
          (counted[ids[m] ?? 0] ?? 0) === count,
      );
    });
    ids.forEach((id, k) => {
      if (!keep[k]) df[id] = (df[id] ?? 1) - 1;
    });
    raw[doc] = features.filter((_, k) => keep[k]);
    rawTerms[doc] = ids.filter((_, k) => keep[k]);
  });
}

/** All pairs (i < j) with a similarity above the floor, as `i * n + j → score`. */
function pairScores(vectors: Vectors, n: number): Map<number, number> {
  const pairs = new Map<number, number>();
  const acc = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const ids = vectors.terms[i] ?? new Int32Array();
    const w = vectors.weights[i] ?? new Float64Array();
    for (let k = 0; k < ids.length; k += 1) {
      const posting = vectors.postings[ids[k] ?? 0];
      if (!posting) continue;
      const wi = w[k] ?? 0;
      for (let p = 0; p < posting.docs.length; p += 1) {
        const j = posting.docs[p] ?? 0;
        if (j <= i) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] = (acc[j] ?? 0) + wi * (posting.weights[p] ?? 0);
      }
    }
    for (const j of touched) {
      const score = acc[j] ?? 0;
      if (score >= PAIR_FLOOR) pairs.set(i * n + j, Math.min(1, score));
      acc[j] = 0;
    }
    touched.length = 0;
  }
  return pairs;
}

/**
 * The pairs at or above the threshold, strongest first. A counting sort over
 * scores rounded to 1/10,000: hundreds of thousands of pairs sort in a few
 * milliseconds, and ties keep a stable order.
 */
function strongestFirst(pairs: Map<number, number>, threshold: number): number[] {
  const STEPS = 10_000;
  const buckets: number[][] = [];
  for (const [pair, s] of pairs) {
    if (s < threshold) continue;
    const bucket = STEPS - Math.round(s * STEPS);
    const list = buckets[bucket];
    if (list) list.push(pair);
    else buckets[bucket] = [pair];
  }
  const out: number[] = [];
  for (const bucket of buckets) if (bucket) for (const pair of bucket) out.push(pair);
  return out;
}

/**
 * The words that explain why texts belong together: features that at least two
 * of them share, shown as the common beginning of the words as written
 * ("cykelstier" + "cykelruter" → "cykel").
 */
function sharedTerms(vectors: Vectors, members: readonly number[]): string[] {
  const byFeature = new Map<number, { count: number; weight: number; words: string[] }>();
  for (const doc of members) {
    const ids = vectors.terms[doc] ?? new Int32Array();
    const w = vectors.weights[doc] ?? new Float64Array();
    ids.forEach((id, k) => {
      const entry = byFeature.get(id) ?? { count: 0, weight: 0, words: [] };
      entry.count += 1;
      entry.weight += w[k] ?? 0;
      const word = vectors.surfaces[doc]?.get(id);
      if (word !== undefined) entry.words.push(word);
      byFeature.set(id, entry);
    });
  }
  const best = new Map<string, { count: number; weight: number }>();
  for (const [id, entry] of byFeature) {
    if (entry.count < 2) continue;
    const key = vectors.keys[id] ?? '';
    let label = commonBeginning(entry.words);
    if (label.length < 3) label = key;
    const known = best.get(label);
    if (!known || entry.count > known.count || (entry.count === known.count && entry.weight > known.weight))
      best.set(label, { count: entry.count, weight: entry.weight });
  }
  const ranked = [...best.entries()].sort((a, b) => b[1].count - a[1].count || b[1].weight - a[1].weight);
  // "skole" says nothing more when "skolebørn" is shared by as many.
  const labels = ranked.filter(
    ([label, entry]) =>
      !ranked.some(([other, o]) => other !== label && other.startsWith(label) && o.count >= entry.count),
  );
  return labels.slice(0, MAX_TERMS).map(([label]) => label);
}

/**
 * Suggests groups of items that say the same thing (two or more members each),
 * larger groups first. An item is in at most one group; items with nothing in
 * common with others are left out.
 */
export function suggestGroups(
  items: SimilarityItem[],
  options?: { threshold?: number; maxGroupSize?: number },
): SuggestedGroup[] {
  const threshold = options?.threshold ?? DEFAULT_GROUP_THRESHOLD;
  const maxGroupSize = Math.max(2, options?.maxGroupSize ?? DEFAULT_MAX_GROUP_SIZE);
  const n = items.length;
  if (n < 2) return [];
  const vectors = vectorise(items.map((item) => item.text));
  const pairs = pairScores(vectors, n);
  const score = (a: number, b: number) => (a < b ? pairs.get(a * n + b) : pairs.get(b * n + a)) ?? 0;

  const edges = strongestFirst(pairs, threshold);
  const groupOf = new Int32Array(n).map((_, i) => i);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) members.set(i, [i]);

  // Two groups that did not join stay apart until one of them changes.
  const version = new Int32Array(n);
  const refused = new Set<string>();
  for (const pair of edges) {
    const a = groupOf[Math.floor(pair / n)] ?? 0;
    const b = groupOf[pair % n] ?? 0;
    if (a === b) continue;
    const left = members.get(a) ?? [];
    const right = members.get(b) ?? [];
    if (left.length + right.length > maxGroupSize) continue;
    const key = a < b ? `${a}.${version[a]}|${b}.${version[b]}` : `${b}.${version[b]}|${a}.${version[a]}`;
    if (refused.has(key)) continue;
    let sum = 0;
    for (const x of left) for (const y of right) sum += score(x, y);
    if (sum / (left.length * right.length) < threshold) {
      refused.add(key);
      continue;
    }
    const [keep, drop] = left.length >= right.length ? [a, b] : [b, a];
    const joined = [...left, ...right];
    for (const doc of members.get(drop) ?? []) groupOf[doc] = keep;
    members.set(keep, joined);
    version[keep] = (version[keep] ?? 0) + 1;
    members.delete(drop);
  }

  const groups: SuggestedGroup[] = [];
  for (const docs of members.values()) {
    if (docs.length < 2) continue;
    docs.sort((x, y) => x - y);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < docs.length; i += 1)
      for (let j = i + 1; j < docs.length; j += 1) {
        sum += score(docs[i] ?? 0, docs[j] ?? 0);
        count += 1;
      }
    groups.push({
      ids: docs.map((doc) => items[doc]?.id ?? ''),
      terms: sharedTerms(vectors, docs),
      score: count ? sum / count : 0,
    });
  }
  return groups.sort(
    (x, y) => y.ids.length - x.ids.length || y.score - x.score || (x.ids[0] ?? '').localeCompare(y.ids[0] ?? ''),
  );
}

/**
 * The items most like `target`, most similar first, with the words they share
 * with it. The target itself (same id) is never among them.
 */
export function similarTo(
  target: SimilarityItem,
  items: SimilarityItem[],
  options?: { threshold?: number; limit?: number },
): Array<{ id: string; score: number; terms: string[] }> {
  const threshold = options?.threshold ?? DEFAULT_SIMILAR_THRESHOLD;
  const limit = options?.limit ?? 10;
  const others = items.filter((item) => item.id !== target.id);
  if (others.length === 0) return [];
  const vectors = vectorise([target.text, ...others.map((item) => item.text)]);
  const targetWeights = new Map<number, number>();
  const targetTerms = vectors.terms[0] ?? new Int32Array();
  targetTerms.forEach((id, k) => {
    targetWeights.set(id, vectors.weights[0]?.[k] ?? 0);
  });
  const found: Array<{ id: string; score: number; terms: string[] }> = [];
  others.forEach((item, index) => {
    const doc = index + 1;
    const ids = vectors.terms[doc] ?? new Int32Array();
    let dot = 0;
    ids.forEach((id, k) => {
      dot += (targetWeights.get(id) ?? 0) * (vectors.weights[doc]?.[k] ?? 0);
    });
    if (dot >= threshold && dot > 0)
      found.push({ id: item.id, score: Math.min(1, dot), terms: sharedTerms(vectors, [0, doc]) });
  });
  return found.sort((a, b) => b.score - a.score).slice(0, Math.max(0, limit));
}
