/**
 * Side-by-side comparison of two to four groups of episodes (IDE against CLI, one agent against
 * the rest, groups a reader picks) on every annotation axis: each label's share in each group with
 * its Wilson interval, and a test of the difference (two groups: the two-proportion z test; more:
 * Pearson's chi-square), Holm-corrected for the number of labels of the axis. Shares are of each
 * axis's population (`POPULATIONS` in stats.ts), computed from tallies so that the static pages
 * (episodes) and the compare view (the browse file's rows) share every step after counting.
 */
import { filterQuery } from './browse-state.ts';
import type { FacetKey } from './fields.ts';
import {
  ALPHA,
  chiSquareHomogeneity,
  holm,
  twoProportionZ,
  wilson,
  type Interval,
} from './proportions.ts';
import {
  codesOn,
  labelsOf,
  population,
  populationName,
  POPULATIONS,
  type Labelled,
} from './stats.ts';
import { AXES, type AxisSlug, type LabelInfo } from './taxonomy.ts';

/** The axes a profile or a comparison covers. */
export const PROFILE_AXES = [
  'form',
  'cause',
  'cost',
  'locus',
  'resolution',
  'resolver',
] as const satisfies readonly AxisSlug[];

/** One side of a comparison: a name, its episodes and the Browse filters that select them. */
export interface Group<T extends Labelled = Labelled> {
  name: string;
  episodes: readonly T[];
  /** Browse filters selecting the group; none for full-corpus groups (they have no Browse). */
  filters?: Partial<Record<FacetKey, string[]>>;
}

export interface Cell {
  count: number;
  total: number;
  share: number;
  interval: Interval;
}

export interface LabelComparison {
  code: string;
  name: string;
  cells: Cell[];
  /** With two groups, share of the first minus share of the second; null with more. */
  difference: number | null;
  /** The test statistic: z with two groups, chi-square with more. */
  statistic: number;
  p: number;
  /** p after Holm's correction over the axis's labels. */
  pAdjusted: number;
  significant: boolean;
}

export interface AxisComparison {
  axis: AxisSlug;
  name: string;
  /** What the shares are of, in words. */
  of: string;
  totals: number[];
  labels: LabelComparison[];
}

/** One group's counts on an axis: its population size and how many carry each code. */
export interface Tally {
  total: number;
  counts: ReadonlyMap<string, number>;
}

function cell(count: number, total: number): Cell {
  return { count, total, share: total ? count / total : 0, interval: wilson(count, total) };
}

/** Counts each code of an axis once per episode of the axis's population. */
export function tallyEpisodes(episodes: readonly Labelled[], axis: AxisSlug): Tally {
  const pop = population(episodes, axis);
  const counts = new Map<string, number>();
  for (const e of pop) {
    const codes = codesOn(e, axis);
    // Once per episode: a code listed twice counts once (a Set per episode cost seconds).
    codes.forEach((code, i) => {
      if (codes.indexOf(code) === i) counts.set(code, (counts.get(code) ?? 0) + 1);
    });
  }
  return { total: pop.length, counts };
}

/** The tally of the episodes of `whole` that are not in `part` (a subset of it). */
export function tallyRest(whole: Tally, part: Tally): Tally {
  const counts = new Map<string, number>();
  for (const [code, n] of whole.counts) counts.set(code, n - (part.counts.get(code) ?? 0));
  return { total: whole.total - part.total, counts };
}

/** The test of one label's shares across the groups: z for two, chi-square for more. */
function testOf(cells: readonly Cell[]): { statistic: number; p: number } {
  const [a, b] = cells;
  if (cells.length === 2 && a && b) {
    const { z, p } = twoProportionZ(a.count, a.total, b.count, b.total);
    return { statistic: z, p };
  }
  const { chi2, p } = chiSquareHomogeneity(
    cells.map((c) => c.count),
    cells.map((c) => c.total),
  );
  return { statistic: chi2, p };
}

/** One axis compared across groups, given each group's tally and the axis's labels. */
export function compareAxis(
  axis: AxisSlug,
  labels: readonly LabelInfo[],
  tallies: readonly Tally[],
): AxisComparison {
  const rows = labels.map((label) => {
    const cells = tallies.map((t) => cell(t.counts.get(label.code) ?? 0, t.total));
    return { label, cells, ...testOf(cells) };
  });
  const adjusted = holm(rows.map((r) => r.p));
  return {
    axis,
    name: AXES.find((x) => x.slug === axis)?.name ?? axis,
    of: populationName(axis),
    totals: tallies.map((t) => t.total),
    labels: rows.map((r, i) => {
      const pAdjusted = adjusted[i] ?? 1;
      const [a, b] = r.cells;
      return {
        code: r.label.code,
        name: r.label.name,
        cells: r.cells,
        difference: r.cells.length === 2 && a && b ? a.share - b.share : null,
        statistic: r.statistic,
        p: r.p,
        pAdjusted,
        significant: pAdjusted < ALPHA,
      };
    }),
  };
}

/** Every profile axis compared across groups of episodes. */
export function compareGroups(groups: readonly Group[]): AxisComparison[] {
  const everyone = groups.flatMap((g) => g.episodes);
  return PROFILE_AXES.map((axis) =>
    compareAxis(
      axis,
      labelsOf(everyone, axis),
      groups.map((g) => tallyEpisodes(g.episodes, axis)),
    ),
  );
}

