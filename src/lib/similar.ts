/**
 * Similar episodes: for every episode, up to five VALID episodes of other sessions that share its
 * labels, its agent or platform, and its wording. Computed once per build over all episodes.
 *
 * Text similarity is the cosine of TF-IDF vectors of title and description, tokenised with the
 * search's own tokeniser. So that the pass stays close to linear, each episode is compared through
 * an inverted index: its `queryTerms` most distinctive terms are looked up, and each term's
 * postings are cut to the `postingsPerTerm` episodes in which the term weighs most. On a real
 * release most terms are rare and nothing is cut; on a small synthetic vocabulary the cut makes the
 * text score a lower bound of the cosine, and shared labels decide the order.
 */
import { sessionId } from './ids.ts';
import type { Episode } from './schema.ts';
import { processTerm, tokenize } from './search-options.ts';

export interface SimilarEpisode {
  episode: Episode;
  /** The combined score, 0–1. */
  score: number;
  /** Symptom and cause codes both episodes carry. */
  sharedLabels: string[];
  sameAgent: boolean;
  samePlatform: boolean;
  /** Cosine similarity of the two episodes' wording, 0–1. */
  text: number;
}

/** How much each kind of likeness counts towards the score (they sum to 1). */
export const SIMILARITY_WEIGHTS = { text: 0.5, labels: 0.35, agent: 0.1, platform: 0.05 } as const;

export interface SimilarOptions {
  /** Most similar episodes kept per episode. */
  limit?: number;
  /** Terms of an episode looked up in the index (its heaviest). */
  queryTerms?: number;
  /** Postings kept per term (the heaviest). */
  postingsPerTerm?: number;
}

/** The symptom and cause codes of an episode (none when it has no annotation). */
function labelSet(episode: Episode): string[] {
  const a = episode.annotation;
  return a ? [...a.symptom.labels, ...a.cause.labels.map((c) => c.code)] : [];
}

/** Term counts of an episode's title (counted twice: it is the summary) and description. */
function termCounts(episode: Episode): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const token of tokenize(text)) {
      const term = processTerm(token);
      if (term) counts.set(term, (counts.get(term) ?? 0) + weight);
    }
  };
  add(episode.name, 2);
  add(episode.description, 1);
  return counts;
}

/** Unit-length TF-IDF vectors (log-scaled term frequency), heaviest term first. */
function tfidfVectors(episodes: readonly Episode[]): Array<Array<[string, number]>> {
  const counts = episodes.map(termCounts);
  const df = new Map<string, number>();
  for (const doc of counts) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = episodes.length;
  return counts.map((doc) => {
    const vector: Array<[string, number]> = [];
    let norm = 0;
    for (const [term, tf] of doc) {
      const f = df.get(term) ?? 0;
      // A term only one episode has cannot make two alike; one every episode has weighs nothing.
      if (f < 2 || f === n) continue;
      const weight = (1 + Math.log(tf)) * Math.log(n / f);
      vector.push([term, weight]);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    return vector
      .map(([term, w]): [string, number] => [term, w / norm])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  });
}

/** Per term, the episodes carrying it as parallel arrays, heaviest first, cut to `keep`. */
function invertedIndex(vectors: Array<Array<[string, number]>>, keep: number) {
  const postings = new Map<string, Array<{ doc: number; weight: number }>>();
  vectors.forEach((vector, doc) => {
    for (const [term, weight] of vector) {
      const list = postings.get(term) ?? [];
      list.push({ doc, weight });
      postings.set(term, list);
    }
  });
  const index = new Map<string, { docs: Int32Array; weights: Float64Array }>();
  for (const [term, list] of postings) {
    list.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
    const kept = list.slice(0, keep);
    index.set(term, {
      docs: Int32Array.from(kept, (p) => p.doc),
      weights: Float64Array.from(kept, (p) => p.weight),
    });
  }
  return index;
}

/** Symptom and cause codes as bits of one number, so overlap is two bit operations. */
function labelBits(episodes: readonly Episode[]): { bits: Int32Array; codes: string[] } {
  const codes: string[] = [];
  const bits = Int32Array.from(episodes, (episode) => {
    let mask = 0;
    for (const code of labelSet(episode)) {
      let bit = codes.indexOf(code);
      if (bit < 0) bit = codes.push(code) - 1;
      mask |= 1 << bit;
    }
    return mask;
  });
  return { bits, codes };
}

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count += 1;
  return count;
}

/** Each value's position in the list of distinct values, so comparisons are of numbers. */
function ordinals(values: readonly string[]): Int32Array {
  const seen = new Map<string, number>();
  return Int32Array.from(values, (v) => {
    let n = seen.get(v);
    if (n === undefined) seen.set(v, (n = seen.size));
    return n;
  });
}

