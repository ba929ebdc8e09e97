import { describe, it, expect } from 'vitest';
import { parseRelease } from '../../src/lib/parse.ts';
import { runPipeline } from '../../src/lib/pipeline.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { generateRecords, random, type Layout } from '../../src/lib/synthetic.ts';
import { bytesOf, TEST_REDACTION_KEY } from './helpers.ts';

const COUNT = 300;

describe('random', () => {
  it('repeats its sequence for a seed', () => {
    const a = random(42);
    const b = random(42);
    const first = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(first);
  });

  it('gives another sequence for another seed', () => {
    const a = random(42);
    const b = random(43);
    expect(Array.from({ length: 5 }, b)).not.toEqual(Array.from({ length: 5 }, a));
  });

  it('stays within [0, 1)', () => {
    const next = random(7);
    const values = Array.from({ length: 5000 }, next);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(4900);
  });
});

describe('generateRecords', () => {
  it.each<Layout>(['nested', 'flat'])('is deterministic for a seed (%s)', (layout) => {
    const first = JSON.stringify(generateRecords({ count: 50, seed: 11, layout }));
    expect(JSON.stringify(generateRecords({ count: 50, seed: 11, layout }))).toBe(first);
  });

  it('differs for another seed', () => {
    const a = generateRecords({ count: 50, seed: 11, layout: 'nested' });
    const b = generateRecords({ count: 50, seed: 12, layout: 'nested' });
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
  });

  it.each([1, 7, 300])('makes exactly %d records', (count) => {
    expect(generateRecords({ count, seed: 1, layout: 'nested' })).toHaveLength(count);
  });

  it('writes the flattened annotation in the flat layout', () => {
    const [record] = generateRecords({ count: 1, seed: 5, layout: 'flat' });
    expect(record).toHaveProperty('S1');
    expect(record).toHaveProperty('resolution_status');
    expect(record).not.toHaveProperty('symptom');
  });

  it('includes both VALID and INVALID records, and records under licences that stay out', () => {
    const records = generateRecords({ count: COUNT, seed: 9, layout: 'nested' });
    const labels = new Set(records.map((r) => r['label']));
    const licences = new Set(records.map((r) => r['license_type']));
    expect([...labels].sort()).toEqual(['INVALID', 'VALID']);
    expect(licences.has('MIT') && (licences.has('GPL-3.0') || licences.has('NO_LICENSE'))).toBe(
      true,
    );
  });

  it.each<[Layout, number]>([
    ['nested', 1],
    ['flat', 1],
    ['nested', 2026],
    ['flat', 2026],
  ])('makes %s records (seed %d) that all pass the pipeline', (layout, seed) => {
    const records = generateRecords({ count: COUNT, seed, layout });
    const result = runPipeline(bytesOf({ misalignments: records }), {
      inputName: 'synthetic',
      sample: false,
      skipInvalid: false,
      redactionKey: TEST_REDACTION_KEY,
    });
    if (!result.ok) throw new Error(result.problems.slice(0, 5).join('\n'));
    expect(result.skipped).toEqual([]);
    expect(result.report.input).toBe(COUNT);
    expect(result.report.excluded['invalid-record'] + result.report.excluded.duplicate).toBe(0);
    expect(result.report.published + result.report.excluded.license).toBe(COUNT);
  });

  it('gives the same episodes in both layouts for a seed', () => {
    const episodesOf = (layout: Layout): Episode[] =>
      parseRelease(JSON.stringify(generateRecords({ count: 100, seed: 4, layout }))).episodes.map(
        ({ episode }) => {
          const a = episode.annotation;
          if (!a) return episode;
          const labels = [...a.cause.labels].sort((x, y) => (x.code < y.code ? -1 : 1));
          return { ...episode, annotation: { ...a, cause: { ...a.cause, labels } } };
        },
      );
    const nested = episodesOf('nested');
    expect(nested).toHaveLength(100);
    expect(episodesOf('flat')).toEqual(nested);
  });
});
