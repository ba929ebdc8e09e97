/**
 * Each label's share of valid episodes month by month, and which way it moves. A month with
 * fewer than `MIN_MONTH_COUNT` valid episodes is kept but marked unreadable: its share would be a
 * spike of noise, so charts grey it and the fitted direction leaves it out.
 */
import { linearRegression } from 'simple-statistics';
import { byMonth, codesOn, labelsOf, monthOf, population, type Labelled } from './stats.ts';
import type { AxisSlug } from './taxonomy.ts';

/** Valid episodes a month needs for its shares to be drawn. */
export const MIN_MONTH_COUNT = 10;
/** A fitted change smaller than this (share per month) reads as flat: 0.2 points a month. */
export const FLAT_SLOPE = 0.002;

export type Direction = 'rising' | 'falling' | 'flat' | 'too few months';

export interface TrendPoint {
  month: string;
  count: number;
  /** Valid episodes of the month. */
  total: number;
  share: number;
  readable: boolean;
}

export interface TrendSeries {
  code: string;
  name: string;
  points: TrendPoint[];
  /** Least-squares change of the share per month over the readable months; null with < 3. */
  slope: number | null;
  direction: Direction;
}

/** Every label of `axis` as a monthly share series over the axis's population (valid episodes). */
export function labelTrends(
  episodes: readonly Labelled[],
  axis: AxisSlug,
  minCount = MIN_MONTH_COUNT,
): { months: string[]; totals: number[]; series: TrendSeries[] } {
  const valid = population(episodes, axis);
  const months = byMonth(valid).map((m) => m.month);
  const index = new Map(months.map((m, i) => [m, i]));
  const totals = months.map(() => 0);
  const labels = labelsOf(episodes, axis);
  const counts = new Map(labels.map((l) => [l.code, months.map(() => 0)]));
  for (const e of valid) {
    const i = index.get(monthOf(e)) ?? 0;
    totals[i] = (totals[i] ?? 0) + 1;
    for (const code of new Set(codesOn(e, axis))) {
      const row = counts.get(code);
      if (row) row[i] = (row[i] ?? 0) + 1;
    }
  }
  const series = labels.map((label) => {
    const row = counts.get(label.code) ?? [];
    const points = months.map((month, i) => {
      const total = totals[i] ?? 0;
      const count = row[i] ?? 0;
      return { month, count, total, share: total ? count / total : 0, readable: total >= minCount };
    });
    const fit = points.flatMap((p, i): Array<[number, number]> =>
      p.readable ? [[i, p.share]] : [],
    );
    const slope = fit.length >= 3 ? linearRegression(fit).m : null;
    const direction: Direction =
      slope === null
        ? 'too few months'
        : slope >= FLAT_SLOPE
          ? 'rising'
          : slope <= -FLAT_SLOPE
            ? 'falling'
            : 'flat';
    return { code: label.code, name: label.name, points, slope, direction };
  });
  return { months, totals, series };
}

/** A group of episodes a trends page covers: all, a platform or an agent. */
export interface TrendScope {
  slug: string;
  name: string;
  episodes: readonly Labelled[];
}

/** All episodes, each platform, then each of the given agents. */
export function trendScopes(
  episodes: readonly Labelled[],
  agents: readonly string[],
  slugOf: (agent: string) => string,
): TrendScope[] {
  return [
    { slug: 'all', name: 'All episodes', episodes },
    ...(['IDE', 'CLI'] as const).map((p) => ({
      slug: p.toLowerCase(),
      name: `${p} agents`,
      episodes: episodes.filter((e) => e.platform === p),
    })),
    ...agents.map((agent) => ({
      slug: slugOf(agent),
      name: agent,
      episodes: episodes.filter((e) => e.agent === agent),
    })),
  ];
}

/** A small line chart of one series: segments join readable months; every month with episodes gets a mark. */
export function sparkline(
  series: TrendSeries,
  top: number,
  { width = 240, height = 80, pad = 6 } = {},
): {
  width: number;
  height: number;
  path: string;
  marks: Array<TrendPoint & { x: number; y: number }>;
} {
  const n = series.points.length;
  const x = (i: number) =>
    pad + (n > 1 ? (i / (n - 1)) * (width - 2 * pad) : (width - 2 * pad) / 2);
  // A thin month's share can exceed the scale of the readable ones: it is pinned to the top.
  const y = (share: number) =>
    height - pad - Math.min(1, top ? share / top : 0) * (height - 2 * pad);
  // A month without episodes has no share at all: no mark.
  const marks = series.points.flatMap((p, i) =>
    p.total ? [{ ...p, x: x(i), y: y(p.share) }] : [],
  );
  let path = '';
  let drawing = false;
  for (const m of marks) {
    if (!m.readable) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${m.x.toFixed(1)} ${m.y.toFixed(1)}`;
    drawing = true;
  }
  return { width, height, path, marks };
}
