/**
 * Facets of Browse over the compact rows: what each facet offers, how a row matches a value,
 * filtering (OR within a facet, AND across facets), disjunctive counts, the zero-result hint and
 * every result order. Pure and DOM-free; the island only wires it to the URL.
 *
 * The hot path is one pass over the rows (`filterRows`): for each row it counts how many active
 * filters reject it. Rows rejected by none are results and count towards every facet; rows
 * rejected by exactly one filter count towards that facet only (the disjunctive count) and towards
 * the "drop this filter" hint. Rows rejected by two or more are skipped.
 */
import { dayOf, type BrowseColumns, type BrowseRow } from './browse-columns.ts';
import type { BrowseState, FacetKey, Sort } from './browse-state.ts';
import {
  ALIGNMENT_GOALS,
  AXES,
  CAUSES,
  CONFIDENCES,
  EVIDENCE_TIERS,
  LOCI,
  PLATFORMS,
  RESOLVERS,
  SEVERITIES,
  SEVERITY_RANK,
  SOURCES,
  STATUSES,
  SYMPTOMS,
  VALIDATION_LABELS,
  labelName,
  labelTitle,
  type AxisSlug,
} from './taxonomy.ts';

/** One value a facet offers. `code` is what the URL holds. */
export interface FacetValue {
  code: string;
  /** How the value reads in a checkbox label or a chip (`S3 · Developer Constraint Violation`). */
  label: string;
}

/**
 * A facet. `single` facets hold one value index per row (-1 for none); `mask` facets hold a
 * bitmask of value indexes (symptoms, causes, evidence tiers).
 */
export interface FacetDef {
  key: FacetKey;
  /** The fieldset legend and the chip prefix. */
  legend: string;
  kind: 'single' | 'mask';
  /** Values in their fixed display order's source: the taxonomy order, or a dictionary's order. */
  values: readonly FacetValue[];
  /** The taxonomy axis whose pill colour the facet's chips carry, if any. */
  axis?: AxisSlug;
  /** Long, open-ended facets that the panel shows collapsed. */
  collapsible: boolean;
}

