import { describe, expect, it } from 'vitest';
import {
  axisRows,
  formByPlatform,
  labelMatrix,
  monthBounds,
  monthRows,
  resolverRows,
} from '../../src/lib/chart-data.ts';
import {
  barChart,
  groupedBarChart,
  heatLegend,
  heatmap,
  heatStep,
  HEAT_INVERSE_FROM,
  HEAT_STEPS,
  monthlyChart,
} from '../../src/lib/chart-geometry.ts';
import { releaseRecordSchema, type Episode } from '../../src/lib/schema.ts';

let n = 0;
function episode(over: {
  symptoms?: string[];
  causes?: string[];
  severity?: string;
  status?: 'RS1' | 'RS2';
  resolver?: string | null;
  platform?: 'IDE' | 'CLI';
  timestamp?: string;
  valid?: boolean;
}): Episode {
  n += 1;
  const valid = over.valid ?? true;
  const status = over.status ?? 'RS2';
  const record = {
    repository_id: 1,
    session_id: `session_${n}`,
    misalignment_id: 'M001',
    source: 'specstory',
    name: 'n',
    description: 'd',
    alignment_goal: 'intention',
    confidence: 'high',
    evidence: [],
    label: valid ? 'VALID' : 'INVALID',
    invalid_category: valid ? null : 'truncation',
    symptom: valid
      ? { reasoning: 'r', labels: over.symptoms ?? ['S3'], other_descriptor: null }
      : null,
    cause: valid
      ? {
          reasoning: 'r',
          labels: (over.causes ?? ['C6']).map((label) => ({ label, evidence_tier: 'direct' })),
        }
      : null,
    outcome: valid
      ? { reasoning: 'r', damage_severity: over.severity ?? 'DS1', damage_locus: null }
      : null,
    resolution: valid
      ? { reasoning: 'r', status, resolver: status === 'RS1' ? (over.resolver ?? 'RV2') : null }
      : null,
    session_type: over.platform ?? 'IDE',
    agent: 'Cursor IDE',
    license_type: 'MIT',
    session_timestamp: over.timestamp ?? '2025-06-07 01:16:00',
  };
  return releaseRecordSchema.parse(record);
}

