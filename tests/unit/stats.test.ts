import { describe, it, expect } from 'vitest';
import type { Episode } from '../../src/lib/schema.ts';
import {
  byMonth,
  codesOn,
  agentSummaries,
  companionAxes,
  cooccurrence,
  cooccurring,
  countBy,
  countLabels,
  headline,
  labelsOf,
  newestFirst,
  isMultiLabel,
  population,
  populationName,
  splitBy,
  validationSplit,
  withLabel,
} from '../../src/lib/stats.ts';
import { episodeOf, invalidRecord, validRecord, type Json } from './helpers.ts';

function valid(id: string, symptoms: string[], causes: string[], overrides: Json = {}): Episode {
  return episodeOf(
    validRecord({
      misalignment_id: id,
      symptom: {
        reasoning: 'r',
        labels: symptoms,
        other_descriptor: symptoms.includes('S8') ? 'other' : null,
      },
      cause: {
        reasoning: 'r',
        labels: causes.map((label) =>
          label === 'C7' ? { label } : { label, evidence_tier: 'direct' },
        ),
      },
      ...overrides,
    }),
  );
}

function invalid(id: string, category: string, overrides: Json = {}): Episode {
  return episodeOf(
    invalidRecord({ misalignment_id: id, invalid_category: category, ...overrides }),
  );
}

const a = valid('M001', ['S3', 'S4'], ['C2'], {
  session_timestamp: '2025-01-10 10:00:00',
  agent: 'Claude Code',
  session_type: 'CLI',
});
const b = valid('M002', ['S3'], ['C6'], {
  session_timestamp: '2025-01-20 10:00:00',
  outcome: { reasoning: 'r', damage_severity: 'DS1', damage_locus: null },
  resolution: { reasoning: 'r', status: 'RS2', resolver: null },
});
const c = valid('M003', ['S7'], ['C2', 'C6'], {
  session_timestamp: '2025-04-02 10:00:00',
  agent: 'Claude Code',
  session_type: 'CLI',
});
const d = invalid('M004', 'truncation', { session_timestamp: '2025-04-30 10:00:00' });
const e = invalid('M005', 'custom:agent_gave_up', {
  session_timestamp: '2025-02-14 10:00:00',
  source: 'swe',
  repository_id: '78',
});
const all = [a, b, c, d, e];

function countsOf(episodes: Episode[], axis: Parameters<typeof countLabels>[1]) {
  return Object.fromEntries(countLabels(episodes, axis).map((l) => [l.code, [l.count, l.share]]));
}

describe('codesOn', () => {
  it('reads each axis of an annotated episode', () => {
    expect(
      ['form', 'cause', 'cost', 'locus', 'resolution', 'resolver', 'validation'].map((axis) =>
        codesOn(a, axis as never),
      ),
    ).toEqual([['S3', 'S4'], ['C2'], ['DS2'], ['DL1'], ['RS1'], ['RV2'], []]);
  });

  it('gives an INVALID episode only its category', () => {
    expect([codesOn(d, 'form'), codesOn(d, 'cost'), codesOn(d, 'validation')]).toEqual([
      [],
      [],
      ['truncation'],
    ]);
  });
});

describe('population', () => {
  it('is the VALID episodes for an annotation axis', () => {
    expect(population(all, 'form').map((x) => x.key.misalignment)).toEqual([
      'M001',
      'M002',
      'M003',
    ]);
  });

  it('is the INVALID episodes for validation', () => {
    expect(population(all, 'validation').map((x) => x.key.misalignment)).toEqual(['M004', 'M005']);
  });

  it('is the damaging (DS2, DS3) VALID episodes for the damage locus, as in the paper', () => {
    expect(population(all, 'locus').map((x) => x.key.misalignment)).toEqual(['M001', 'M003']);
    expect(populationName('locus')).toBe('damaging episodes (DS2 or DS3)');
  });

  it('is the resolved (RS1) VALID episodes for the resolver, as in the paper', () => {
    expect(population(all, 'resolver').map((x) => x.key.misalignment)).toEqual(['M001', 'M003']);
    expect(populationName('resolver')).toBe('resolved episodes (RS1)');
  });
});

describe('countLabels over the paper’s denominators', () => {
  it('shares a locus out over the damaging episodes, not all valid ones', () => {
    expect(countsOf(all, 'locus')['DL1']).toEqual([2, 1]);
  });

  it('shares a resolver out over the resolved episodes', () => {
    expect(countsOf(all, 'resolver')['RV2']).toEqual([2, 1]);
  });

  it('splits a locus by platform over each platform’s damaging episodes', () => {
    const rows = splitBy(all, 'locus', 'DL1', (x) => x.platform);
    expect(rows.map((r) => [r.key, r.count, r.total])).toEqual([['CLI', 2, 2]]);
  });
});

