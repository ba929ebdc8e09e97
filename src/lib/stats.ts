/**
 * Counting, grouping and sharing-out over episodes: the figures of the overview, the taxonomy
 * pages and the agent pages. Pure functions over `Labelled[]`: published episodes and the full
 * corpus's rows (which have labels but no text) are both counted with them.
 */
import { episodeCodes, facetColumn, type ColumnName } from './fields.ts';
import { sessionId, repositoryId } from './ids.ts';
import type { Episode } from './schema.ts';
import type { LabelSet } from './core/schema.ts';
import {
  AXES,
  DAMAGING_SEVERITIES,
  RESOLVED_STATUS,
  type AxisSlug,
  type LabelInfo,
} from './taxonomy.ts';

export type Axis = (typeof AXES)[number];

/** What counting needs of an episode: key, session metadata and labels, no text. */
export type Labelled = Pick<Episode, 'key' | 'platform' | 'agent' | 'timestamp'> & {
  validation: Pick<Episode['validation'], 'label' | 'category'>;
  annotation: LabelSet | null;
};

/** Each axis's column in the field registry: the column of the axis's Browse facet. */
const AXIS_COLUMNS = Object.fromEntries(
  AXES.map((axis) => [axis.slug, facetColumn(axis.facet)]),
) as Record<AxisSlug, ColumnName>;

export function axisBySlug(slug: string): Axis | undefined {
  return AXES.find((axis) => axis.slug === slug);
}

/**
 * Each episode's codes per axis, read once: a build counts the same 16,000 episodes on every axis
 * for dozens of pages, and reading the codes anew each time cost seconds. Episodes are never
 * changed once loaded, so the cache cannot go stale; it is weak, so it never keeps one alive.
 */
const codeCache = new WeakMap<Labelled, Partial<Record<AxisSlug, readonly string[]>>>();

/** The codes an episode carries on an axis (none for an axis it is not annotated on). */
export function codesOn(episode: Labelled, axis: AxisSlug): readonly string[] {
  let axes = codeCache.get(episode);
  if (!axes) codeCache.set(episode, (axes = {}));
  return (axes[axis] ??= Object.freeze(episodeCodes(AXIS_COLUMNS[axis], episode)));
}

/**
 * The one definition of each axis's denominator, as the paper computes its shares (Tang et al.,
 * Table 3): validation categories over rejected candidates, damage locus over damaging (DS2 or
 * DS3) valid episodes, resolver over resolved (RS1) ones, every other axis over valid episodes.
 * `within` narrows the valid episodes to those carrying one of `codes` on another axis.
 */
export const POPULATIONS: Readonly<
  Record<AxisSlug, { valid: boolean; within?: { axis: AxisSlug; codes: readonly string[] } }>
> = {
  form: { valid: true },
  cause: { valid: true },
  cost: { valid: true },
  locus: { valid: true, within: { axis: 'cost', codes: DAMAGING_SEVERITIES } },
  resolution: { valid: true },
  resolver: { valid: true, within: { axis: 'resolution', codes: [RESOLVED_STATUS] } },
  validation: { valid: false },
};

/** Whether an episode is in the population an axis's shares are computed over (`POPULATIONS`). */
function inPopulation(episode: Labelled, axis: AxisSlug): boolean {
  const rule = POPULATIONS[axis];
  if ((episode.validation.label === 'VALID') !== rule.valid) return false;
  const within = rule.within;
  return !within || codesOn(episode, within.axis).some((code) => within.codes.includes(code));
}

/**
 * The size of an axis's population from tallies instead of episodes (the compare view counts
 * rows, not episodes): `valid` and `invalid` episodes, and `count(axis, code)`, how many valid
 * episodes carry a code. Same rule as `population`, so the two cannot disagree.
 */
export function populationSize(
  axis: AxisSlug,
  sizes: { valid: number; invalid: number },
  count: (axis: AxisSlug, code: string) => number,
): number {
  const rule = POPULATIONS[axis];
  if (!rule.valid) return sizes.invalid;
  const within = rule.within;
  if (!within) return sizes.valid;
  // An episode carries one code on a single-label axis, so the counts add up.
  return within.codes.reduce((sum, code) => sum + count(within.axis, code), 0);
}

/** The episodes an axis's shares are computed over (see `populationName`). */
export function population<T extends Labelled>(
  episodes: readonly T[],
  axis: AxisSlug,
): readonly T[] {
  return memoOn(populations, episodes, axis, () =>
    episodes.filter((e) => inPopulation(e, axis)),
  ) as readonly T[];
}

/**
 * Per list of episodes and axis, a value computed once. A build asks for the same list's
 * population or label groups on every page of an axis; lists are never changed once made
 * (`readonly` throughout), so the cache cannot go stale, and it is weak, so it keeps nothing alive.
 */