/** Everything Browse computes over, built once when the browse file arrives. */
export interface FacetIndex {
  rows: readonly BrowseRow[];
  dict: BrowseColumns['dict'];
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

function axisOf(facet: FacetKey): (typeof AXES)[number] | undefined {
  return AXES.find((axis) => axis.facet === facet);
}

/** `Form (symptom)`, `Cost (damage severity)`, `Resolution status`: how an axis facet is titled. */
function axisLegend(facet: FacetKey): string {
  const axis = axisOf(facet);
  if (!axis) return facet;
  const { name, field } = axis;
  if (field.toLowerCase().startsWith(name.toLowerCase())) return field;
  return `${name} (${field.toLowerCase()})`;
}

function fromTable(rows: readonly { code: string }[]): FacetValue[] {
  return rows.map((row) => ({ code: row.code, label: labelTitle(row.code) }));
}

/** The facet definitions for a browse file's dictionaries, in page order. */
export function facetDefs(dict: BrowseColumns['dict']): FacetDef[] {
  const def = (
    key: FacetKey,
    legend: string,
    values: FacetValue[],
    kind: FacetDef['kind'] = 'single',
    collapsible = false,
  ): FacetDef => {
    const axis = axisOf(key)?.slug;
    return { key, legend, kind, values, collapsible, ...(axis ? { axis } : {}) };
  };
  return [
    def('validation', 'Validation', fromTable(VALIDATION_LABELS)),
    def(
      'category',
      axisLegend('category'),
      dict.category.map((code) => ({ code, label: labelName(code) })),
      'single',
      true,
    ),
    def('symptom', axisLegend('symptom'), fromTable(SYMPTOMS), 'mask'),
    def('cause', axisLegend('cause'), fromTable(CAUSES), 'mask'),
    def('tier', 'Evidence tier', fromTable(EVIDENCE_TIERS), 'mask'),
    def('severity', axisLegend('severity'), fromTable(SEVERITIES)),
    def('locus', axisLegend('locus'), fromTable(LOCI)),
    def('status', axisLegend('status'), fromTable(STATUSES)),
    def('resolver', axisLegend('resolver'), fromTable(RESOLVERS)),
    def(
      'agent',
      'Agent',
      dict.agent.map((code) => ({ code, label: code })),
      'single',
      true,
    ),
    def('platform', 'Platform', fromTable(PLATFORMS)),
    def('source', 'Source', fromTable(SOURCES)),
    def('goal', 'Alignment goal', fromTable(ALIGNMENT_GOALS)),
    def('confidence', 'Confidence', fromTable(CONFIDENCES)),
    def(
      'licence',
      'Licence',
      dict.licence.map((code) => ({ code, label: code })),
      'single',
      true,
    ),
  ];
}

const VALUE_OF: Readonly<Record<FacetKey, (row: BrowseRow) => number>> = {
  validation: (row) => (row.category === -1 ? 0 : 1),
  category: (row) => row.category,
  symptom: (row) => row.symptoms,
  cause: (row) => row.causes,
  tier: (row) => row.tiers,
  severity: (row) => row.severity,
  locus: (row) => row.locus,
  status: (row) => row.status,
  resolver: (row) => row.resolver,
  agent: (row) => row.agent,
  platform: (row) => row.platform,
  source: (row) => row.source,
  goal: (row) => row.goal,
  confidence: (row) => row.confidence,
  licence: (row) => row.licence,
};

/** The value a row holds for a facet: an index (single) or a bitmask (mask). */
export function rowValue(row: BrowseRow, key: FacetKey): number {
  return VALUE_OF[key](row);
}

function bitIndexes(mask: number): number[] {
  const out: number[] = [];
  for (let bit = 0; mask >>> bit !== 0; bit++) if (mask & (1 << bit)) out.push(bit);
  return out;
}

/** Builds the facet index over decoded rows (in canonical order). */
export function buildFacetIndex(
  rows: readonly BrowseRow[],
  dict: BrowseColumns['dict'],
): FacetIndex {
  const defs = facetDefs(dict);
  const columns = {} as Record<FacetKey, Int32Array>;
  const naturalOrder = {} as Record<FacetKey, number[]>;
  for (const def of defs) {
    const column = Int32Array.from(rows, VALUE_OF[def.key]);
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

// ——— Ordering ———

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

/** Which sorts take their direction from `dir` (the table's column sorts). */
export function isColumnSort(sort: Sort): boolean {
  return !['relevance', 'date-desc', 'date-asc', 'shuffle'].includes(sort);
}

/**
 * The direction a sort starts in: most turns first and most severe first (what a reader looks
 * for), other columns A to Z. Sorts that carry their own direction keep the default
 * (descending), so the URL needs no `dir`.
 */
export function defaultDescending(sort: Sort): boolean {
  return !isColumnSort(sort) || sort === 'turns' || sort === 'severity';
}

/**
 * Every row index in result order. Ties (and "relevance" without a query) fall back to the
 * canonical order, newest first. With search hits, "relevance" puts hits first by score.
 */
export function orderRows(
  index: FacetIndex,
  sort: Pick<BrowseState, 'sort' | 'desc' | 'seed'>,
  hits: SearchHits | null,
): Int32Array {
  const { rows, dict } = index;
  const order = Int32Array.from(rows, (_, i) => i);
  const desc = sort.desc;
  let key: ((i: number) => number) | null = null;
  switch (sort.sort) {
    case 'date-desc':
      // Canonical order is newest first already.
      return order;
    case 'date-asc':
      return order.reverse();
    case 'relevance': {
      if (!hits) return order;
      // Hits by score, then everything else in canonical order: only the hits need sorting.
      const score = hits.score;
      const ranked = [...score.keys()].sort(
        (a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || a - b,
      );
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
    case 'agent': {
      // Rank agent names alphabetically once, then sort by rank.
      const rank = dict.agent
        .map((name, i) => ({ name, i }))
        .sort((x, y) => x.name.localeCompare(y.name, 'en'))
        .reduce((r, { i }, pos) => r.set(i, pos), new Map<number, number>());
      key = (i) => rank.get(rows[i]?.agent ?? -1) ?? -1;
      break;
    }
    case 'platform':
      key = (i) => rows[i]?.platform ?? -1;
      break;
    case 'form':
      key = (i) => lowestBit(rows[i]?.symptoms ?? 0);
      break;
    case 'cause':
      key = (i) => lowestBit(rows[i]?.causes ?? 0);
      break;
    case 'severity':
      key = (i) => {
        const code = SEVERITIES[rows[i]?.severity ?? -1]?.code;
        return code ? SEVERITY_RANK[code] : -1;
      };
      break;
    case 'resolution':
      // RS1 by resolver (RV1…RV3), then RS2: status × 4 + resolver keeps both in one key.
      key = (i) => {
        const row = rows[i];
        return !row || row.status < 0 ? -1 : row.status * 4 + (row.resolver + 1);
      };
      break;
    case 'turns':
      key = (i) => {
        const row = rows[i];
        if (!row || (row.userTurns < 0 && row.agentTurns < 0)) return -1;
        return Math.max(row.userTurns, 0) + Math.max(row.agentTurns, 0);
      };
      break;
  }
  if (!key) return order;
  const keys = Int32Array.from(order, (i) => (key as (i: number) => number)(i));
  return order.sort((a, b) => byKey(keys[a] ?? -1, keys[b] ?? -1, desc) || a - b);
}

/** The symptom, cause or tier codes of a mask, in taxonomy order. */
export function codesOfMask(mask: number, table: readonly { code: string }[]): string[] {
  return bitIndexes(mask).flatMap((bit) => {
    const row = table[bit];
    return row ? [row.code] : [];
  });
}

/** A table code (or null) from an index (-1 for none). */
export function codeAt(table: readonly { code: string }[], i: number): string | null {
  return i >= 0 ? (table[i]?.code ?? null) : null;
}
