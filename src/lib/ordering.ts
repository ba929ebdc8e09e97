/**
 * Every result order of Browse over the compact rows: the list sorts (newest or oldest first,
 * relevance, the shareable shuffle) and the column sorts of the field registry.
 */
import {
  COLUMN_SORTS,
  column,
  type BrowseRow,
  type Dictionaries,
  type DictionaryName,
  type SortEntry,
} from './fields.ts';
import type { BrowseState } from './browse-state.ts';
import type { FacetIndex, SearchHits } from './facets.ts';

/** A 32-bit integer hash (the finaliser of MurmurHash3) used as a counter-based PRNG. */
function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The shuffle key of a row under a seed. Each row's key depends only on (seed, index), so a
 * filtered subset keeps the relative order it has in the full shuffle.
 */
export function shuffleKey(seed: number, index: number): number {
  return mix32(mix32(seed ^ 0x9e3779b9) ^ Math.imul(index + 1, 0x632be5ab));
}

/** A fresh seed in [1, 2^31) from any source of randomness (the island passes Math.random). */
export function newSeed(random: () => number): number {
  return 1 + Math.floor(random() * (2 ** 31 - 2));
}

function lowestBit(mask: number): number {
  return mask === 0 ? -1 : 31 - Math.clz32(mask & -mask);
}

/** Compares two keys where -1 means "none": none sorts last in either direction. */
function byKey(a: number, b: number, desc: boolean): number {
  if (a === b) return 0;
  if (a < 0) return 1;
  if (b < 0) return -1;
  return desc ? b - a : a - b;
}

/**
 * The key function of a column sort: its own key, or by its column's kind: a mask by its lowest
 * bit (taxonomy order of the first code), a dictionary value by its alphabetical rank, anything
 * else by its value.
 */
function sortKey(spec: SortEntry, dict: Dictionaries): (row: BrowseRow) => number {
  if (spec.key) return spec.key;
  const name = spec.column;
  if (!name) throw new Error(`sort ${spec.id} names neither a key nor a column`);
  const source = column(name);
  if (source.kind === 'mask') return (row) => lowestBit(row[name]);
  if (source.kind === 'dictionary') {
    // Rank the dictionary's values alphabetically once, then sort by rank.
    const rank = dict[name as DictionaryName]
      .map((value, i) => ({ value, i }))
      .sort((x, y) => x.value.localeCompare(y.value, 'en'))
      .reduce((r, { i }, pos) => r.set(i, pos), new Map<number, number>());
    return (row) => rank.get(row[name]) ?? -1;
  }
  return (row) => row[name];
}

/**
 * Every row index in result order. Ties (and "relevance" without a query) fall back to the
 * canonical order, newest first. With search hits, "relevance" puts hits first by score.
 */
export function orderRows(
  index: Pick<FacetIndex, 'rows' | 'dict'>,
  sort: Pick<BrowseState, 'sort' | 'desc' | 'seed'>,
  hits: SearchHits | null,
): Int32Array {
  const { rows, dict } = index;
  const order = Int32Array.from(rows, (_, i) => i);
  switch (sort.sort) {
    case 'date-desc':
      // Canonical order is newest first already.
      return order;
    case 'date-asc':
      return order.reverse();
    case 'relevance': {
      if (!hits) return order;
      // Hits by score, then everything else in canonical order: only the hits need sorting.
      // The search worker sends its hits ranked; otherwise the scores are copied into a typed
      // array first: looking them up in the Map inside the comparator made this sort of some
      // 13,000 hits a long task on a phone.
      let ranked: Iterable<number> | undefined = hits.ranked;
      if (!ranked) {
        const byRow = new Float64Array(rows.length);
        for (const [i, s] of hits.score) if (i >= 0 && i < rows.length) byRow[i] = s;
        ranked = Int32Array.from(hits.score.keys()).sort(
          (a, b) => (byRow[b] ?? 0) - (byRow[a] ?? 0) || a - b,
        );
      }
      let p = 0;
      for (const i of ranked) order[p++] = i;
      for (let i = 0; i < rows.length; i++) if (hits.match[i] !== 1) order[p++] = i;
      return order;
    }
    case 'shuffle': {
      const keys = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) keys[i] = shuffleKey(sort.seed, i);
      return order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
    }
  }
  const spec = COLUMN_SORTS.find((s) => s.id === sort.sort);
  if (!spec) return order;
  const key = sortKey(spec, dict);
  // Doubles, not 32-bit integers, so that a long session's turn total sorts as it is instead of
  // wrapping past 2^31.
  const keys = Float64Array.from(order, (i) => {
    const row = rows[i];
    return row ? key(row) : -1;
  });
  return order.sort((a, b) => byKey(keys[a] ?? -1, keys[b] ?? -1, sort.desc) || a - b);
}

/**
 * The rows of one page in relevance order, from the search's ranked hits alone: the hits in
 * rank order that pass the view's other filters (`pass`, from `passingRows`), skipping the rows
 * of earlier pages. Ids out of range and repeats are left out, as the page's side of the search
 * leaves them out, so this is the page `orderRows` and `filterRows` list for that sort.
 */
export function relevancePage(
  ranked: ArrayLike<number>,
  pass: Uint8Array,
  skip: number,
  take: number,
): number[] {
  const page: number[] = [];
  const seen = new Uint8Array(pass.length);
  let passed = 0;
  for (let k = 0; k < ranked.length && page.length < take; k++) {
    const id = ranked[k] as number;
    if (!(id >= 0 && id < pass.length) || seen[id] === 1) continue;
    seen[id] = 1;
    if (pass[id] !== 1) continue;
    if (passed++ >= skip) page.push(id);
  }
  return page;
}

/**
 * The text chunks (`chunkSize` rows each) that some rows need, once each and in row order,
 * leaving out those already `had`.
 */
export function chunksOf(
  rows: readonly number[],
  chunkSize: number,
  had: (chunk: number) => boolean,
): number[] {
  const chunks: number[] = [];
  for (const row of rows) {
    const chunk = Math.floor(row / Math.max(1, chunkSize));
    if (!chunks.includes(chunk) && !had(chunk)) chunks.push(chunk);
  }
  return chunks;
}
