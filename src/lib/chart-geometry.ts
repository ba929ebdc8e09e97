/**
 * The SVG geometry of the overview's charts, computed at build time from the rows of
 * chart-data.ts: positions, sizes, ticks and colour steps. Pure: no DOM, only numbers and
 * strings, so the components draw static SVG and the home page ships no JavaScript.
 */
import { max, range, scaleBand, scaleLinear } from 'd3';

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
