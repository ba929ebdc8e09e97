import { describe, it, expect } from 'vitest';
import {
  cellQuery,
  compareAxis,
  compareGroups,
  intervalChart,
  prebuiltComparisons,
  type Group,
} from '../../src/lib/compare.ts';
import { agentSlug } from '../../src/lib/paths.ts';
import { chiSquareHomogeneity, holm, twoProportionZ, wilson } from '../../src/lib/proportions.ts';
import { population } from '../../src/lib/stats.ts';
import { SYMPTOMS } from '../../src/lib/taxonomy.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { episodeOf, invalidRecord, validRecord, type Json } from './helpers.ts';

let next = 0;
function ep(overrides: Json): Episode {
  next += 1;
  return episodeOf(validRecord({ session_id: `session_${next}`, ...overrides }));
}
const symptom = (code: string): Json => ({
  symptom: { reasoning: 'r', labels: [code], other_descriptor: null },
});
const outcome = (severity: string, locus: string | null): Json => ({
  outcome: { reasoning: 'r', damage_severity: severity, damage_locus: locus },
});
const many = (n: number, overrides: Json) => Array.from({ length: n }, () => ep(overrides));

// IDE: 6 of 10 valid episodes are S3, 4 are S5; CLI: 2 of 10 are S3, 8 are S5.
const ide = [
  ...many(6, { ...symptom('S3'), session_type: 'IDE' }),
  ...many(4, { ...symptom('S5'), session_type: 'IDE', ...outcome('DS1', null) }),
  episodeOf(invalidRecord({ session_id: 'session_inv', session_type: 'IDE' })),
];
const cli = [
  ...many(2, { ...symptom('S3'), session_type: 'CLI', agent: 'Claude Code' }),
  ...many(8, {
    ...symptom('S5'),
    session_type: 'CLI',
    agent: 'Claude Code',
    ...outcome('DS1', null),
  }),
];
const groupOf = (name: string, episodes: Episode[]): Group => ({
  name,
  episodes,
  filters: { platform: [name] },
});
const result = compareGroups([groupOf('IDE', ide), groupOf('CLI', cli)]);
const form = result.find((a) => a.axis === 'form');

describe('compareGroups', () => {
  it('counts shares of valid episodes only', () => {
    expect(form?.totals).toEqual([10, 10]);
    const s3 = form?.labels.find((l) => l.code === 'S3');
    expect(s3?.cells.map((c) => [c.count, c.total])).toEqual([
      [6, 10],
      [2, 10],
    ]);
    expect(s3?.difference).toBeCloseTo(0.4, 12);
  });

  it('gives each share its Wilson interval and each label the z test of its difference', () => {
    const s3 = form?.labels.find((l) => l.code === 'S3');
    expect(s3?.cells[0]?.interval).toEqual(wilson(6, 10));
    // pooled 0.4, se = √(0.4 · 0.6 · 0.2) = 0.219089, z = 0.4 / se = 1.825742.
    expect(s3?.statistic).toBeCloseTo(1.825742, 5);
    expect(s3?.p).toBeCloseTo(twoProportionZ(6, 10, 2, 10).p, 12);
  });

  it('corrects the p-values with Holm over every label of the axis', () => {
    const ps = form?.labels.map((l) => l.p) ?? [];
    expect(ps).toHaveLength(8);
    expect(form?.labels.map((l) => l.pAdjusted)).toEqual(holm(ps));
    // S3 and S5 both have p ≈ 0.068 uncorrected; eight labels make neither significant.
    expect(form?.labels.some((l) => l.significant)).toBe(false);
  });

  it('marks a difference significant when the corrected p is below 0.05', () => {
    const big = compareGroups([
      groupOf('IDE', many(60, { ...symptom('S3'), session_type: 'IDE' })),
      groupOf('CLI', many(60, { ...symptom('S5'), session_type: 'CLI' })),
    ]);
    const s3 = big.find((a) => a.axis === 'form')?.labels.find((l) => l.code === 'S3');
    expect(s3?.pAdjusted).toBeLessThan(0.05);
    expect(s3?.significant).toBe(true);
  });

  it('takes damage locus over damaging episodes and resolver over resolved ones', () => {
    const locus = result.find((a) => a.axis === 'locus');
    // The default record is DS2 with DL1; the S5 episodes were made DS1 and have no locus.
    expect(locus?.totals).toEqual([6, 2]);
    expect(locus?.of).toMatch(/damaging/);
    const resolver = result.find((a) => a.axis === 'resolver');
    expect(resolver?.totals).toEqual([10, 10]);
    expect(population(ide, 'resolver')).toHaveLength(10);
  });
});