function memoOn<V>(
  cache: WeakMap<readonly Labelled[], Partial<Record<AxisSlug, V>>>,
  episodes: readonly Labelled[],
  axis: AxisSlug,
  make: () => V,
): V {
  let byAxis = cache.get(episodes);
  if (!byAxis) cache.set(episodes, (byAxis = {}));
  return (byAxis[axis] ??= make());
}

const populations = new WeakMap<readonly Labelled[], Partial<Record<AxisSlug, unknown>>>();
const labelGroups = new WeakMap<readonly Labelled[], Partial<Record<AxisSlug, unknown>>>();

/** What an axis's shares are of, in words: "damaging episodes (DS2 or DS3)". */
export function populationName(axis: AxisSlug): string {
  switch (axis) {
    case 'validation':
      return 'rejected candidates';
    case 'locus':
      return `damaging episodes (${DAMAGING_SEVERITIES.join(' or ')})`;
    case 'resolver':
      return `resolved episodes (${RESOLVED_STATUS})`;
    default:
      return 'valid episodes';
  }
}

/** Whether an episode can carry more than one label of the axis (several symptoms, two causes). */
export function isMultiLabel(axis: AxisSlug): boolean {
  return axis === 'form' || axis === 'cause';
}

export interface LabelCount {
  code: string;
  name: string;
  count: number;
  /** count / population size, 0 when the population is empty. */
  share: number;
}

/** The labels of an axis (including custom validation categories found in the data). */
export function labelsOf(episodes: readonly Labelled[], axis: AxisSlug): LabelInfo[] {
  const known: LabelInfo[] = [...(axisBySlug(axis)?.labels ?? [])];
  if (axis !== 'validation') return known;
  const extra = [...new Set(episodes.flatMap((e) => codesOn(e, axis)))]
    .filter((code) => !known.some((k) => k.code === code))
    .sort();
  return [...known, ...extra.map((code) => ({ code, name: code, definition: '' }))];
}

/** Counts each label of an axis once per episode, with its share of the axis's population. */
export function countLabels(episodes: readonly Labelled[], axis: AxisSlug): LabelCount[] {
  const pop = population(episodes, axis);
  const counts = new Map<string, number>();
  for (const episode of pop)
    for (const code of new Set(codesOn(episode, axis)))
      counts.set(code, (counts.get(code) ?? 0) + 1);
  return labelsOf(episodes, axis).map((label) => {
    const count = counts.get(label.code) ?? 0;
    return {
      code: label.code,
      name: label.name,
      count,
      share: pop.length ? count / pop.length : 0,
    };
  });
}

/** Episodes carrying a label on an axis. */
export function withLabel<T extends Labelled>(
  episodes: readonly T[],
  axis: AxisSlug,
  code: string,
): readonly T[] {
  const groups = memoOn(labelGroups, episodes, axis, () => {
    const byCode = new Map<string, T[]>();
    for (const e of episodes)
      for (const c of new Set(codesOn(e, axis))) {
        const list = byCode.get(c);
        if (list) list.push(e);
        else byCode.set(c, [e]);
      }
    return byCode;
  }) as ReadonlyMap<string, readonly T[]>;
  return groups.get(code) ?? [];
}

/** Counts by a key (agent, platform, month …), most frequent first, ties by key. */
export function countBy<T>(
  episodes: readonly T[],
  key: (e: T) => string,
): Array<{ key: string; count: number }> {
  const counts = new Map<string, number>();
  for (const e of episodes) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/**
 * A co-occurrence matrix: cell [i][j] counts the episodes carrying row label i on `rows` and
 * column label j on `cols` (each episode counted once per pair).
 */
export function cooccurrence(
  episodes: readonly Labelled[],
  rows: AxisSlug,
  cols: AxisSlug,
): { rows: LabelInfo[]; cols: LabelInfo[]; cells: number[][] } {
  const rowLabels = labelsOf(episodes, rows);
  const colLabels = labelsOf(episodes, cols);
  const cells = rowLabels.map(() => colLabels.map(() => 0));
  for (const episode of episodes) {
    const colCodes = new Set(codesOn(episode, cols));
    for (const r of new Set(codesOn(episode, rows))) {
      const row = cells[rowLabels.findIndex((l) => l.code === r)];
      if (!row) continue;
      colLabels.forEach((c, j) => {
        if (colCodes.has(c.code)) row[j] = (row[j] ?? 0) + 1;
      });
    }
  }
  return { rows: rowLabels, cols: colLabels, cells };
}

/** `YYYY-MM` of an episode's session. */
export function monthOf(episode: Pick<Labelled, 'timestamp'>): string {
  return episode.timestamp.slice(0, 7);
}

/** Episode counts per month, every month from the first to the last present. */
export function byMonth(
  episodes: readonly Labelled[],
): Array<{ month: string; valid: number; invalid: number }> {
  if (episodes.length === 0) return [];
  const months = episodes.map(monthOf).sort();
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const out: Array<{ month: string; valid: number; invalid: number }> = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ month, valid: 0, invalid: 0 });
    if (month >= last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  const index = new Map(out.map((row, i) => [row.month, i]));
  for (const e of episodes) {
    const row = out[index.get(monthOf(e)) as number] as (typeof out)[number];
    if (e.validation.label === 'VALID') row.valid += 1;
    else row.invalid += 1;
  }
  return out;
}