describe('isMultiLabel', () => {
  it('holds for form and cause only', () => {
    const axes = [
      'form',
      'cause',
      'cost',
      'locus',
      'resolution',
      'resolver',
      'validation',
    ] as const;
    expect(axes.filter(isMultiLabel)).toEqual(['form', 'cause']);
  });
});

describe('countLabels', () => {
  it('counts each label with its share of the VALID episodes', () => {
    const counts = countsOf(all, 'form');
    expect(counts['S3']).toEqual([2, 2 / 3]);
    expect(counts['S4']).toEqual([1, 1 / 3]);
    expect(counts['S7']).toEqual([1, 1 / 3]);
  });

  it('lists every label of the axis in taxonomy order, zero counts included', () => {
    expect(countLabels(all, 'form').map((l) => `${l.code}:${l.count}`)).toEqual([
      'S1:0',
      'S2:0',
      'S3:2',
      'S4:1',
      'S5:0',
      'S6:0',
      'S7:1',
      'S8:0',
    ]);
  });

  it('counts a label once per episode even when it is listed twice', () => {
    const annotation = a.annotation;
    if (!annotation) throw new Error('a is annotated');
    const twice: Episode = {
      ...a,
      annotation: { ...annotation, symptom: { ...annotation.symptom, labels: ['S3', 'S3'] } },
    };
    expect(countsOf([twice], 'form')['S3']).toEqual([1, 1]);
  });

  it('shares multi-label causes over episodes, not labels', () => {
    const counts = countsOf(all, 'cause');
    expect(counts['C2']).toEqual([2, 2 / 3]);
    expect(counts['C6']).toEqual([2, 2 / 3]);
  });

  it('shares validation categories over the INVALID episodes', () => {
    const counts = countsOf(all, 'validation');
    expect(counts['truncation']).toEqual([1, 0.5]);
    expect(counts['custom:agent_gave_up']).toEqual([1, 0.5]);
  });

  it('appends custom categories after the eight known ones', () => {
    const codes = countLabels(all, 'validation').map((l) => l.code);
    expect(codes).toHaveLength(9);
    expect(codes[8]).toBe('custom:agent_gave_up');
  });

  it('gives share 0 when the population is empty', () => {
    expect(countLabels([d, e], 'form').every((l) => l.count === 0 && l.share === 0)).toBe(true);
  });

  it('names each label', () => {
    expect(countLabels(all, 'cost').find((l) => l.code === 'DS2')?.name).toBe(
      'Reversible System Damage',
    );
  });

  it('counts the optional locus only where present, over the damaging episodes', () => {
    const counts = countsOf(all, 'locus');
    expect(counts['DL1']).toEqual([2, 1]);
  });
});

describe('labelsOf', () => {
  it('adds custom categories found in the data, sorted', () => {
    const more = [...all, invalid('M006', 'custom:aaa_first')];
    expect(
      labelsOf(more, 'validation')
        .slice(8)
        .map((l) => l.code),
    ).toEqual(['custom:aaa_first', 'custom:agent_gave_up']);
  });

  it('adds nothing on an annotation axis', () => {
    expect(labelsOf(all, 'resolver').map((l) => l.code)).toEqual(['RV1', 'RV2', 'RV3']);
  });
});

describe('withLabel and countBy', () => {
  it('finds the episodes carrying a label', () => {
    expect(withLabel(all, 'cause', 'C6').map((x) => x.key.misalignment)).toEqual(['M002', 'M003']);
  });

  it('counts by a key, most frequent first, ties by key', () => {
    expect(countBy(all, (x) => x.agent)).toEqual([
      { key: 'Cursor IDE', count: 3 },
      { key: 'Claude Code', count: 2 },
    ]);
    expect(countBy([a, b], (x) => x.key.misalignment)).toEqual([
      { key: 'M001', count: 1 },
      { key: 'M002', count: 1 },
    ]);
  });
});

describe('cooccurrence', () => {
  const matrix = cooccurrence(all, 'form', 'cause');

  it('has one row per symptom and one column per cause', () => {
    expect([matrix.rows.length, matrix.cols.length]).toEqual([8, 7]);
    expect(matrix.cells.every((row) => row.length === 7)).toBe(true);
  });

  it('counts the episodes carrying both labels', () => {
    const cell = (s: number, c: number) => matrix.cells[s - 1]?.[c - 1];
    expect([cell(3, 2), cell(3, 6), cell(4, 2), cell(7, 2), cell(7, 6), cell(4, 6)]).toEqual([
      1, 1, 1, 1, 1, 0,
    ]);
  });

  it('sums to the number of label pairs', () => {
    const total = matrix.cells.flat().reduce((sum, n) => sum + n, 0);
    expect(total).toBe(2 + 1 + 2);
  });

  it('counts an episode once per pair even with a repeated label', () => {
    const annotation = a.annotation;
    if (!annotation) throw new Error('a is annotated');
    const twice: Episode = {
      ...a,
      annotation: { ...annotation, symptom: { ...annotation.symptom, labels: ['S3', 'S3'] } },
    };
    expect(cooccurrence([twice], 'form', 'cause').cells[2]?.[1]).toBe(1);
  });
});