/** How many of the largest agents get a prebuilt page against the rest. */
export const LARGEST_AGENTS = 4;
/** An agent needs this many VALID episodes for its comparison to say anything. */
const MIN_VALID = 5;
/** The agent name of episodes whose agent was not recorded: not an agent to compare. */
const UNKNOWN_AGENT = 'Unknown';

/** The named agents with the most VALID episodes (at least `MIN_VALID`), most first. */
export function largestAgents(episodes: readonly Labelled[]): string[] {
  const valid = new Map<string, number>();
  for (const e of episodes)
    if (e.validation.label === 'VALID') valid.set(e.agent, (valid.get(e.agent) ?? 0) + 1);
  return [...valid.entries()]
    .filter(([agent, n]) => agent !== UNKNOWN_AGENT && n >= MIN_VALID)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, LARGEST_AGENTS)
    .map(([agent]) => agent);
}

/** A prebuilt comparison page: its URL segment, its title and its two groups. */
export interface ComparisonSpec<T extends Labelled = Labelled> {
  slug: string;
  title: string;
  groups: [Group<T>, Group<T>];
}

/**
 * The comparisons prebuilt as static pages: IDE against CLI, and each of the largest agents (by
 * VALID episodes) against every other agent. `slugOf` turns an agent name into a URL segment.
 */
export function prebuiltComparisons<T extends Labelled>(
  episodes: readonly T[],
  slugOf: (agent: string) => string,
): ComparisonSpec<T>[] {
  const specs: ComparisonSpec<T>[] = [
    {
      slug: 'ide-vs-cli',
      title: 'IDE agents against CLI agents',
      groups: [
        {
          name: 'IDE',
          episodes: episodes.filter((e) => e.platform === 'IDE'),
          filters: { platform: ['IDE'] },
        },
        {
          name: 'CLI',
          episodes: episodes.filter((e) => e.platform === 'CLI'),
          filters: { platform: ['CLI'] },
        },
      ],
    },
  ];
  const agents = [...new Set(episodes.map((e) => e.agent))].sort();
  for (const agent of largestAgents(episodes)) {
    const others = agents.filter((a) => a !== agent);
    specs.push({
      slug: `${slugOf(agent)}-vs-rest`,
      title: `${agent} against every other agent`,
      groups: [
        {
          name: agent,
          episodes: episodes.filter((e) => e.agent === agent),
          filters: { agent: [agent] },
        },
        {
          name: 'Every other agent',
          episodes: episodes.filter((e) => e.agent !== agent),
          filters: { agent: others },
        },
      ],
    });
  }
  return specs;
}

/** Geometry of an interval chart: one row per label, a dot and a 95% whisker per group. */
export interface IntervalChart {
  width: number;
  height: number;
  /** Left edge and width of the plotting area (labels sit left of it). */
  plotX: number;
  plotWidth: number;
  ticks: Array<{ value: number; x: number }>;
  rows: Array<{
    code: string;
    labelY: number;
    marks: Array<{ y: number; x: number; low: number; high: number }>;
  }>;
}

const CHART = { width: 420, plotX: 40, lane: 10, top: 8, bottom: 26 } as const;

/**
 * Lays out an axis comparison as an interval chart, one lane per group. The scale runs from 0 to
 * the largest upper bound rounded up to a tenth, so small shares are not squeezed against the
 * left edge.
 */
export function intervalChart(axis: AxisComparison): IntervalChart {
  const max = Math.max(0.1, ...axis.labels.flatMap((l) => l.cells.map((c) => c.interval.high)));
  const top = Math.min(1, Math.ceil(max * 10) / 10);
  const plotWidth = CHART.width - CHART.plotX - 20;
  const x = (v: number) => CHART.plotX + (v / top) * plotWidth;
  const steps = Math.round(top * 10) > 5 ? 0.2 : 0.1;
  const ticks: IntervalChart['ticks'] = [];
  for (let v = 0; v <= top + 1e-9; v += steps) ticks.push({ value: v, x: x(v) });
  const lanes = axis.totals.length;
  const rowHeight = Math.max(30, (lanes + 1) * CHART.lane);
  const rows = axis.labels.map((label, i) => {
    const centre = CHART.top + i * rowHeight + rowHeight / 2;
    return {
      code: label.code,
      labelY: centre + 4,
      marks: label.cells.map((c, g) => ({
        y: centre + (g - (lanes - 1) / 2) * CHART.lane,
        x: x(c.share),
        low: x(c.interval.low),
        high: x(c.interval.high),
      })),
    };
  });
  return {
    width: CHART.width,
    height: CHART.top + rows.length * rowHeight + CHART.bottom,
    plotX: CHART.plotX,
    plotWidth,
    ticks,
    rows,
  };
}

/** The Browse query for one cell: the group's episodes carrying the label. */
export function cellQuery(
  filters: Partial<Record<FacetKey, string[]>>,
  axis: AxisSlug,
  code: string,
): string {
  const facet = AXES.find((x) => x.slug === axis)?.facet ?? axis;
  return filterQuery({ ...filters, [facet]: [code] });
}

/**
 * The Browse query for the population an axis's shares of a group are of: the group's valid
 * episodes, narrowed to damaging ones for locus and resolved ones for resolver.
 */
export function populationQuery(
  filters: Partial<Record<FacetKey, string[]>>,
  axis: AxisSlug,
): string {
  const within = POPULATIONS[axis].within;
  const facet = within && AXES.find((x) => x.slug === within.axis)?.facet;
  return filterQuery(facet ? { ...filters, [facet]: [...within.codes] } : filters);
}