/** The headline figures of the overview. */
export function headline(episodes: readonly Labelled[]) {
  const bySource = countBy(episodes, (e) => e.key.source);
  return {
    repositories: new Set(episodes.map((e) => repositoryId(e.key))).size,
    sessions: new Set(episodes.map((e) => sessionId(e.key))).size,
    episodes: episodes.length,
    valid: episodes.filter((e) => e.validation.label === 'VALID').length,
    agents: new Set(episodes.map((e) => e.agent)).size,
    bySource,
  };
}

/** Sorts by date, newest first (the canonical order), ties by id. */
export function newestFirst(episodes: readonly Episode[]): Episode[] {
  return [...episodes].sort((a, b) =>
    a.timestamp === b.timestamp ? (a.id < b.id ? -1 : 1) : a.timestamp < b.timestamp ? 1 : -1,
  );
}

export interface GroupShare {
  key: string;
  /** Episodes in the group carrying the label. */
  count: number;
  /** Episodes in the group's population for the axis. */
  total: number;
  share: number;
}

/**
 * How a label splits by a grouping (platform, agent …): in each group, how many of the axis's
 * population carry the label. Groups with no population are left out; largest groups first.
 */
export function splitBy<T extends Labelled>(
  episodes: readonly T[],
  axis: AxisSlug,
  code: string,
  group: (e: T) => string,
): GroupShare[] {
  const totals = new Map<string, { count: number; total: number }>();
  for (const e of population(episodes, axis)) {
    const row = totals.get(group(e)) ?? { count: 0, total: 0 };
    row.total += 1;
    if (codesOn(e, axis).includes(code)) row.count += 1;
    totals.set(group(e), row);
  }
  return [...totals.entries()]
    .map(([key, { count, total }]) => ({ key, count, total, share: total ? count / total : 0 }))
    .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : 1));
}

/** The axes whose labels are worth listing next to a label of `axis`. */
export function companionAxes(axis: AxisSlug): AxisSlug[] {
  if (axis === 'validation') return [];
  return (['form', 'cause', 'cost', 'resolution'] as const).filter((a) => a !== axis);
}

/** How many episodes there are, and how many of them are VALID and INVALID. */
export function validationSplit(episodes: readonly Labelled[]): {
  total: number;
  valid: number;
  invalid: number;
} {
  const valid = episodes.filter((e) => e.validation.label === 'VALID').length;
  return { total: episodes.length, valid, invalid: episodes.length - valid };
}

export interface AgentSummary {
  agent: string;
  count: number;
  valid: number;
  /** The agent's platforms, sorted, comma-separated. */
  platforms: string;
  /** count / all episodes. */
  share: number;
}

/** Each agent with its episode counts and platforms, most episodes first. */
export function agentSummaries(episodes: readonly Labelled[]): AgentSummary[] {
  const groups = new Map<string, Labelled[]>();
  for (const e of episodes) groups.set(e.agent, [...(groups.get(e.agent) ?? []), e]);
  return countBy(episodes, (e) => e.agent).map(({ key, count }) => {
    const own = groups.get(key) ?? [];
    return {
      agent: key,
      count,
      valid: validationSplit(own).valid,
      platforms: [...new Set(own.map((e) => e.platform))].sort().join(', '),
      share: episodes.length ? count / episodes.length : 0,
    };
  });
}

export interface CompanionGroup {
  name: string;
  slug: AxisSlug;
  /** The labels of the companion axis that occur, with counts among the subset. */
  counts: LabelCount[];
}

/** What the episodes carrying a label also carry on the companion axes. */
export function cooccurring(
  episodes: readonly Labelled[],
  axis: AxisSlug,
  code: string,
): { size: number; groups: CompanionGroup[] } {
  const subset = withLabel(episodes, axis, code);
  const groups = companionAxes(axis).map((other) => ({
    name: axisBySlug(other)?.name ?? other,
    slug: other,
    counts: countLabels(subset, other).filter(
      (c) => c.count > 0 && !(other === axis && c.code === code),
    ),
  }));
  return { size: subset.length, groups };
}