interface Ranked {
  j: number;
  score: number;
  text: number;
}

/**
 * Up to `limit` similar episodes per episode id, most similar first (ties by id). Only VALID
 * episodes are suggested, never one of the same session (the page lists those already). An
 * annotated episode's suggestions share at least one symptom or cause with it.
 */
export function similarIndex(
  episodes: readonly Episode[],
  { limit = 5, queryTerms = 12, postingsPerTerm = 128 }: SimilarOptions = {},
): Map<string, SimilarEpisode[]> {
  const vectors = tfidfVectors(episodes);
  const postings = invertedIndex(vectors, postingsPerTerm);
  const { bits, codes } = labelBits(episodes);
  const sessions = ordinals(episodes.map((e) => sessionId(e.key)));
  const agents = ordinals(episodes.map((e) => e.agent));
  const platforms = ordinals(episodes.map((e) => e.platform));
  const suggestable = episodes.map((e) => e.validation.label === 'VALID');
  const textScore = new Float64Array(episodes.length);
  const touched = new Int32Array(episodes.length);
  const result = new Map<string, SimilarEpisode[]>();
  const ranksAbove = (b: Ranked, score: number, j: number) =>
    b.score > score ||
    (b.score === score && (episodes[b.j] as Episode).id < (episodes[j] as Episode).id);
  episodes.forEach((episode, i) => {
    let nTouched = 0;
    for (const [term, weight] of (vectors[i] ?? []).slice(0, queryTerms)) {
      const list = postings.get(term);
      if (!list) continue;
      for (let k = 0; k < list.docs.length; k++) {
        const doc = list.docs[k] as number;
        if (textScore[doc] === 0) touched[nTouched++] = doc;
        textScore[doc] = (textScore[doc] ?? 0) + weight * (list.weights[k] as number);
      }
    }
    const own = bits[i] ?? 0;
    // The best `limit` so far, best first: a short insertion list beats sorting every candidate.
    const best: Ranked[] = [];
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t] as number;
      const text = Math.min(1, textScore[j] ?? 0);
      textScore[j] = 0;
      if (j === i || !suggestable[j] || sessions[j] === sessions[i]) continue;
      const theirs = bits[j] ?? 0;
      const common = popcount(own & theirs);
      if (own !== 0 && common === 0) continue;
      const union = popcount(own | theirs);
      const score =
        SIMILARITY_WEIGHTS.text * text +
        SIMILARITY_WEIGHTS.labels * (union ? common / union : 0) +
        SIMILARITY_WEIGHTS.agent * Number(agents[j] === agents[i]) +
        SIMILARITY_WEIGHTS.platform * Number(platforms[j] === platforms[i]);
      let at = best.length;
      while (at > 0 && !ranksAbove(best[at - 1] as Ranked, score, j)) at -= 1;
      if (at < limit) {
        best.splice(at, 0, { j, score, text });
        if (best.length > limit) best.pop();
      }
    }
    result.set(
      episode.id,
      best.map(({ j, score, text }) => {
        const other = episodes[j] as Episode;
        const common = (bits[i] ?? 0) & (bits[j] ?? 0);
        return {
          episode: other,
          score,
          sharedLabels: codes.filter((_, bit) => common & (1 << bit)),
          sameAgent: other.agent === episode.agent,
          samePlatform: other.platform === episode.platform,
          text,
        };
      }),
    );
  });
  return result;
}

/** A similar episode as the data step stores it: the episode by id, the rest as computed. */
export type SimilarLink = Omit<SimilarEpisode, 'episode'> & { id: string };

/** Every episode's similar episodes by id, for the data step to write as one file. */
export function similarLinks(
  episodes: readonly Episode[],
  options?: SimilarOptions,
): Record<string, SimilarLink[]> {
  const links: Record<string, SimilarLink[]> = {};
  for (const [id, list] of similarIndex(episodes, options))
    links[id] = list.map(({ episode, ...rest }) => ({ id: episode.id, ...rest }));
  return links;
}

/**
 * Why an episode is suggested, as short phrases for its one line: "shares S3, C3", "same agent"
 * (or "same platform"), "similar wording". The codes are the current episode's own, named in its
 * annotation above.
 */
export function similarReasons(s: SimilarEpisode): string[] {
  const reasons: string[] = [];
  if (s.sharedLabels.length > 0) reasons.push(`shares ${s.sharedLabels.join(', ')}`);
  if (s.sameAgent) reasons.push('same agent');
  else if (s.samePlatform) reasons.push('same platform');
  if (s.text >= 0.1) reasons.push('similar wording');
  return reasons;
}
