/**
 * The groups a reader compares on /compare/ and how they live in the URL: `?g=agent:Claude Code
 * &g=platform:IDE&g=source:swe&g=dates:2025-01-01..2025-06-30`, two to four of them. Each group
 * is a Browse selection (filters and dates), so the counts are computed over the rows of the
 * browse file Browse already loads (its facet index), and every count links there.
 */
import { browseQuery, type BrowseState } from './browse-state.ts';
import type { FacetKey } from './fields.ts';
import { compareAxis, PROFILE_AXES, type AxisComparison } from './compare.ts';
import { dayOf, isCalendarDate } from './dates.ts';
import type { FacetIndex } from './facets.ts';
import { labelsOf, populationSize } from './stats.ts';
import { AXES, PLATFORMS, SOURCES, type AxisSlug } from './taxonomy.ts';

export const GROUP_KINDS = ['agent', 'platform', 'source', 'dates'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** One group: what kind of selection and its value (`dates` holds `from..to`, either may be empty). */
export interface GroupSpec {
  kind: GroupKind;
  value: string;
}

export const MIN_GROUPS = 2;
export const MAX_GROUPS = 4;

/** What the page shows when the URL names fewer than two groups. */
export const DEFAULT_GROUPS: readonly GroupSpec[] = [
  { kind: 'platform', value: 'IDE' },
  { kind: 'platform', value: 'CLI' },
];

/** Where an agent's page opens the compare view: the agent beside two of the largest others. */
export function compareWith(agent: string, largest: readonly string[]): GroupSpec[] {
  return [agent, ...largest.filter((a) => a !== agent)]
    .slice(0, 3)
    .map((value) => ({ kind: 'agent', value }));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  return value === '' || (DATE.test(value) && isCalendarDate(value));
}

/** `from` and `to` of a dates group (empty for an open end). */
export function dateRange(value: string): { from: string; to: string } {
  const [from = '', to = ''] = value.split('..');
  return { from, to };
}

/** Whether a group names something the atlas knows (any agent name is allowed: the set is open). */
function validGroup(spec: GroupSpec): boolean {
  switch (spec.kind) {
    case 'agent':
      return spec.value.length > 0 && spec.value.length <= 100;
    case 'platform':
      return PLATFORMS.some((p) => p.code === spec.value);
    case 'source':
      return SOURCES.some((s) => s.code === spec.value);
    case 'dates': {
      const { from, to } = dateRange(spec.value);
      return (
        spec.value.includes('..') && validDate(from) && validDate(to) && (from !== '' || to !== '')
      );
    }
  }
}

/** The groups of a URL query (with or without `?`): valid ones, once each, at most four. */
export function parseCompareGroups(search: string): GroupSpec[] {
  const out: GroupSpec[] = [];
  for (const raw of new URLSearchParams(search).getAll('g')) {
    const colon = raw.indexOf(':');
    const kind = raw.slice(0, colon) as GroupKind;
    const spec = { kind, value: raw.slice(colon + 1).trim() };
    if (colon < 0 || !GROUP_KINDS.includes(kind) || !validGroup(spec)) continue;
    if (out.some((g) => g.kind === spec.kind && g.value === spec.value)) continue;
    out.push(spec);
    if (out.length === MAX_GROUPS) break;
  }
  return out;
}

/** The URL query (no `?`) of a list of groups. */
export function compareQuery(groups: readonly GroupSpec[]): string {
  const params = new URLSearchParams();
  for (const g of groups) params.append('g', `${g.kind}:${g.value}`);
  return params.toString().replace(/%3A/gi, ':');
}

/** A group's name as a reader reads it: `Claude Code`, `IDE`, `SWE-chat`, `2025-01-01 to 2025-06-30`. */
export function groupName(spec: GroupSpec): string {
  switch (spec.kind) {
    case 'agent':
      return spec.value;
    case 'platform':
      return `${spec.value} agents`;
    case 'source':
      return SOURCES.find((s) => s.code === spec.value)?.name ?? spec.value;
    case 'dates': {
      const { from, to } = dateRange(spec.value);
      return from && to ? `${from} to ${to}` : from ? `from ${from}` : `until ${to}`;
    }
  }
}

/** The Browse selection of a group (filters and dates; validation left to the caller). */
function groupSelection(spec: GroupSpec): Pick<BrowseState, 'filters' | 'from' | 'to'> {
  switch (spec.kind) {
    case 'dates':
      return { filters: {}, ...dateRange(spec.value) };
    default:
      return { filters: { [spec.kind]: [spec.value] }, from: '', to: '' };
  }
}

function facetOf(axis: AxisSlug): FacetKey {
  return AXES.find((a) => a.slug === axis)?.facet ?? 'symptom';
}

/** The Browse query of a group's valid episodes carrying `code` on `axis` (or all, without). */
export function groupCellQuery(spec: GroupSpec, axis?: AxisSlug, code?: string): string {
  const { filters, from, to } = groupSelection(spec);
  const extra = axis && code ? { [facetOf(axis)]: [code] } : {};
  return browseQuery({ filters: { validation: ['VALID'], ...filters, ...extra }, from, to });
}

/** A group's test on one row index, over the facet index's columns (unknown values match nothing). */
function membership(index: FacetIndex, spec: GroupSpec): (row: number) => boolean {
  if (spec.kind === 'dates') {
    const { from, to } = dateRange(spec.value);
    const low = from ? dayOf(`${from} 00:00:00`) : -Infinity;
    const high = to ? dayOf(`${to} 00:00:00`) : Infinity;
    return (row) => {
      const day = index.days[row] ?? -1;
      return day >= low && day <= high;
    };
  }
  const column = index.columns[spec.kind];
  const at =
    index.defs.find((d) => d.key === spec.kind)?.values.findIndex((v) => v.code === spec.value) ??
    -1;
  return (row) => at >= 0 && column[row] === at;
}

/**
 * Every profile axis compared across the groups, counted over the browse file's rows (the facet
 * index Browse builds from it, decoded by the field registry) in one pass: each valid row is
 * tallied, for every group it belongs to, on the columns of the six axes. `order` lists the rows
 * to visit (every row once, any order).
 */
export function compareRows(
  index: FacetIndex,
  groups: readonly GroupSpec[],
  order: ArrayLike<number>,
): AxisComparison[] {
  const facets = PROFILE_AXES.map((axis) => {
    const key = facetOf(axis);
    const def = index.defs.find((d) => d.key === key);
    return {
      key,
      column: index.columns[key],
      mask: def?.kind === 'mask',
      values: def?.values ?? [],
    };
  });
  const validColumn = index.columns.validation;
  const validAt =
    index.defs.find((d) => d.key === 'validation')?.values.findIndex((v) => v.code === 'VALID') ??
    0;
  const tests = groups.map((g) => membership(index, g));
  const valid = new Int32Array(groups.length);
  const counts = groups.map(() => facets.map((f) => new Int32Array(f.values.length)));
  for (let p = 0; p < order.length; p++) {
    const i = order[p] as number;
    if (validColumn[i] !== validAt) continue;
    for (let g = 0; g < tests.length; g++) {
      if (!(tests[g] as (row: number) => boolean)(i)) continue;
      valid[g] = (valid[g] as number) + 1;
      const tally = counts[g] as Int32Array[];
      for (let f = 0; f < facets.length; f++) {
        const facet = facets[f] as (typeof facets)[number];
        const v = facet.column[i] as number;
        const into = tally[f] as Int32Array;
        if (facet.mask) {
          for (let bit = 0; bit < into.length; bit++)
            if (v & (1 << bit)) into[bit] = (into[bit] as number) + 1;
        } else if (v >= 0 && v < into.length) into[v] = (into[v] as number) + 1;
      }
    }
  }
  const codeCounts = groups.map((_, g) => {
    const byAxis = new Map<AxisSlug, Map<string, number>>();
    PROFILE_AXES.forEach((axis, f) => {
      const values = facets[f]?.values ?? [];
      const tally = counts[g]?.[f];
      byAxis.set(axis, new Map(values.map((v, j) => [v.code, tally?.[j] ?? 0])));
    });
    return byAxis;
  });
  return PROFILE_AXES.map((axis) => {
    const labels = labelsOf([], axis);
    return compareAxis(
      axis,
      labels,
      groups.map((_, g) => {
        const byAxis = codeCounts[g] as Map<AxisSlug, Map<string, number>>;
        const count = (a: AxisSlug, code: string) => byAxis.get(a)?.get(code) ?? 0;
        return {
          total: populationSize(axis, { valid: valid[g] ?? 0, invalid: 0 }, count),
          counts: byAxis.get(axis) ?? new Map<string, number>(),
        };
      }),
    );
  });
}
