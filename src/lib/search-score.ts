/**
 * Scores a query over the packed postings of the search shards (src/lib/search-shards.ts), as
 * MiniSearch's `search` would over an engine loaded from the same shards, without building one:
 * the same BM25+ formula and parameters, the same prefix and fuzzy weights, field boosts and
 * AND combination (`QUERY_OPTIONS`), computed over typed arrays. The per-document tables come
 * from the base once, decoded postings are kept per term, and the result is a few arrays (every
 * hit's id, score, matched terms and fields) rather than thousands of objects.
 *
 * The scores are MiniSearch's up to floating-point rounding: a document's contributions are
 * added in the same order, except that the terms a prefix or typo derives are taken in
 * alphabetical order, not in the order of MiniSearch's radix tree. tests/unit/search-score.test.ts
 * compares the two over many queries.
 */
import type { SearchOptions } from 'minisearch';
import { processTerm, QUERY_OPTIONS, tokenize } from './search-options.ts';
import { dequantiseLength, type SearchBase, type SearchShard } from './search-shards.ts';

/** The per-document tables of the base: documents, average and per-document field lengths. */
export interface ScoringBase {
  documentCount: number;
  fields: readonly string[];
  averageFieldLength: readonly number[];
  /** Per field, every document's (dequantised) length. */
  fieldLength: Float64Array[];
}

export function scoringBase(base: SearchBase): ScoringBase {
  const known = new Map<string, number>();
  const fieldLength = base.lengths.map((chars) => {
    const lengths = new Float64Array(base.documentCount);
    for (let doc = 0; doc < base.documentCount; doc++) {
      const char = chars.charAt(doc);
      let length = known.get(char);
      if (length === undefined) {
        length = dequantiseLength(char);
        known.set(char, length);
      }
      lengths[doc] = length;
    }
    return lengths;
  });
  return {
    documentCount: base.documentCount,
    fields: base.fields,
    averageFieldLength: base.averageFieldLength,
    fieldLength,
  };
}

/** One term's postings, ordered by document then field. */
export interface Postings {
  docs: Int32Array;
  fields: Uint8Array;
  freqs: Int32Array;
  /** Per field, how many documents hold the term there. */
  perField: Int32Array;
}