describe('chart rows', () => {
  it('shares a form over VALID episodes and links to Browse filtered by it', () => {
    const episodes = [
      episode({ symptoms: ['S3'] }),
      episode({ symptoms: ['S2'] }),
      episode({ valid: false }),
    ];
    const s3 = axisRows(episodes, 'form').find((r) => r.code === 'S3');
    expect(s3).toMatchObject({
      label: 'S3 · Developer Constraint Violation',
      count: 1,
      share: 0.5,
      href: '/browse/?symptom=S3',
    });
  });

  it('attaches the paper reference share when one is given', () => {
    const rows = axisRows([episode({})], 'form', { paper: { S3: 0.3833 } });
    expect(rows.find((r) => r.code === 'S3')?.paper).toBe(0.3833);
    expect(rows.find((r) => r.code === 'S1')?.paper).toBeUndefined();
  });

  it('shares resolvers over resolved episodes and links with status=RS1', () => {
    const episodes = [
      episode({ status: 'RS1', resolver: 'RV1' }),
      episode({ status: 'RS1' }),
      episode({}),
    ];
    const rv1 = resolverRows(episodes).find((r) => r.code === 'RV1');
    expect(rv1).toMatchObject({ count: 1, share: 0.5, href: '/browse/?status=RS1&resolver=RV1' });
  });

  it('links a form × cause cell to both filters', () => {
    const matrix = labelMatrix(
      [episode({ symptoms: ['S1', 'S3'], causes: ['C2'] })],
      'form',
      'cause',
    );
    expect(matrix.cells[0]?.[1]).toEqual({ count: 1, href: '/browse/?symptom=S1&cause=C2' });
    expect(matrix.cells[2]?.[1]?.count).toBe(1);
    expect(matrix.cells[1]?.[1]?.count).toBe(0);
  });

  it('normalises form shares within each platform', () => {
    const episodes = [
      episode({ platform: 'IDE', symptoms: ['S3'] }),
      episode({ platform: 'CLI', symptoms: ['S3'] }),
      episode({ platform: 'CLI', symptoms: ['S5'] }),
    ];
    const { series, groups } = formByPlatform(episodes);
    expect(series.map((s) => [s.code, s.total])).toEqual([
      ['IDE', 1],
      ['CLI', 2],
    ]);
    const s3 = groups.find((g) => g.code === 'S3');
    expect(s3?.values.map((v) => v.share)).toEqual([1, 0.5]);
    expect(s3?.values[1]?.href).toBe('/browse/?symptom=S3&platform=CLI');
  });

  it('gives each month its first and last day', () => {
    expect(monthBounds('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('links a month to Browse between its bounds, VALID and INVALID apart', () => {
    const rows = monthRows([
      episode({ timestamp: '2025-06-07 01:16:00' }),
      episode({ valid: false, timestamp: '2025-06-30 10:00:00' }),
    ]);
    expect(rows).toEqual([
      {
        month: '2025-06',
        valid: 1,
        invalid: 1,
        validHref: '/browse/?from=2025-06-01&to=2025-06-30',
        invalidHref: '/browse/?validation=INVALID&from=2025-06-01&to=2025-06-30',
      },
    ]);
  });
});

describe('bar chart geometry', () => {
  const rows = [{ share: 0.4, paper: 0.3 }, { share: 0.1 }];

  it('scales the largest share to a nice maximum of the plot', () => {
    const chart = barChart(rows, { width: 500, valueWidth: 100 });
    expect(chart.plotWidth).toBe(400);
    expect(chart.bars[0]?.barWidth).toBe(400);
    expect(chart.bars[1]?.barWidth).toBe(100);
  });

  it('puts each row below the previous one with the label above its bar', () => {
    const chart = barChart(rows, { labelHeight: 20, barHeight: 10, rowGap: 5 });
    expect(chart.bars.map((b) => b.y)).toEqual([0, 35]);
    expect(chart.bars[1]?.barY).toBe(55);
    expect(chart.bars[1]?.labelY).toBeLessThan(55);
  });

  it('places the paper reference mark on the same scale', () => {
    const chart = barChart(rows, { width: 500, valueWidth: 100 });
    expect(chart.bars[0]?.referenceX).toBeCloseTo(300);
    expect(chart.bars[1]?.referenceX).toBeNull();
  });

  it('writes the value past both the bar and the reference mark', () => {
    const chart = barChart(
      [
        { share: 0.1, paper: 0.5 },
        { share: 0.5, paper: 0.1 },
      ],
      { width: 500, valueWidth: 100 },
    );
    expect(chart.bars.map((b) => b.valueX)).toEqual([406, 406]);
  });

  it('widens the scale when a reference share exceeds every bar', () => {
    const chart = barChart([{ share: 0.1, paper: 0.9 }], { width: 500, valueWidth: 100 });
    expect(chart.bars[0]?.referenceX).toBeCloseTo(360);
    expect(chart.bars[0]?.barWidth).toBeCloseTo(40);
  });

  it('draws empty bars on a 0..1 axis when every share is zero', () => {
    const chart = barChart([{ share: 0 }]);
    expect(chart.bars[0]?.barWidth).toBe(0);
    expect(chart.ticks.at(-1)?.value).toBe(1);
  });

  it('starts the ticks at zero at the left edge', () => {
    const chart = barChart(rows);
    expect(chart.ticks[0]).toEqual({ value: 0, pos: 0 });
    expect(chart.ticks.length).toBeGreaterThan(2);
  });

  it('makes the chart tall enough for every row and the axis', () => {
    const chart = barChart(rows, { labelHeight: 20, barHeight: 10, rowGap: 5, axisHeight: 20 });
    expect(chart.height).toBe(90);
  });
});

describe('grouped bar chart geometry', () => {
  const groups = [
    { values: [{ share: 0.5 }, { share: 0.25 }] },
    { values: [{ share: 0 }, { share: 0.1 }] },
  ];

  it('starts every bar after the series name gutter', () => {
    const chart = groupedBarChart(groups, { seriesWidth: 30 });
    expect(chart.groups.flatMap((g) => g.bars.map((b) => b.x))).toEqual([30, 30, 30, 30]);
  });

  it('stacks the bars of a group one under the other', () => {
    const chart = groupedBarChart(groups, { labelHeight: 20, barHeight: 10, innerGap: 2 });
    const [a, b] = chart.groups[0]?.bars ?? [];
    expect(a?.y).toBe(20);
    expect(b?.y).toBe(32);
  });

  it('draws all series on one shared scale', () => {
    const chart = groupedBarChart(groups, { width: 530, valueWidth: 100, seriesWidth: 30 });
    expect(chart.groups[0]?.bars[0]?.width).toBe(400);
    expect(chart.groups[0]?.bars[1]?.width).toBe(200);
  });

  it('offsets the ticks by the gutter', () => {
    const chart = groupedBarChart(groups, { seriesWidth: 30 });
    expect(chart.ticks[0]).toEqual({ value: 0, pos: 30 });
  });
});

describe('heatmap geometry', () => {
  const cells = [
    [{ count: 0 }, { count: 5 }],
    [{ count: 10 }, { count: 2 }],
  ];

  const geometry = { headerHeight: 20, labelHeight: 10, cellWidth: 40, cellHeight: 30 };

  it('places each row of cells below its label line and the header', () => {
    const map = heatmap(cells, geometry);
    expect(map.cells.at(-1)).toMatchObject({ row: 1, col: 1, x: 40, y: 70, width: 40, height: 30 });
    expect(map.width).toBe(80);
    expect(map.height).toBe(100);
  });

  it('maps counts to intensity linearly from zero to the largest cell', () => {
    const map = heatmap(cells);
    expect(map.cells.map((c) => c.intensity)).toEqual([0, 0.5, 1, 0.2]);
  });

  it('keeps every intensity at zero when the matrix is empty', () => {
    const map = heatmap([[{ count: 0 }]]);
    expect(map.cells[0]?.intensity).toBe(0);
    expect(map.max).toBe(0);
  });

  it('gives zero its own colour step and any other count at least the first', () => {
    expect(heatStep(0)).toBe(0);
    expect(heatStep(0.001)).toBe(1);
    expect(heatStep(1)).toBe(HEAT_STEPS);
    expect(heatStep(2)).toBe(HEAT_STEPS);
  });

  it('switches numbers to the inverse colour on the darker steps', () => {
    const map = heatmap([[{ count: 1 }, { count: 10 }]]);
    expect(map.cells.map((c) => c.inverse)).toEqual([false, true]);
    expect(map.cells.every((c) => c.inverse === c.step >= HEAT_INVERSE_FROM)).toBe(true);
  });

  it('puts each row label just above its cells', () => {
    const map = heatmap(cells, geometry);
    expect(map.labelY).toEqual([25, 65]);
    expect(map.cells.filter((c) => c.col === 0).map((c) => c.y)).toEqual([30, 70]);
  });

  it('centres column codes on their cells', () => {
    expect(heatmap(cells, geometry).colX).toEqual([20, 60]);
  });

  it('lists only the colour steps some count falls in, with their ranges', () => {
    expect(heatLegend(3)).toEqual([
      { step: 0, from: 0, to: 0 },
      { step: 3, from: 1, to: 1 },
      { step: 5, from: 2, to: 2 },
      { step: 8, from: 3, to: 3 },
    ]);
  });

  it('gives every count up to the largest exactly one legend step', () => {
    for (const top of [1, 7, 10, 250]) {
      const legend = heatLegend(top);
      for (let count = 0; count <= top; count += 1) {
        const step = heatStep(count / top);
        expect(legend.filter((l) => l.from <= count && count <= l.to).map((l) => l.step)).toEqual([
          step,
        ]);
      }
    }
  });
});

describe('monthly chart geometry', () => {
  const rows = [
    { month: '2024-12', valid: 4, invalid: 2 },
    { month: '2025-01', valid: 2, invalid: 0 },
    { month: '2025-02', valid: 0, invalid: 0 },
  ];

  it('stacks INVALID on top of VALID from the baseline', () => {
    const chart = monthlyChart(rows);
    const first = chart.columns[0];
    expect(first && first.valid.y + first.valid.height).toBeCloseTo(chart.baseline);
    expect(first && first.invalid.y + first.invalid.height).toBeCloseTo(first?.valid.y ?? NaN);
  });

  it('scales column heights in proportion to their counts', () => {
    const chart = monthlyChart(rows);
    const [a, b] = chart.columns;
    expect((a?.valid.height ?? 0) / (b?.valid.height ?? 1)).toBeCloseTo(2);
    expect(chart.columns[2]?.valid.height).toBe(0);
  });

  it('gives months equal widths in calendar order', () => {
    const chart = monthlyChart(rows);
    const xs = chart.columns.map((c) => c.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    expect(new Set(chart.columns.map((c) => c.width)).size).toBe(1);
  });

  it('writes the year under the first month and under each January', () => {
    expect(monthlyChart(rows).columns.map((c) => c.year)).toEqual(['2024', '2025', null]);
  });

  it('labels every n-th month when there are more than fit', () => {
    const many = Array.from({ length: 24 }, (_, i) => ({
      month: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      valid: 1,
      invalid: 0,
    }));
    const labels = monthlyChart(many, { maxLabels: 12 }).columns.map((c) => c.label);
    expect(labels.slice(0, 4)).toEqual(['Jan', null, 'Mar', null]);
  });

  it('keeps only whole-number count ticks', () => {
    const chart = monthlyChart([{ month: '2025-01', valid: 1, invalid: 0 }]);
    expect(chart.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
  });
});