describe('byMonth', () => {
  it('fills the months without episodes', () => {
    expect(byMonth(all)).toEqual([
      { month: '2025-01', valid: 2, invalid: 0 },
      { month: '2025-02', valid: 0, invalid: 1 },
      { month: '2025-03', valid: 0, invalid: 0 },
      { month: '2025-04', valid: 1, invalid: 1 },
    ]);
  });

  it('crosses a year boundary', () => {
    const late = valid('M010', ['S1'], ['C1'], { session_timestamp: '2024-11-05 00:00:00' });
    expect(byMonth([late, a]).map((m) => m.month)).toEqual(['2024-11', '2024-12', '2025-01']);
  });

  it('gives one month for a single episode', () => {
    expect(byMonth([c])).toEqual([{ month: '2025-04', valid: 1, invalid: 0 }]);
  });

  it('is empty for no episodes', () => {
    expect(byMonth([])).toEqual([]);
  });
});

describe('headline', () => {
  it('counts repositories, sessions, episodes, VALID episodes and agents', () => {
    const other = valid('M001', ['S1'], ['C1'], { session_id: 'session_004' });
    expect(headline([...all, other])).toEqual({
      repositories: 2,
      sessions: 3,
      episodes: 6,
      valid: 4,
      agents: 2,
      bySource: [
        { key: 'specstory', count: 5 },
        { key: 'swe', count: 1 },
      ],
    });
  });
});

describe('newestFirst', () => {
  it('sorts by timestamp, newest first', () => {
    expect(newestFirst(all).map((x) => x.key.misalignment)).toEqual([
      'M004',
      'M003',
      'M005',
      'M002',
      'M001',
    ]);
  });

  it('breaks ties by id', () => {
    const x = valid('M020', ['S1'], ['C1'], { session_timestamp: '2025-05-05 05:05:05' });
    const y = valid('M010', ['S1'], ['C1'], { session_timestamp: '2025-05-05 05:05:05' });
    expect(newestFirst([x, y]).map((z) => z.key.misalignment)).toEqual(['M010', 'M020']);
  });

  it('does not change its input', () => {
    const input = [a, b, c];
    newestFirst(input);
    expect(input).toEqual([a, b, c]);
  });
});

describe('splitBy', () => {
  it('shares a label within each group of the population', () => {
    expect(splitBy(all, 'form', 'S3', (x) => x.platform)).toEqual([
      { key: 'CLI', count: 1, total: 2, share: 0.5 },
      { key: 'IDE', count: 1, total: 1, share: 1 },
    ]);
  });

  it('leaves out groups with no population', () => {
    expect(splitBy(all, 'validation', 'truncation', (x) => x.key.source)).toEqual([
      { key: 'specstory', count: 1, total: 1, share: 1 },
      { key: 'swe', count: 0, total: 1, share: 0 },
    ]);
    expect(splitBy([d], 'form', 'S3', (x) => x.agent)).toEqual([]);
  });
});

describe('companionAxes', () => {
  it('lists the other main axes', () => {
    expect(companionAxes('cause')).toEqual(['form', 'cost', 'resolution']);
  });

  it('lists none for validation', () => {
    expect(companionAxes('validation')).toEqual([]);
  });
});

describe('validationSplit', () => {
  it('counts all, VALID and INVALID episodes', () => {
    expect(validationSplit(all)).toEqual({ total: 5, valid: 3, invalid: 2 });
  });
});

describe('agentSummaries', () => {
  it('gives each agent its counts, platforms and share, most episodes first', () => {
    const rows = agentSummaries(all);
    expect(rows.map((r) => [r.agent, r.count, r.valid])).toEqual([
      ['Cursor IDE', 3, 1],
      ['Claude Code', 2, 2],
    ]);
    expect(rows[1]).toMatchObject({ platforms: 'CLI', share: 0.4 });
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(all.length);
  });
});

describe('cooccurring', () => {
  it('counts the companion labels of the episodes carrying a label, leaving out the label', () => {
    const { size, groups } = cooccurring(all, 'form', 'S3');
    expect(size).toBe(2);
    expect(groups.map((g) => g.slug)).toEqual(['cause', 'cost', 'resolution']);
    expect(groups[0]?.counts.map((c) => [c.code, c.count])).toEqual([
      ['C2', 1],
      ['C6', 1],
    ]);
  });
});
