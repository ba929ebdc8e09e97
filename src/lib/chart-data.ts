/**
 * What the overview's charts show, computed at build time: the rows of each chart, with the
 * Browse link behind every bar and cell, and the paper's reference figures. Their SVG geometry is
 * in chart-geometry.ts.
 */
import { browseQuery, DEFAULT_FILTERS } from './browse-state.ts';
import type { FacetKey } from './fields.ts';
import { routes } from './paths.ts';
import {
  axisBySlug,
  byMonth,
  cooccurrence,
  countLabels,
  population,
  type Labelled,
} from './stats.ts';
import {
  CAUSES,
  labelTitle,
  PLATFORMS,
  RESOLVED_STATUS,
  RESOLVERS,
  SEVERITIES,
  STATUSES,
  SYMPTOMS,
  type AxisSlug,
} from './taxonomy.ts';
import { PAPER_RESOLVER_SHARES, PAPER_SHARES, PAPER_TOTALS } from './paper-figures.ts';

type Filters = Partial<Record<FacetKey, string[]>>;

/**
 * Figures reported by Tang et al. (EMNLP 2026) over the full dataset: 16,118 VALID episodes from
 * repositories under every licence. Shares are fractions; the resolver share is of resolved ones.
 */
function fractions(
  labels: readonly { code: string }[],
  percents: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { code } of labels) {
    const percent = percents[code];
    if (percent !== undefined) out[code] = percent / 100;
  }
  return out;
}

/** The paper's full-dataset figures (src/lib/paper-figures.ts) as 0..1 shares per chart. */
export const PAPER_REFERENCE = {
  form: fractions(SYMPTOMS, PAPER_SHARES),
  cause: fractions(CAUSES, PAPER_SHARES),
  cost: fractions(SEVERITIES, PAPER_SHARES),
  resolution: fractions(STATUSES, PAPER_SHARES),
  resolver: fractions(RESOLVERS, PAPER_RESOLVER_SHARES),
  totals: {
    repositories: PAPER_TOTALS.repositories,
    sessions: PAPER_TOTALS.sessions,
    episodes: PAPER_TOTALS.candidates,
    valid: PAPER_TOTALS.valid,
  },
};

/** One bar: a label of an axis, its count and share, and the Browse view behind it. */
export interface ChartRow {
  code: string;
  /** `S3 · Developer Constraint Violation`, from the taxonomy. */
  label: string;
  count: number;
  /** count / the chart's population, 0..1. */
  share: number;
  /** Site path (without base) of Browse filtered to this label. */
  href: string;
  /** The paper's share for the same label over the full dataset, when it reports one. */
  paper?: number | undefined;
}

/**
 * A Browse path with these filters (validation stays at its VALID default unless given) and,
 * optionally, inclusive date bounds.
 */
export function browseHref(
  filters: Filters,
  dates: { from: string; to: string } = { from: '', to: '' },
): string {
  return routes.browse(browseQuery({ filters: { ...DEFAULT_FILTERS, ...filters }, ...dates }));
}

/**
 * The rows of an axis's bar chart: each label with its share of the axis's population, linked
 * to Browse filtered by that label (plus `extra` filters, e.g. `status=RS1` for resolvers).
 */
export function axisRows(
  episodes: readonly Labelled[],
  axis: AxisSlug,
  options: { extra?: Filters; paper?: Readonly<Record<string, number>> } = {},
): ChartRow[] {
  const facet = axisBySlug(axis)?.facet;
  return countLabels(episodes, axis).map((row) => {
    const filters: Filters = { ...options.extra };
    if (facet) filters[facet] = [row.code];
    return {
      code: row.code,
      label: labelTitle(row.code),
      count: row.count,
      share: row.share,
      href: browseHref(filters),
      paper: options.paper?.[row.code],
    };
  });
}

/** Resolver rows: shares of the resolved (RS1) episodes, linked to `status=RS1&resolver=RVx`. */
export function resolverRows(episodes: readonly Labelled[]): ChartRow[] {
  const resolved = episodes.filter((e) => e.annotation?.resolution.status === RESOLVED_STATUS);
  return axisRows(resolved, 'resolver', {
    extra: { status: [RESOLVED_STATUS] },
    paper: PAPER_REFERENCE.resolver,
  });
}