describe('compareAxis with more than two groups', () => {
  const tally = (total: number, s3: number) => ({ total, counts: new Map([['S3', s3]]) });
  const axis = compareAxis('form', SYMPTOMS, [tally(100, 10), tally(100, 20), tally(100, 30)]);
  const s3 = axis.labels.find((l) => l.code === 'S3');

  it('tests the shares with chi-square on k − 1 degrees of freedom', () => {
    // Pooled 0.2: expected 20 with and 80 without in each group, so
    // χ² = (100 + 0 + 100) / 20 + (100 + 0 + 100) / 80 = 12.5; with 2 df, p = e^(−12.5 / 2).
    expect(s3?.statistic).toBeCloseTo(12.5, 9);
    expect(s3?.p).toBeCloseTo(Math.exp(-6.25), 9);
    expect(s3?.difference).toBeNull();
    expect(s3?.cells.map((c) => c.total)).toEqual([100, 100, 100]);
  });

  it('gives every label a cell per group and corrects over the axis', () => {
    expect(axis.labels).toHaveLength(8);
    expect(axis.labels.every((l) => l.cells.length === 3)).toBe(true);
    expect(axis.labels.map((l) => l.pAdjusted)).toEqual(holm(axis.labels.map((l) => l.p)));
  });

  it('agrees with the z test when there are two groups', () => {
    const two = compareAxis('form', SYMPTOMS, [tally(100, 10), tally(100, 20)]);
    const label = two.labels.find((l) => l.code === 'S3');
    expect(label?.p).toBeCloseTo(chiSquareHomogeneity([10, 20], [100, 100]).p, 9);
    expect(label?.difference).toBeCloseTo(-0.1, 12);
  });
});

describe('prebuiltComparisons', () => {
  const episodes = [
    ...ide,
    ...cli,
    ...many(5, { agent: 'Codex', session_type: 'CLI' }),
    ...many(4, { agent: 'Gemini CLI', session_type: 'CLI' }),
    ...many(9, { agent: 'Unknown' }),
  ];
  const specs = prebuiltComparisons(episodes, agentSlug);

  it('compares IDE with CLI, then the largest named agents with the rest', () => {
    // Claude Code and Cursor IDE tie at 10 valid episodes (by name); Gemini CLI has too few,
    // and Unknown is not an agent.
    expect(specs.map((s) => s.slug)).toEqual([
      'ide-vs-cli',
      'claude-code-vs-rest',
      'cursor-ide-vs-rest',
      'codex-vs-rest',
    ]);
  });

  it("puts every other agent's episodes in the rest", () => {
    const codex = specs.find((s) => s.slug === 'codex-vs-rest');
    expect(codex?.groups[0].episodes).toHaveLength(5);
    expect(codex?.groups[1].episodes).toHaveLength(episodes.length - 5);
    expect(codex?.groups[1].filters?.agent).toEqual([
      'Claude Code',
      'Cursor IDE',
      'Gemini CLI',
      'Unknown',
    ]);
  });
});

describe('cellQuery', () => {
  it("opens the group's episodes with the label in Browse", () => {
    expect(cellQuery({ platform: ['IDE'] }, 'form', 'S3')).toBe('symptom=S3&platform=IDE');
    expect(cellQuery({ platform: ['CLI'] }, 'locus', 'DL2')).toBe('locus=DL2&platform=CLI');
  });
});

describe('intervalChart', () => {
  it('places each share and its interval on one scale from 0', () => {
    if (!form) throw new Error('no form axis');
    const chart = intervalChart(form);
    const s3 = chart.rows.find((r) => r.code === 'S3');
    const [first, second] = s3?.marks ?? [];
    expect(first && first.low < first.x && first.x < first.high).toBe(true);
    expect(second && second.x < (first?.x ?? 0)).toBe(true);
    expect(chart.ticks[0]?.x).toBe(chart.plotX);
    expect(chart.rows).toHaveLength(8);
  });

  it('gives each of four groups its own lane, in order, centred on the row', () => {
    const tally = { total: 10, counts: new Map([['S3', 5]]) };
    const chart = intervalChart(compareAxis('form', SYMPTOMS, [tally, tally, tally, tally]));
    const ys = chart.rows[0]?.marks.map((m) => m.y) ?? [];
    expect(ys).toHaveLength(4);
    expect(ys.every((y, i) => i === 0 || y > (ys[i - 1] ?? 0))).toBe(true);
    const centre = ((ys[0] ?? 0) + (ys[3] ?? 0)) / 2;
    expect((chart.rows[0]?.labelY ?? 0) - 4).toBeCloseTo(centre, 9);
  });
});
