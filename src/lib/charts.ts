/**
 * The overview's charts, computed at build time: the rows each chart shows (with the Browse link
 * behind every bar and cell) and their SVG geometry. Pure: no DOM, only numbers and strings, so
 * the components draw static SVG and the home page ships no JavaScript.
 */
import { max, range, scaleBand, scaleLinear } from 'd3';
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

// ---------------------------------------------------------------------------------------------
// What the charts show

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

/** Episodes per month (every month from first to last), split VALID / INVALID. */
export function monthRows(episodes: readonly Labelled[]): MonthRow[] {
  return byMonth(episodes).map((row) => {
    const dates = monthBounds(row.month);
    return {
      ...row,
      validHref: browseHref({}, dates),
      invalidHref: browseHref({ validation: ['INVALID'] }, dates),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** A tick of an axis: its value and its position along the axis. */
export interface Tick {
  value: number;
  pos: number;
}

/** The upper end of a share axis: the largest value, rounded up to a nice step, at most 1. */
function shareDomain(values: readonly number[]): number {
  const top = max(values) ?? 0;
  if (top <= 0) return 1;
  const niced = scaleLinear().domain([0, top]).nice(5).domain()[1] ?? top;
  return Math.min(1, niced);
}

export interface BarOptions {
  /** viewBox width. */
  width: number;
  /** Space for the label line above each bar. */
  labelHeight: number;
  barHeight: number;
  rowGap: number;
  /** Space kept right of the plot for the value text. */
  valueWidth: number;
  /** Space below the rows for the tick labels. */
  axisHeight: number;
}

export const BAR_DEFAULTS: BarOptions = {
  width: 380,
  labelHeight: 22,
  barHeight: 16,
  rowGap: 12,
  valueWidth: 100,
  axisHeight: 22,
};

/** One bar, with its label placed on its own line above it (readable at 360 px). */
export interface BarShape<T> {
  row: T;
  /** Top of the row (label line + bar). */
  y: number;
  rowHeight: number;
  labelY: number;
  barY: number;
  barWidth: number;
  valueX: number;
  valueY: number;
  /** Where the paper's reference mark sits, when the row has one. */
  referenceX: number | null;
}

/**
 * A horizontal bar chart of shares: one row per label (label line, then the bar), a linear x
 * scale from 0 to a nice maximum over shares and reference figures, and its ticks.
 */
export function barChart<T extends { share: number; paper?: number | undefined }>(
  rows: readonly T[],
  options: Partial<BarOptions> = {},
) {
  const o = { ...BAR_DEFAULTS, ...options };
  const plotWidth = o.width - o.valueWidth;
  const top = shareDomain(
    rows.flatMap((r) => (r.paper === undefined ? [r.share] : [r.share, r.paper])),
  );
  const x = scaleLinear().domain([0, top]).range([0, plotWidth]);
  const rowHeight = o.labelHeight + o.barHeight + o.rowGap;
  const bars: BarShape<T>[] = rows.map((row, i) => {
    const y = i * rowHeight;
    const barY = y + o.labelHeight;
    const barWidth = x(row.share);
    const referenceX = row.paper === undefined ? null : x(row.paper);
    return {
      row,
      y,
      rowHeight,
      labelY: y + o.labelHeight - 6,
      barY,
      barWidth,
      // The value goes past the reference mark too, so the two never overlap.
      valueX: Math.max(barWidth, referenceX ?? 0) + 6,
      valueY: barY + o.barHeight - 3,
      referenceX,
    };
  });
  const plotHeight = rows.length * rowHeight;
  return {
    width: o.width,
    height: plotHeight + o.axisHeight,
    plotWidth,
    plotHeight,
    barHeight: o.barHeight,
    bars,
    ticks: x.ticks(4).map((value): Tick => ({ value, pos: x(value) })),
  };
}

export interface GroupedOptions extends BarOptions {
  /** Space left of each bar for its series name, so colour is not the only cue. */
  seriesWidth: number;
  /** Gap between the bars of one group. */
  innerGap: number;
}

export const GROUPED_DEFAULTS: GroupedOptions = {
  ...BAR_DEFAULTS,
  barHeight: 14,
  seriesWidth: 34,
  innerGap: 3,
};

/** One bar of a grouped chart. */
export interface GroupedBarShape<V> {
  value: V;
  series: number;
  x: number;
  y: number;
  width: number;
  valueX: number;
  valueY: number;
}

/**
 * A grouped horizontal bar chart: per group a label line, then one bar per series (shares on a
 * shared x scale), each bar preceded by its series name.
 */
export function groupedBarChart<G extends { values: readonly { share: number }[] }>(
  groups: readonly G[],
  options: Partial<GroupedOptions> = {},
) {
  const o = { ...GROUPED_DEFAULTS, ...options };
  const plotWidth = o.width - o.valueWidth - o.seriesWidth;
  const top = shareDomain(groups.flatMap((g) => g.values.map((v) => v.share)));
  const x = scaleLinear().domain([0, top]).range([0, plotWidth]);
  let y = 0;
  const shapes = groups.map((group) => {
    const labelY = y + o.labelHeight - 6;
    const bars: GroupedBarShape<G['values'][number]>[] = group.values.map((value, s) => {
      const barY = y + o.labelHeight + s * (o.barHeight + o.innerGap);
      const width = x(value.share);
      return {
        value,
        series: s,
        x: o.seriesWidth,
        y: barY,
        width,
        valueX: o.seriesWidth + width + 6,
        valueY: barY + o.barHeight - 3,
      };
    });
    const height =
      o.labelHeight + group.values.length * (o.barHeight + o.innerGap) - o.innerGap + o.rowGap;
    const shape = { group, y, height, labelY, bars };
    y += height;
    return shape;
  });
  return {
    width: o.width,
    height: y + o.axisHeight,
    plotLeft: o.seriesWidth,
    plotWidth,
    plotHeight: y,
    barHeight: o.barHeight,
    groups: shapes,
    ticks: x.ticks(4).map((value): Tick => ({ value, pos: o.seriesWidth + x(value) })),
  };
}

export interface HeatmapOptions {
  /** Space above the grid for the column codes. */
  headerHeight: number;
  /** Space above each row of cells for its label (labels sit above, so narrow screens fit). */
  labelHeight: number;
  cellWidth: number;
  cellHeight: number;
}

export const HEATMAP_DEFAULTS: HeatmapOptions = {
  headerHeight: 22,
  labelHeight: 20,
  cellWidth: 54,
  cellHeight: 32,
};

/**
 * Heat is drawn in this many steps above zero (classes `heat-0` … `heat-8` in
 * components/charts/charts.css): the site's CSP forbids inline styles, so colours come from a
 * stylesheet, not per cell.
 */
export const HEAT_STEPS = 8;

/**
 * From this step on a cell's number is drawn in the page background colour instead of the text
 * colour; charts.css picks the steps' colours so that both keep 4.5:1 contrast in both themes.
 */
export const HEAT_INVERSE_FROM = 5;

/** The colour step (0 … HEAT_STEPS) of an intensity; any count above zero gets at least step 1. */
export function heatStep(intensity: number): number {
  const t = Math.min(1, Math.max(0, intensity));
  return t === 0 ? 0 : Math.max(1, Math.round(t * HEAT_STEPS));
}

/** The colour steps a matrix whose largest cell is `top` can use, each with its count range. */
export function heatLegend(top: number): Array<{ step: number; from: number; to: number }> {
  const from = (step: number) => (step <= 1 ? step : Math.ceil(((step - 0.5) / HEAT_STEPS) * top));
  return range(HEAT_STEPS + 1)
    .map((step) => ({ step, from: from(step), to: step === HEAT_STEPS ? top : from(step + 1) - 1 }))
    .filter((s) => s.from <= s.to && s.from <= top);
}

/** One heatmap cell. */
export interface HeatCell<C> {
  cell: C;
  row: number;
  col: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0..1 on a linear sequential scale from 0 to the largest cell. */
  intensity: number;
  /** Colour step, 0 … HEAT_STEPS. */
  step: number;
  /** Whether the number needs the inverse (background) colour for contrast. */
  inverse: boolean;
}

/**
 * A heatmap grid: each row is a label line above a strip of cells; cell positions,
 * intensities, fills and text colours.
 */
export function heatmap<C extends { count: number }>(
  cells: readonly (readonly C[])[],
  options: Partial<HeatmapOptions> = {},
) {
  const o = { ...HEATMAP_DEFAULTS, ...options };
  const cols = max(cells, (line) => line.length) ?? 0;
  const top = max(cells.flat(), (c) => c.count) ?? 0;
  const scale = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([0, 1])
    .clamp(true);
  const rowStep = o.labelHeight + o.cellHeight;
  const shapes: HeatCell<C>[] = cells.flatMap((line, row) =>
    line.map((cell, col) => {
      const intensity = scale(cell.count);
      const step = heatStep(intensity);
      return {
        cell,
        row,
        col,
        x: col * o.cellWidth,
        y: o.headerHeight + row * rowStep + o.labelHeight,
        width: o.cellWidth,
        height: o.cellHeight,
        intensity,
        step,
        inverse: step >= HEAT_INVERSE_FROM,
      };
    }),
  );
  return {
    width: cols * o.cellWidth,
    height: o.headerHeight + cells.length * rowStep,
    max: top,
    cells: shapes,
    /** Baseline of each row's label, just above its cells. */
    labelY: range(cells.length).map((i) => o.headerHeight + i * rowStep + o.labelHeight - 5),
    /** Centre of each column, for its code in the header. */
    colX: range(cols).map((j) => (j + 0.5) * o.cellWidth),
    /** Legend: each colour step in use with the range of counts drawn in it. */
    legend: heatLegend(top),
  };
}

export interface ColumnOptions {
  width: number;
  height: number;
  /** Space left for the count ticks. */
  left: number;
  /** Space below for the month and year labels. */
  bottom: number;
  top: number;
  /** Most month labels to write; more months label every n-th. */
  maxLabels: number;
}

export const COLUMN_DEFAULTS: ColumnOptions = {
  width: 380,
  height: 220,
  left: 34,
  bottom: 36,
  top: 8,
  maxLabels: 12,
};

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** One month's column: VALID stacked at the bottom, INVALID on top. */
export interface ColumnShape<R> {
  row: R;
  x: number;
  width: number;
  valid: { y: number; height: number };
  invalid: { y: number; height: number };
  /** `Jun`, or null when this month's label is skipped for room. */
  label: string | null;
  /** The year, under the first month and under each January. */
  year: string | null;
}

/** A stacked monthly column chart on a band x scale and a linear count y scale. */
export function monthlyChart<R extends { month: string; valid: number; invalid: number }>(
  rows: readonly R[],
  options: Partial<ColumnOptions> = {},
) {
  const o = { ...COLUMN_DEFAULTS, ...options };
  const baseline = o.height - o.bottom;
  const x = scaleBand()
    .domain(rows.map((r) => r.month))
    .range([o.left, o.width])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const top = max(rows, (r) => r.valid + r.invalid) ?? 0;
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice(4)
    .range([baseline, o.top]);
  const every = Math.max(1, Math.ceil(rows.length / o.maxLabels));
  const columns: ColumnShape<R>[] = rows.map((row, i) => {
    const [year, month] = row.month.split('-') as [string, string];
    const validTop = y(row.valid);
    const allTop = y(row.valid + row.invalid);
    return {
      row,
      x: x(row.month) ?? 0,
      width: x.bandwidth(),
      valid: { y: validTop, height: baseline - validTop },
      invalid: { y: allTop, height: validTop - allTop },
      label: i % every === 0 ? (SHORT_MONTHS[Number(month) - 1] ?? month) : null,
      year: i === 0 || month === '01' ? year : null,
    };
  });
  return {
    width: o.width,
    height: o.height,
    left: o.left,
    baseline,
    columns,
    ticks: y
      .ticks(4)
      .filter((v) => Number.isInteger(v))
      .map((value): Tick => ({ value, pos: y(value) })),
  };
}
