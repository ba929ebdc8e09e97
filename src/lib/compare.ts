/**
 * Side-by-side comparison of two groups of episodes (IDE against CLI, one agent against the rest)
 * on every annotation axis: each label's share in each group with its Wilson interval, and a
 * two-proportion z test of the difference, Holm-corrected for the number of labels of the axis.
 */
import { filterQuery } from './browse-state.ts';
import type { FacetKey } from './fields.ts';
import { ALPHA, holm, twoProportionZ, wilson, type Interval } from './proportions.ts';
import type { Episode } from './schema.ts';
import { codesOn, labelsOf } from './stats.ts';
import { AXES, DAMAGING_SEVERITIES, RESOLVED_STATUS, type AxisSlug } from './taxonomy.ts';

/** The axes a profile or a comparison covers, with the episodes each share is of. */
export const PROFILE_AXES = [
  { axis: 'form', of: 'valid episodes', includes: () => true },
  { axis: 'cause', of: 'valid episodes', includes: () => true },
  { axis: 'cost', of: 'valid episodes', includes: () => true },
  {
    axis: 'locus',
    of: 'damaging episodes (DS2, DS3)',
    includes: (e: Episode) =>
      !!e.annotation && DAMAGING_SEVERITIES.includes(e.annotation.outcome.severity),
  },
  { axis: 'resolution', of: 'valid episodes', includes: () => true },
  {
    axis: 'resolver',
    of: 'resolved episodes (RS1)',
    includes: (e: Episode) => e.annotation?.resolution.status === RESOLVED_STATUS,
  },
] as const satisfies ReadonlyArray<{
  axis: AxisSlug;
  of: string;
  includes: (e: Episode) => boolean;
}>;

/** The episodes a profile axis's shares are of: VALID ones, narrowed for locus and resolver. */
export function denominator(episodes: readonly Episode[], axis: AxisSlug): Episode[] {
  const spec = PROFILE_AXES.find((p) => p.axis === axis);
  return episodes.filter((e) => e.validation.label === 'VALID' && (spec ? spec.includes(e) : true));
}

/** One side of a comparison: a name, its episodes and the Browse filters that select them. */
export interface Group {
  name: string;
  episodes: readonly Episode[];
  filters: Partial<Record<FacetKey, string[]>>;
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
  cells: [Cell, Cell];
  /** Share of the first group minus share of the second. */
  difference: number;
  z: number;
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
  totals: [number, number];
  labels: LabelComparison[];
}

function cell(count: number, total: number): Cell {
  return { count, total, share: total ? count / total : 0, interval: wilson(count, total) };
}

function countCodes(episodes: readonly Episode[], axis: AxisSlug): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of episodes)
    for (const code of new Set(codesOn(e, axis))) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/** Every profile axis compared between two groups. */
export function compareGroups(a: Group, b: Group): AxisComparison[] {
  return PROFILE_AXES.map(({ axis, of }) => {
    const popA = denominator(a.episodes, axis);
    const popB = denominator(b.episodes, axis);
    const countsA = countCodes(popA, axis);
    const countsB = countCodes(popB, axis);
    const rows = labelsOf([...a.episodes, ...b.episodes], axis).map((label) => {
      const ca = cell(countsA.get(label.code) ?? 0, popA.length);
      const cb = cell(countsB.get(label.code) ?? 0, popB.length);
      const { z, p } = twoProportionZ(ca.count, ca.total, cb.count, cb.total);
      return { code: label.code, name: label.name, ca, cb, z, p };
    });
    const adjusted = holm(rows.map((r) => r.p));
    return {
      axis,
      name: AXES.find((x) => x.slug === axis)?.name ?? axis,
      of,
      totals: [popA.length, popB.length],
      labels: rows.map((r, i) => {
        const pAdjusted = adjusted[i] ?? 1;
        return {
          code: r.code,
          name: r.name,
          cells: [r.ca, r.cb],
          difference: r.ca.share - r.cb.share,
          z: r.z,
          p: r.p,
          pAdjusted,
          significant: pAdjusted < ALPHA,
        };
      }),
    };
  });
}

/** How many of the largest agents get a prebuilt page against the rest. */
export const LARGEST_AGENTS = 4;
/** An agent needs this many VALID episodes for its comparison to say anything. */
const MIN_VALID = 5;
/** The agent name of episodes whose agent was not recorded: not an agent to compare. */
const UNKNOWN_AGENT = 'Unknown';

/** The named agents with the most VALID episodes (at least `MIN_VALID`), most first. */
export function largestAgents(episodes: readonly Episode[]): string[] {
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
export interface ComparisonSpec {
  slug: string;
  title: string;
  groups: [Group, Group];
}

/**
 * The comparisons prebuilt as static pages: IDE against CLI, and each of the largest agents (by
 * VALID episodes) against every other agent. `slugOf` turns an agent name into a URL segment.
 */
export function prebuiltComparisons(
  episodes: readonly Episode[],
  slugOf: (agent: string) => string,
): ComparisonSpec[] {
  const specs: ComparisonSpec[] = [
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

const CHART = { width: 420, plotX: 40, rowHeight: 30, lane: 10, top: 8, bottom: 26 } as const;

/**
 * Lays out an axis comparison as an interval chart. The scale runs from 0 to the largest upper
 * bound rounded up to a tenth, so small shares are not squeezed against the left edge.
 */
export function intervalChart(axis: AxisComparison): IntervalChart {
  const max = Math.max(0.1, ...axis.labels.flatMap((l) => l.cells.map((c) => c.interval.high)));
  const top = Math.min(1, Math.ceil(max * 10) / 10);
  const plotWidth = CHART.width - CHART.plotX - 20;
  const x = (v: number) => CHART.plotX + (v / top) * plotWidth;
  const steps = Math.round(top * 10) > 5 ? 0.2 : 0.1;
  const ticks: IntervalChart['ticks'] = [];
  for (let v = 0; v <= top + 1e-9; v += steps) ticks.push({ value: v, x: x(v) });
  const rows = axis.labels.map((label, i) => {
    const centre = CHART.top + i * CHART.rowHeight + CHART.rowHeight / 2;
    return {
      code: label.code,
      labelY: centre + 4,
      marks: label.cells.map((c, g) => ({
        y: centre + (g === 0 ? -CHART.lane / 2 : CHART.lane / 2),
        x: x(c.share),
        low: x(c.interval.low),
        high: x(c.interval.high),
      })),
    };
  });
  return {
    width: CHART.width,
    height: CHART.top + rows.length * CHART.rowHeight + CHART.bottom,
    plotX: CHART.plotX,
    plotWidth,
    ticks,
    rows,
  };
}

/** The Browse query for one cell: the group's episodes carrying the label. */
export function cellQuery(group: Group, axis: AxisSlug, code: string): string {
  const facet = AXES.find((x) => x.slug === axis)?.facet ?? axis;
  return filterQuery({ ...group.filters, [facet]: [code] });
}
