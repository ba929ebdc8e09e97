/**
 * The filter engine of Browse over the compact rows: filtering (OR within a facet, AND across
 * facets), disjunctive counts, the facet panel's order and the zero-result hint. Pure and
 * DOM-free; the island only wires it to the URL. Facets come from `facet-defs.ts`, orders from
 * `ordering.ts`.
 *
 * The hot path (`filterRows`, on every facet click) first counts, column by column, how many active
 * filters reject each row. Rows rejected by none are results and count towards every facet; rows
 * rejected by exactly one filter count towards that facet only (the disjunctive count) and towards
 * the "drop this filter" hint. Rows rejected by two or more are skipped.
 */
import type { BrowseState } from './browse-state.ts';
import { dayOf } from './dates.ts';
import { facetDefs, type FacetDef, type FacetValue } from './facet-defs.ts';
import type { BrowseRow, Dictionaries, FacetKey } from './fields.ts';

/** Everything Browse computes over, built once when the browse file arrives. */
export interface FacetIndex {
  rows: readonly BrowseRow[];
  dict: Dictionaries;
  defs: readonly FacetDef[];
  /** Per facet, per row: the value index (single) or bitmask (mask). */
  columns: Readonly<Record<FacetKey, Int32Array>>;
  /** Per facet: value indexes in display order (taxonomy order, or most frequent first). */
  naturalOrder: Readonly<Record<FacetKey, readonly number[]>>;
  /** Per row: days since the epoch. */
  days: Int32Array;
  /** First and last day in the data, or -1 with no rows. */
  minDay: number;
  maxDay: number;
}

/** Builds the facet index over decoded rows (in canonical order). */
export function buildFacetIndex(rows: readonly BrowseRow[], dict: Dictionaries): FacetIndex {
  const steps = facetIndexSteps(rows, dict);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * `buildFacetIndex` one facet at a time: it pauses after each facet's column, so a browser can
 * spread the work over several tasks (tens of milliseconds at 16,000 episodes on a phone).
 */
export function* facetIndexSteps(
  rows: readonly BrowseRow[],
  dict: Dictionaries,
): Generator<void, FacetIndex> {
  const defs = facetDefs(dict);
  const columns = {} as Record<FacetKey, Int32Array>;
  const naturalOrder = {} as Record<FacetKey, number[]>;
  for (const def of defs) {
    yield;
    const column = Int32Array.from(rows, def.value);
    columns[def.key] = column;
    const order = def.values.map((_, i) => i);
    if (def.collapsible) {
      // Open-ended facets read best most frequent first; the order is fixed at load so that
      // checkboxes do not jump around as other filters change.
      const totals = new Array<number>(def.values.length).fill(0);
      for (const value of column)
        if (value >= 0 && value < totals.length) totals[value] = (totals[value] ?? 0) + 1;
      order.sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a - b);
    }
    naturalOrder[def.key] = order;
  }
  let minDay = -1;
  let maxDay = -1;
  for (const row of rows) {
    if (minDay === -1 || row.day < minDay) minDay = row.day;
    if (maxDay === -1 || row.day > maxDay) maxDay = row.day;
  }
  const days = Int32Array.from(rows, (row) => row.day);
  return { rows, dict, defs, columns, naturalOrder, days, minDay, maxDay };
}

/** A filter that can be dropped as a whole: a facet, the date range or the search query. */
export type FilterId = FacetKey | 'date' | 'query';

/** The search side of a query: which rows match, with their scores. */
export interface SearchHits {
  /** `match[i] === 1` when row i matches the query. */
  match: Uint8Array;
  /** Relevance per matching row index. */
  score: ReadonlyMap<number, number>;
  /** The matching rows best first, ties by row index, when the search has ranked them. */
  ranked?: Int32Array;
}

/** What `filterRows` produces. */
export interface FilterResult {
  /** Matching row indexes, in the order given. */
  matches: number[];
  /** Per facet, per value index: rows matching every OTHER active filter and this value. */
  counts: Record<FacetKey, Int32Array>;
  /** Per active filter: how many rows would match if it alone were dropped. */
  dropGain: Partial<Record<FilterId, number>>;
}

interface ActiveFacet {
  key: FacetKey;
  column: Int32Array;
  kind: FacetDef['kind'];
  /** For mask facets: OR of the selected bits. */
  mask: number;
  /** For single facets: `set[v] === 1` when value v is selected. */
  set: Uint8Array;
}

function dayBound(date: string, fallback: number): number {
  return date ? dayOf(`${date} 00:00:00`) : fallback;
}

/** The active filters of a state, compiled against the index (unknown codes match nothing). */
function compile(index: FacetIndex, state: Pick<BrowseState, 'filters'>): ActiveFacet[] {
  const active: ActiveFacet[] = [];
  for (const def of index.defs) {
    const codes = state.filters[def.key];
    if (!codes || codes.length === 0) continue;
    const set = new Uint8Array(def.values.length);
    let mask = 0;
    def.values.forEach((value, i) => {
      if (!codes.includes(value.code)) return;
      set[i] = 1;
      mask |= 1 << i;
    });
    active.push({ key: def.key, column: index.columns[def.key], kind: def.kind, mask, set });
  }
  return active;
}