/** The overview's share-of-label bar charts, one per axis that has one. */
const SHARE_CHARTS = {
  form: {
    id: 'chart-form',
    caption: 'Forms of misalignment',
    note: 'Share of valid episodes showing each form; an episode can show several. Select a bar to browse them.',
  },
  cause: {
    id: 'chart-cause',
    caption: 'Causes',
    note: 'Share of valid episodes with each cause; an episode has one or two.',
  },
  cost: {
    id: 'chart-severity',
    caption: 'Damage severity',
    note: 'Share of valid episodes at each severity; each episode has exactly one.',
  },
  resolution: {
    id: 'chart-status',
    caption: 'Resolution',
    note: 'Share of valid episodes whose log shows the problem fixed.',
  },
  resolver: {
    id: 'chart-resolver',
    caption: 'Who fixed it',
    note: 'Share of resolved episodes by who made the fix.',
  },
} as const;

export type ShareChartAxis = keyof typeof SHARE_CHARTS;

/**
 * Everything a share-of-label bar chart of the overview shows: its id, caption and note, its rows
 * beside the paper's figures, what its shares are of, and its axis's hue.
 */
export function shareChart(episodes: readonly Labelled[], axis: ShareChartAxis) {
  const resolver = axis === 'resolver';
  return {
    ...SHARE_CHARTS[axis],
    rows: resolver
      ? resolverRows(episodes)
      : axisRows(episodes, axis, { paper: PAPER_REFERENCE[axis] }),
    of: resolver ? 'of resolved episodes' : 'of valid episodes',
    hue: `axis-${axis}` as const,
  };
}

/** One cell of a label × label matrix. */
export interface MatrixCell {
  count: number;
  href: string;
}

/** Co-occurrence of two axes over VALID episodes, each cell linked to both filters. */
export function labelMatrix(episodes: readonly Labelled[], rowsAxis: AxisSlug, colsAxis: AxisSlug) {
  const { rows, cols, cells } = cooccurrence(population(episodes, rowsAxis), rowsAxis, colsAxis);
  const rowFacet = axisBySlug(rowsAxis)?.facet;
  const colFacet = axisBySlug(colsAxis)?.facet;
  return {
    rows: rows.map((l) => ({ code: l.code, label: labelTitle(l.code) })),
    cols: cols.map((l) => ({ code: l.code, label: labelTitle(l.code) })),
    cells: cells.map((line, i): MatrixCell[] =>
      line.map((count, j) => {
        const filters: Filters = {};
        if (rowFacet) filters[rowFacet] = [rows[i]?.code ?? ''];
        if (colFacet) filters[colFacet] = [cols[j]?.code ?? ''];
        return { count, href: browseHref(filters) };
      }),
    ),
  };
}

/** One series of a grouped chart: a platform and its number of VALID episodes. */
export interface Series {
  code: string;
  name: string;
  total: number;
}

/** Rows of a grouped chart: one label, one value per series. */
export interface GroupRow {
  code: string;
  label: string;
  values: ChartRow[];
}

/**
 * Form shares per platform, each normalised within its platform (share of that platform's VALID
 * episodes), so IDE and CLI compare despite different sizes.
 */
export function formByPlatform(episodes: readonly Labelled[]): {
  series: Series[];
  groups: GroupRow[];
} {
  const perPlatform = PLATFORMS.map((p) => {
    const subset = episodes.filter((e) => e.platform === p.code);
    return {
      series: { code: p.code, name: p.name, total: population(subset, 'form').length },
      rows: axisRows(subset, 'form', { extra: { platform: [p.code] } }),
    };
  });
  const first = perPlatform[0]?.rows ?? [];
  return {
    series: perPlatform.map((p) => p.series),
    groups: first.map((row, i) => ({
      code: row.code,
      label: row.label,
      values: perPlatform.map((p) => p.rows[i] ?? { ...row, count: 0, share: 0 }),
    })),
  };
}

/** `2025-02` → first and last day of that month, as Browse's inclusive date bounds. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** One month of the monthly chart, with Browse links for its VALID and INVALID episodes. */
export interface MonthRow {
  month: string;
  valid: number;
  invalid: number;
  validHref: string;
  invalidHref: string;
}

/**
 * Episodes per month (every month from first to last), split VALID / INVALID, linked to Browse
 * with `filters` (one agent's, say) and the month.
 */
export function monthRows(episodes: readonly Labelled[], filters: Filters = {}): MonthRow[] {
  return byMonth(episodes).map((row) => {
    const dates = monthBounds(row.month);
    return {
      ...row,
      validHref: browseHref(filters, dates),
      invalidHref: browseHref({ ...filters, validation: ['INVALID'] }, dates),
    };
  });
}
