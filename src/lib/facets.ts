/**
 * The filter engine of Browse over the compact rows: filtering (OR within a facet, AND across
 * facets), disjunctive counts, the facet panel's order and the zero-result hint. Pure and
 * DOM-free; the island only wires it to the URL. Facets come from `facet-defs.ts`, orders from
 * `ordering.ts`.
 *
 * The hot path is one pass over the rows (`filterRows`): for each row it counts how many active
 * filters reject it. Rows rejected by none are results and count towards every facet; rows
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

/** What one pass over the rows produces. */
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
 * Filters rows (visited in `order`) by a state's facets, date range and search hits, and counts
 * every facet value disjunctively, in one pass.
 */
export function filterRows(
  index: FacetIndex,
  state: Pick<BrowseState, 'filters' | 'from' | 'to'>,
  order: ArrayLike<number>,
  hits: SearchHits | null,
): FilterResult {
  const { defs, columns, days } = index;
  const active = compile(index, state);
  const from = dayBound(state.from, -Infinity);
  const to = dayBound(state.to, Infinity);
  const dated = state.from !== '' || state.to !== '';
  const match = hits?.match ?? null;

  // Flat, positional arrays: this loop runs once per row on every facet click.
  const n = active.length;
  const activeColumn = active.map((a) => a.column);
  const activeMask = Int32Array.from(active, (a) => (a.kind === 'mask' ? a.mask : 0));
  const activeIsMask = Uint8Array.from(active, (a) => (a.kind === 'mask' ? 1 : 0));
  const activeSet = active.map((a) => a.set);
  const activeDef = Int32Array.from(active, (a) => defs.findIndex((d) => d.key === a.key));
  const allColumn = defs.map((d) => columns[d.key]);
  const allIsMask = Uint8Array.from(defs, (d) => (d.kind === 'mask' ? 1 : 0));
  const allCounts = defs.map((d) => new Int32Array(d.values.length));
  const gain = new Int32Array(n + 2);
  const DATE = n;
  const QUERY = n + 1;
  const matches: number[] = [];

  for (let p = 0; p < order.length; p++) {
    const i = order[p] as number;
    let fails = 0;
    let failed = -1;
    for (let f = 0; f < n && fails < 2; f++) {
      const v = (activeColumn[f] as Int32Array)[i] as number;
      const ok =
        activeIsMask[f] === 1
          ? (v & (activeMask[f] as number)) !== 0
          : v >= 0 && (activeSet[f] as Uint8Array)[v] === 1;
      if (!ok) {
        fails++;
        failed = f;
      }
    }
    if (fails < 2 && dated) {
      const day = days[i] as number;
      if (day < from || day > to) {
        fails++;
        failed = DATE;
      }
    }
    if (fails < 2 && match !== null && match[i] !== 1) {
      fails++;
      failed = QUERY;
    }
    if (fails >= 2) continue;
    if (fails === 1) {
      gain[failed] = (gain[failed] as number) + 1;
      if (failed < DATE) {
        const d = activeDef[failed] as number;
        tally(
          allCounts[d] as Int32Array,
          allIsMask[d] === 1,
          (allColumn[d] as Int32Array)[i] as number,
        );
      }
      continue;
    }
    matches.push(i);
    for (let d = 0; d < allColumn.length; d++) {
      tally(
        allCounts[d] as Int32Array,
        allIsMask[d] === 1,
        (allColumn[d] as Int32Array)[i] as number,
      );
    }
  }

  const counts = {} as Record<FacetKey, Int32Array>;
  defs.forEach((def, d) => (counts[def.key] = allCounts[d] as Int32Array));
  const dropGain: Partial<Record<FilterId, number>> = {};
  active.forEach((a, f) => (dropGain[a.key] = matches.length + (gain[f] as number)));
  if (dated) dropGain.date = matches.length + (gain[DATE] as number);
  if (hits) dropGain.query = matches.length + (gain[QUERY] as number);
  return { matches, counts, dropGain };
}

/**
 * Which rows pass a state's facets and date range, the search query aside: `pass[i] === 1` when
 * row i would be listed if it matched the query. One pass, no counts: what the search worker
 * needs to know which of its ranked hits make the page (see `relevancePage` in ordering.ts).
 */
export function passingRows(
  index: FacetIndex,
  state: Pick<BrowseState, 'filters' | 'from' | 'to'>,
): Uint8Array {
  const active = compile(index, state);
  const from = dayBound(state.from, -Infinity);
  const to = dayBound(state.to, Infinity);
  const dated = state.from !== '' || state.to !== '';
  const pass = new Uint8Array(index.rows.length).fill(1);
  for (const a of active) {
    for (let i = 0; i < pass.length; i++) {
      const v = a.column[i] as number;
      const ok = a.kind === 'mask' ? (v & a.mask) !== 0 : v >= 0 && a.set[v] === 1;
      if (!ok) pass[i] = 0;
    }
  }
  if (dated) {
    for (let i = 0; i < pass.length; i++) {
      const day = index.days[i] as number;
      if (day < from || day > to) pass[i] = 0;
    }
  }
  return pass;
}

function tally(counts: Int32Array, mask: boolean, value: number): void {
  if (!mask) {
    if (value >= 0 && value < counts.length) counts[value] = (counts[value] as number) + 1;
    return;
  }
  for (let bit = 0; value >>> bit !== 0; bit++) {
    if (value & (1 << bit)) counts[bit] = (counts[bit] as number) + 1;
  }
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