/**
 * Where each row stands against the active filters: `fails[i]` is how many reject row i (0, 1, or 2
 * for two or more) and `by[i]` the last that did, which is the one when only one did (an active
 * facet's place in `active`, then the date range, then the query). One loop per filter.
 *
 * Every loop over the rows is a small function of its own, run whole on every call. A browser
 * compiles a loop still running (on-stack replacement) together with the rest of its function, and
 * when that rest has never run, the compiled code is thrown away on reaching it: the first clicks
 * paid for that several times over when all of this was one function.
 */
function rejections(
  index: FacetIndex,
  active: readonly ActiveFacet[],
  state: Pick<BrowseState, 'from' | 'to'>,
  match: Uint8Array | null,
): { fails: Uint8Array; by: Uint8Array } {
  const size = index.rows.length;
  const fails = new Uint8Array(size);
  const by = new Uint8Array(size);
  active.forEach((a, f) => {
    if (a.kind === 'mask') rejectByMask(a.column, a.mask, f, fails, by);
    else rejectBySet(a.column, a.set, f, fails, by);
  });
  if (state.from !== '' || state.to !== '') {
    const from = dayBound(state.from, -Infinity);
    const to = dayBound(state.to, Infinity);
    rejectOutside(index.days, from, to, active.length, fails, by);
  }
  if (match !== null) rejectUnmatched(match, active.length + 1, fails, by);
  return { fails, by };
}

// The four loops below repeat their three lines of bookkeeping on purpose: each stays one tight
// loop with one kind of test, which the browser compiles from the first call, and a row rejected
// costs no call while the first clicks still run unoptimised code.

function rejectByMask(
  column: Int32Array,
  mask: number,
  filter: number,
  fails: Uint8Array,
  by: Uint8Array,
): void {
  for (let i = 0; i < fails.length; i++) {
    if (((column[i] as number) & mask) !== 0) continue;
    const fail = fails[i] as number;
    if (fail < 2) fails[i] = fail + 1;
    by[i] = filter;
  }
}

function rejectBySet(
  column: Int32Array,
  set: Uint8Array,
  filter: number,
  fails: Uint8Array,
  by: Uint8Array,
): void {
  for (let i = 0; i < fails.length; i++) {
    const v = column[i] as number;
    if (v >= 0 && set[v] === 1) continue;
    const fail = fails[i] as number;
    if (fail < 2) fails[i] = fail + 1;
    by[i] = filter;
  }
}

function rejectUnmatched(
  match: Uint8Array,
  filter: number,
  fails: Uint8Array,
  by: Uint8Array,
): void {
  for (let i = 0; i < fails.length; i++) {
    if (match[i] === 1) continue;
    const fail = fails[i] as number;
    if (fail < 2) fails[i] = fail + 1;
    by[i] = filter;
  }
}

function rejectOutside(
  days: Int32Array,
  from: number,
  to: number,
  filter: number,
  fails: Uint8Array,
  by: Uint8Array,
): void {
  for (let i = 0; i < fails.length; i++) {
    const day = days[i] as number;
    if (day >= from && day <= to) continue;
    const fail = fails[i] as number;
    if (fail < 2) fails[i] = fail + 1;
    by[i] = filter;
  }
}

/**
 * Filters rows (visited in `order`, which lists every row once, as `orderRows` does) by a state's
 * facets, date range and search hits, and counts every facet value disjunctively: over the rows no
 * filter rejects, and for an active facet also over the rows that only it rejects. The counts
 * cover every row whatever `order` holds; the list follows `order`.
 */
export function filterRows(
  index: FacetIndex,
  state: Pick<BrowseState, 'filters' | 'from' | 'to'>,
  order: ArrayLike<number>,
  hits: SearchHits | null,
): FilterResult {
  const { defs, columns } = index;
  const active = compile(index, state);
  const { fails, by } = rejections(index, active, state, hits?.match ?? null);
  const all = defs.map((def) => columns[def.key]);
  const isMask = Uint8Array.from(defs, (def) => (def.kind === 'mask' ? 1 : 0));
  const values = defs.map((def) => new Int32Array(def.values.length));
  // Per filter (an active facet, then the date range and the query): its facet's place in
  // `defs`, -1 for the date range and the query, which have no counts of their own.
  const own = Int32Array.from({ length: active.length + 2 }, (_, f) => {
    const key = active[f]?.key;
    return key === undefined ? -1 : defs.findIndex((def) => def.key === key);
  });
  const gain = new Int32Array(active.length + 2);
  const total = countRows(fails, by, all, isMask, own, values, gain);

  const counts = {} as Record<FacetKey, Int32Array>;
  defs.forEach((def, d) => (counts[def.key] = values[d] as Int32Array));
  const dropGain: Partial<Record<FilterId, number>> = {};
  active.forEach((a, f) => (dropGain[a.key] = total + (gain[f] as number)));
  if (state.from !== '' || state.to !== '') dropGain.date = total + (gain[active.length] as number);
  if (hits) dropGain.query = total + (gain[active.length + 1] as number);
  return { matches: inOrder(order, fails, total), counts, dropGain };
}

