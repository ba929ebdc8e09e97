import { describe, it, expect } from 'vitest';
import { intersectionQuery, liftMatrix } from '../../src/lib/lift.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { episodeOf, invalidRecord, validRecord } from './helpers.ts';

let next = 0;
function withSymptoms(...labels: string[]): Episode {
  next += 1;
  return episodeOf(
    validRecord({
      session_id: `session_${next}`,
      symptom: { reasoning: 'r', labels, other_descriptor: null },
    }),
  );
}
const times = (n: number, make: () => Episode) => Array.from({ length: n }, make);

// 100 valid episodes: S2 on 40, S4 on 25, both on 20. Expected both = 40 · 25 / 100 = 10.
const episodes = [
  ...times(20, () => withSymptoms('S2', 'S4')),
  ...times(20, () => withSymptoms('S2')),
  ...times(5, () => withSymptoms('S4')),
  ...times(55, () => withSymptoms('S5')),
  episodeOf(invalidRecord({ session_id: 'session_invalid' })),
];
const m = liftMatrix(episodes, 'form');
const at = (a: string, b: string) =>
  m.cells[m.labels.findIndex((l) => l.code === a)]?.[m.labels.findIndex((l) => l.code === b)];

describe('liftMatrix', () => {
  it('counts over valid episodes only', () => {
    expect(m.n).toBe(100);
    expect(m.counts[m.labels.findIndex((l) => l.code === 'S2')]).toBe(40);
  });

  it('divides the observed pairs by n_a · n_b / n', () => {
    expect(at('S2', 'S4')).toEqual({ both: 20, expected: 10, lift: 2, readable: true });
    expect(at('S4', 'S2')).toEqual(at('S2', 'S4'));
  });

  it('gives labels that never meet a lift of 0, and leaves the diagonal empty', () => {
    // S2 and S5: expected 40 · 55 / 100 = 22, observed 0.
    expect(at('S2', 'S5')).toEqual({ both: 0, expected: 22, lift: 0, readable: true });
    expect(at('S2', 'S2')).toBeNull();
  });

  it('greys a lift with fewer than five expected episodes', () => {
    // S4 and S1: S1 never occurs, so nothing is expected.
    expect(at('S4', 'S1')).toEqual({ both: 0, expected: 0, lift: 0, readable: false });
  });
});

describe('intersectionQuery', () => {
  it('selects both labels, one per facet', () => {
    expect(intersectionQuery('form', 'S7', 'cause', 'C6')).toBe('symptom=S7&cause=C6');
  });

  it('refuses two labels of one axis, which Browse would OR', () => {
    expect(() => intersectionQuery('form', 'S2', 'form', 'S4')).toThrow(/ORs/);
  });
});