/** Decodes `packPostings`' base64 varints into arrays. */
export function decodePostings(packed: string, fieldCount: number): Postings {
  const binary = atob(packed);
  // At least two bytes per posting.
  const capacity = binary.length >> 1;
  const docs = new Int32Array(capacity);
  const fields = new Uint8Array(capacity);
  const freqs = new Int32Array(capacity);
  const perField = new Int32Array(Math.max(fieldCount, 8));
  let at = 0;
  let doc = 0;
  let n = 0;
  while (at < binary.length) {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = binary.charCodeAt(at++);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    doc += value;
    let code = 0;
    scale = 1;
    for (;;) {
      const byte = binary.charCodeAt(at++);
      code += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    const field = code % 8;
    docs[n] = doc;
    fields[n] = field;
    freqs[n] = Math.floor(code / 8);
    perField[field] = (perField[field] ?? 0) + 1;
    n++;
  }
  return {
    docs: docs.subarray(0, n),
    fields: fields.subarray(0, n),
    freqs: freqs.subarray(0, n),
    perField,
  };
}

/** The terms an engine loaded from some shards would hold, with their postings. */
export class ShardTerms {
  readonly #packed = new Map<string, string>();
  readonly #decoded: Map<string, Postings>;
  readonly #fieldCount: number;
  /** Every term, sorted. */
  readonly terms: readonly string[];

  /** `decoded`: postings already decoded, shared between sets of shards. */
  constructor(
    shards: Iterable<SearchShard>,
    fieldCount: number,
    decoded = new Map<string, Postings>(),
  ) {
    this.#fieldCount = fieldCount;
    this.#decoded = decoded;
    for (const shard of shards) for (const [term, packed] of shard) this.#packed.set(term, packed);
    this.terms = [...this.#packed.keys()].sort(compareStrings);
  }

  has(term: string): boolean {
    return this.#packed.has(term);
  }

  postings(term: string): Postings | undefined {
    let postings = this.#decoded.get(term);
    if (postings) return postings;
    const packed = this.#packed.get(term);
    if (packed === undefined) return undefined;
    postings = decodePostings(packed, this.#fieldCount);
    this.#decoded.set(term, postings);
    return postings;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first position in `sorted` whose string is not less than `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Levenshtein distance over UTF-16 code units, or `max + 1` once it must exceed `max`. */
function editDistance(a: string, b: string, max: number, row: Int32Array): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    let best = i;
    const char = b.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const above = row[j] ?? 0;
      const cost = a.charCodeAt(j - 1) === char ? 0 : 1;
      const value = Math.min(diagonal + cost, above + 1, (row[j - 1] ?? 0) + 1);
      row[j] = value;
      diagonal = above;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
  }
  return row[n] ?? max + 1;
}

/** A term a query term matches, with its weight. */
interface Derived {
  term: string;
  weight: number;
}

/**
 * The terms a query term matches, in the order their contributions are added: the term itself,
 * the longer terms it is a prefix of, then the terms within its typo distance (MiniSearch's
 * `executeQuerySpec`).
 */
function deriveTerms(
  source: ShardTerms,
  query: string,
  prefix: boolean,
  fuzzy: number | boolean,
  weights: { fuzzy: number; prefix: number },
  maxFuzzy: number,
): Derived[] {
  const derived: Derived[] = [];
  if (source.has(query)) derived.push({ term: query, weight: 1 });
  const prefixed = new Set<string>();
  const terms = source.terms;
  if (prefix) {
    for (let at = lowerBound(terms, query); at < terms.length; at++) {
      const term = terms[at] as string;
      if (!term.startsWith(query)) break;
      if (term.length === query.length) continue;
      const distance = term.length - query.length;
      prefixed.add(term);
      derived.push({
        term,
        weight: (weights.prefix * term.length) / (term.length + 0.3 * distance),
      });
    }
  }
  if (fuzzy !== false) {
    const ratio = fuzzy === true ? 0.2 : fuzzy;
    const maxDistance = ratio < 1 ? Math.min(maxFuzzy, Math.round(query.length * ratio)) : ratio;
    if (maxDistance) {
      const row = new Int32Array(query.length + 1);
      for (const term of terms) {
        if (prefixed.has(term) || term === query) continue;
        const distance = editDistance(query, term, maxDistance, row);
        if (distance > maxDistance || distance === 0) continue;
        derived.push({ term, weight: (weights.fuzzy * term.length) / (term.length + distance) });
      }
    }
  }
  return derived;
}

/** Every hit of a query, in document (id) order unless ranked. */
export interface Scored {
  ids: Int32Array;
  scores: Float64Array;
  /** Per hit, the matched terms (index into `termSets`). */
  termSet: Int32Array;
  /** The distinct lists of matched terms, as MiniSearch's `terms` of a result. */
  termSets: string[][];
  /** Per hit, the matched fields, a bitmask over the base's fields. */
  fields: Uint16Array;
}

/** No hits, in arrays of their own (a reply transfers its arrays' buffers away). */
export function noHits(): Scored {
  return {
    ids: new Int32Array(0),
    scores: new Float64Array(0),
    termSet: new Int32Array(0),
    termSets: [],
    fields: new Uint16Array(0),
  };
}

/** Whether a key is an array index, which `Object.keys` lists first, in numeric order. */
function isIndexKey(key: string): boolean {
  if (!/^(?:0|[1-9]\d{0,9})$/.test(key)) return false;
  return Number(key) < 4294967295;
}

/** MiniSearch's order of a result's matched terms (`Object.keys` of its match object). */
function keyOrder(terms: string[]): string[] {
  if (!terms.some(isIndexKey)) return terms;
  const indexes = terms.filter(isIndexKey).sort((a, b) => Number(a) - Number(b));
  return [...indexes, ...terms.filter((term) => !isIndexKey(term))];
}

const UNSUPPORTED = ['fields', 'filter', 'boostDocument', 'boostTerm', 'tokenize', 'processTerm'];

/**
 * Scores `query` over the terms of `source` (the shards the query needs), as MiniSearch's
 * `search(query)` with `options` would over an engine loaded from those shards.
 */
export function scoreQuery(
  base: ScoringBase,
  source: ShardTerms,
  query: string,
  options: SearchOptions = QUERY_OPTIONS,
): Scored {
  for (const key of UNSUPPORTED)
    if (key in options) throw new Error(`search option ${key} is not supported`);
  // Only AND is implemented: a document must match every query term.
  if ((options.combineWith ?? 'OR').toLowerCase() !== 'and')
    throw new Error(`combineWith ${String(options.combineWith)} is not supported`);
  const queryTerms = tokenize(query).flatMap((token) => processTerm(token) ?? []);
  if (queryTerms.length === 0) return noHits();
  const { k, b, d } = options.bm25 ?? { k: 1.2, b: 0.7, d: 0.5 };
  const weights = { fuzzy: 0.45, prefix: 0.375, ...options.weights };
  const maxFuzzy = options.maxFuzzy ?? 6;
  const boost = base.fields.map((field) => {
    const value = options.boost && Object.hasOwn(options.boost, field) ? options.boost[field] : 0;
    return value || 1;
  });
  const n = base.documentCount;
  const total = new Float64Array(n);
  const termScore = new Float64Array(n);
  /** The query term (1-based) a document was last scored for. */
  const seen = new Int32Array(n);
  /** How many query terms matched a document so far. */
  const matched = new Int32Array(n);
  const allDerived: Derived[] = [];

  queryTerms.forEach((term, q) => {
    const stamp = q + 1;
    const prefix =
      typeof options.prefix === 'function'
        ? options.prefix(term, q, queryTerms)
        : options.prefix === true;
    const fuzzy =
      typeof options.fuzzy === 'function'
        ? options.fuzzy(term, q, queryTerms)
        : (options.fuzzy ?? false);
    const derived = deriveTerms(source, term, prefix, fuzzy, weights, maxFuzzy);
    allDerived.push(...derived);
    const touched: number[] = [];
    for (const { term: derivedTerm, weight } of derived) {
      const postings = source.postings(derivedTerm);
      if (!postings) continue;
      const { docs, fields, freqs, perField } = postings;
      for (let p = 0; p < docs.length; p++) {
        const doc = docs[p] as number;
        const field = fields[p] as number;
        const termFreq = freqs[p] as number;
        const matchingCount = perField[field] as number;
        const fieldLength = base.fieldLength[field]?.[doc] ?? 0;
        const avgFieldLength = base.averageFieldLength[field] ?? 0;
        // MiniSearch's calcBM25Score and weighting, operation for operation.
        const invDocFreq = Math.log(1 + (n - matchingCount + 0.5) / (matchingCount + 0.5));
        const rawScore =
          invDocFreq *
          (d +
            (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
        const weighted = weight * 1 * (boost[field] as number) * 1 * rawScore;
        if (seen[doc] === stamp) termScore[doc] = (termScore[doc] as number) + weighted;
        else {
          seen[doc] = stamp;
          termScore[doc] = weighted;
          touched.push(doc);
        }
      }
    }
    for (const doc of touched) {
      if (matched[doc] !== q) continue;
      const score = termScore[doc] as number;
      total[doc] = q === 0 ? score : (total[doc] as number) + score;
      matched[doc] = q + 1;
    }
  });

  const need = queryTerms.length;
  let count = 0;
  for (let doc = 0; doc < n; doc++) if ((matched[doc] as number) >= need) count++;
  if (count === 0) return noHits();

  // Matched terms and fields per hit, from the derived terms in the order MiniSearch meets them.
  const order: string[] = [];
  const position = new Map<string, number>();
  for (const { term } of allDerived) {
    if (!position.has(term)) position.set(term, order.push(term) - 1);
  }
  const fieldMask = new Uint16Array(count);
  const hitTerms: number[][] = [];
  const slot = new Int32Array(n).fill(-1);
  const ids = new Int32Array(count);
  let h = 0;
  for (let doc = 0; doc < n; doc++) {
    if ((matched[doc] as number) >= need) {
      slot[doc] = h;
      ids[h++] = doc;
      hitTerms.push([]);
    }
  }
  for (let t = 0; t < order.length; t++) {
    const postings = source.postings(order[t] as string);
    if (!postings) continue;
    const { docs, fields } = postings;
    for (let p = 0; p < docs.length; p++) {
      const at = slot[docs[p] as number] as number;
      if (at < 0) continue;
      fieldMask[at] = (fieldMask[at] as number) | (1 << (fields[p] as number));
      const list = hitTerms[at] as number[];
      if (list[list.length - 1] !== t) list.push(t);
    }
  }
  // MiniSearch multiplies by the number of distinct query terms the document matched: all.
  const quality = new Set(queryTerms).size;
  const scores = new Float64Array(count);
  const termSet = new Int32Array(count);
  const termSets: string[][] = [];
  const setIndex = new Map<string, number>();
  for (let at = 0; at < count; at++) {
    scores[at] = (total[ids[at] as number] as number) * quality;
    const list = hitTerms[at] as number[];
    const key = list.join(' ');
    let set = setIndex.get(key);
    if (set === undefined) {
      set = termSets.push(keyOrder(list.map((t) => order[t] as string))) - 1;
      setIndex.set(key, set);
    }
    termSet[at] = set;
  }
  return { ids, scores, termSet, termSets, fields: fieldMask };
}

/**
 * The hits best first, ties by id: the order Browse ranks them in (src/lib/ordering.ts), so that
 * the page need not sort thousands of hits itself.
 */
export function rankScored(scored: Scored): Scored {
  const { ids, scores, termSet, fields } = scored;
  const n = ids.length;
  // A native sort of the scores, then each hit's place: after every higher score, and after the
  // hits of its own score that come before it (the hits come in id order). No comparator calls.
  const ascending = Float64Array.from(scores).sort();
  const taken = new Int32Array(n + 1);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const score = scores[k] as number;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ascending[mid] as number) <= score) lo = mid + 1;
      else hi = mid;
    }
    order[n - lo + (taken[lo] as number)] = k;
    taken[lo] = (taken[lo] as number) + 1;
  }
  const ranked: Scored = {
    ids: new Int32Array(n),
    scores: new Float64Array(n),
    termSet: new Int32Array(n),
    termSets: scored.termSets,
    fields: new Uint16Array(n),
  };
  for (let to = 0; to < n; to++) {
    const from = order[to] as number;
    ranked.ids[to] = ids[from] as number;
    ranked.scores[to] = scores[from] as number;
    ranked.termSet[to] = termSet[from] as number;
    ranked.fields[to] = fields[from] as number;
  }
  return ranked;
}