/**
 * The counts, in one loop over the rows (compiled once, where a loop per facet was compiled
 * fifteen times): a row no filter rejects counts towards every facet's value, in `counts[d]`; a
 * row that one filter f rejects counts towards `gain[f]`, and towards the values of f's own facet
 * (`own[f]`) if it has one. Returns how many rows no filter rejects.
 */
function countRows(
  fails: Uint8Array,
  by: Uint8Array,
  columns: readonly Int32Array[],
  isMask: Uint8Array,
  own: Int32Array,
  counts: readonly Int32Array[],
  gain: Int32Array,
): number {
  let total = 0;
  for (let i = 0; i < fails.length; i++) {
    const fail = fails[i] as number;
    if (fail === 0) {
      total++;
      for (let d = 0; d < columns.length; d++)
        tally(counts[d] as Int32Array, isMask[d] === 1, (columns[d] as Int32Array)[i] as number);
    } else if (fail === 1) {
      const f = by[i] as number;
      gain[f] = (gain[f] as number) + 1;
      const d = own[f] as number;
      if (d !== -1)
        tally(counts[d] as Int32Array, isMask[d] === 1, (columns[d] as Int32Array)[i] as number);
    }
  }
  return total;
}

/** Adds one row's value of a facet: a value index, or each set bit of a mask. */
function tally(counts: Int32Array, mask: boolean, value: number): void {
  if (!mask) {
    if (value >= 0 && value < counts.length) counts[value] = (counts[value] as number) + 1;
    return;
  }
  for (let bit = 0; value >>> bit !== 0; bit++)
    if (value & (1 << bit)) counts[bit] = (counts[bit] as number) + 1;
}

/**
 * The rows no filter rejects, in the order given: `total` of them when `order` lists every row
 * once, as `orderRows` does; one entry per listing otherwise.
 */
function inOrder(order: ArrayLike<number>, fails: Uint8Array, total: number): number[] {
  const matches = new Array<number>(total);
  let m = 0;
  for (let p = 0; p < order.length; p++) {
    const i = order[p] as number;
    if (fails[i] === 0) matches[m++] = i;
  }
  matches.length = m;
  return matches;
}

/**
 * Which rows pass a state's facets and date range, the search query aside: `pass[i] === 1` when
 * row i would be listed if it matched the query. What the search worker needs to know which of
 * its ranked hits make the page (see `relevancePage` in ordering.ts).
 */
export function passingRows(
  index: FacetIndex,
  state: Pick<BrowseState, 'filters' | 'from' | 'to'>,
): Uint8Array {
  const { fails } = rejections(index, compile(index, state), state, null);
  return fails.map((fail) => (fail === 0 ? 1 : 0));
}

/** One value of a facet as the panel shows it. */
export interface FacetOption extends FacetValue {
  count: number;
  selected: boolean;
}

/**
 * A facet's values in display order: the facet's fixed order (taxonomy order; most frequent first
 * for agents, licences and categories), whatever is selected, so that a value never moves under
 * the pointer between two clicks.
 */
export function facetOptions(
  index: FacetIndex,
  key: FacetKey,
  counts: Int32Array,
  selected: readonly string[] = [],
): FacetOption[] {
  const def = index.defs.find((d) => d.key === key);
  if (!def) return [];
  return index.naturalOrder[key].map((i) => {
    const value = def.values[i] as FacetValue;
    return { ...value, count: counts[i] ?? 0, selected: selected.includes(value.code) };
  });
}

/**
 * Whether two option lists show the same thing (the same values in the same order, with the same
 * counts and ticks), so that a facet group given a fresh but equal list need not render again.
 */
export function sameFacetOptions(a: readonly FacetOption[], b: readonly FacetOption[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as FacetOption;
    const y = b[i] as FacetOption;
    if (x.code !== y.code || x.count !== y.count || x.selected !== y.selected) return false;
  }
  return true;
}

/** The single filter whose removal brings back the most rows, for the zero-result message. */
export function bestDrop(
  result: Pick<FilterResult, 'dropGain'>,
): { filter: FilterId; count: number } | null {
  let best: { filter: FilterId; count: number } | null = null;
  for (const [filter, count] of Object.entries(result.dropGain) as [FilterId, number][]) {
    if (count > 0 && (!best || count > best.count)) best = { filter, count };
  }
  return best;
}
