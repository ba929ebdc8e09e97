import { describe, it, expect } from 'vitest';
import { agentProfile } from '../../src/lib/profile.ts';
import { compareGroups, tallyEpisodes } from '../../src/lib/compare.ts';
import { twoProportionZ, wilson } from '../../src/lib/proportions.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { population, populationSize } from '../../src/lib/stats.ts';
import { episodeOf, invalidRecord, validRecord, type Json } from './helpers.ts';

let next = 0;
function ep(overrides: Json): Episode {
  next += 1;
  return episodeOf(validRecord({ session_id: `session_${next}`, ...overrides }));
}
const many = (n: number, overrides: Json) => Array.from({ length: n }, () => ep(overrides));
const symptom = (code: string): Json => ({
  symptom: { reasoning: 'r', labels: [code], other_descriptor: null },
});

// Claude Code: 30 valid, 24 of them S3; others: 40 valid, 8 of them S3; 3 rejected Claude Code.
const episodes = [
  ...many(24, { agent: 'Claude Code', session_type: 'CLI', ...symptom('S3') }),
  ...many(6, { agent: 'Claude Code', session_type: 'CLI', ...symptom('S5') }),
  ...many(8, { agent: 'Cursor IDE', ...symptom('S3') }),
  ...many(32, { agent: 'Cursor IDE', ...symptom('S5') }),
  ...['a', 'b', 'c'].map((s) =>
    episodeOf(invalidRecord({ session_id: `session_${s}`, agent: 'Claude Code' })),
  ),
];
const profile = agentProfile('Claude Code', episodes);

describe('agentProfile', () => {
  it('covers every axis with its denominator', () => {
    expect(profile.map((a) => a.axis)).toEqual([
      'form',
      'cause',
      'cost',
      'locus',
      'resolution',
      'resolver',
    ]);
    expect(profile.find((a) => a.axis === 'locus')?.of).toMatch(/damaging/);
    expect(profile.find((a) => a.axis === 'resolver')?.of).toMatch(/resolved/);
  });

  it("puts the agent's valid episodes beside every valid episode, rejected ones left out", () => {
    const s3 = profile.find((a) => a.axis === 'form')?.rows.find((r) => r.code === 'S3');
    expect([s3?.own.count, s3?.own.total]).toEqual([24, 30]);
    expect([s3?.overall.count, s3?.overall.total]).toEqual([32, 70]);
    expect(s3?.own.interval).toEqual(wilson(24, 30));
  });

  it('tests the agent against every other agent and marks the direction', () => {
    const form = profile.find((a) => a.axis === 'form');
    const s3 = form?.rows.find((r) => r.code === 'S3');
    const s5 = form?.rows.find((r) => r.code === 'S5');
    // 24/30 against 8/40: pooled 32/70, se = √(0.457143 · 0.542857 · (1/30 + 1/40)) = 0.120317,
    // z = 0.6 / se = 4.98683, far past any correction for eight labels.
    expect(twoProportionZ(24, 30, 8, 40).z).toBeCloseTo(4.98683, 4);
    expect(s3?.difference).toBeCloseTo(0.8 - 0.2, 12);
    expect(s3?.marked).toBe('higher');
    expect(s5?.marked).toBe('lower');
    expect(form?.rows.find((r) => r.code === 'S1')?.marked).toBeNull();
  });
});

describe('agentProfile against every other agent', () => {
  it('is the comparison of the agent with the other agents’ episodes, counted from the whole', () => {
    const mixed = [
      ...episodes,
      ...many(5, { agent: 'Codex', ...symptom('S1') }),
      ep({
        agent: 'Codex',
        symptom: { reasoning: 'r', labels: ['S1', 'S3'], other_descriptor: null },
      }),
    ];
    for (const agent of ['Claude Code', 'Cursor IDE', 'Codex', 'Nobody']) {
      const expected = compareGroups([
        { name: agent, episodes: mixed.filter((e) => e.agent === agent) },
        { name: 'rest', episodes: mixed.filter((e) => e.agent !== agent) },
      ]);
      const got = agentProfile(agent, mixed);
      expect(got.map((a) => a.axis)).toEqual(expected.map((a) => a.axis));
      got.forEach((axis, i) => {
        const labels = expected[i]?.labels ?? [];
        expect(axis.rows.map((r) => r.code)).toEqual(labels.map((l) => l.code));
        axis.rows.forEach((row, j) => {
          const label = labels[j];
          expect(row.own).toEqual(label?.cells[0]);
          expect(row.pAdjusted).toBe(label?.pAdjusted);
          expect(row.difference).toBe(label?.difference ?? 0);
        });
      });
    }
  });

  it('counts a code once per episode even when it is listed twice', () => {
    // The schema refuses a symptom listed twice; the count must not depend on that.
    const once = ep(symptom('S3'));
    const twice = structuredClone(once);
    const labels = twice.annotation?.symptom.labels;
    labels?.push(...labels);
    expect(labels).toEqual(['S3', 'S3']);
    expect(tallyEpisodes([twice], 'form').counts.get('S3')).toBe(1);
  });
});

describe('populationSize', () => {
  it('agrees with population() on every axis, from counts alone', () => {
    const mixed = [
      ...episodes,
      ep({ outcome: { reasoning: 'r', damage_severity: 'DS3', damage_locus: 'DL4' } }),
      ep({ outcome: { reasoning: 'r', damage_severity: 'DS1', damage_locus: null } }),
      ep({ resolution: { reasoning: 'r', status: 'RS1', resolver: 'RV3' } }),
    ];
    const valid = mixed.filter((e) => e.validation.label === 'VALID');
    const sizes = { valid: valid.length, invalid: mixed.length - valid.length };
    const count = (axis: 'cost' | 'resolution' | 'form', code: string) =>
      population(valid, axis).filter((e) =>
        axis === 'cost'
          ? e.annotation?.outcome.severity === code
          : axis === 'resolution'
            ? e.annotation?.resolution.status === code
            : false,
      ).length;
    for (const axis of ['form', 'cost', 'locus', 'resolution', 'resolver', 'validation'] as const)
      expect(populationSize(axis, sizes, (a, code) => count(a as 'cost', code))).toBe(
        population(mixed, axis).length,
      );
  });
});
