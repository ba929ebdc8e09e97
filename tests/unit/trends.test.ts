import { describe, it, expect } from 'vitest';
import { labelTrends, sparkline } from '../../src/lib/trends.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { episodeOf, invalidRecord, validRecord } from './helpers.ts';

let next = 0;
function ep(month: string, symptom: string): Episode {
  next += 1;
  return episodeOf(
    validRecord({
      session_id: `session_${next}`,
      session_timestamp: `${month}-15 10:00:00`,
      symptom: { reasoning: 'r', labels: [symptom], other_descriptor: null },
    }),
  );
}
const times = (n: number, month: string, symptom: string) =>
  Array.from({ length: n }, () => ep(month, symptom));

// S3 grows from 2 in 10 to 4 in 10 to 6 in 10; March 2025 has only 2 episodes; S5 takes the rest.
const episodes = [
  ...times(2, '2025-01', 'S3'),
  ...times(8, '2025-01', 'S5'),
  ...times(2, '2025-03', 'S3'),
  ...times(4, '2025-04', 'S3'),
  ...times(6, '2025-04', 'S5'),
  ...times(6, '2025-05', 'S3'),
  ...times(4, '2025-05', 'S5'),
  episodeOf(invalidRecord({ session_id: 'session_x', session_timestamp: '2025-02-01 10:00:00' })),
];
const trends = labelTrends(episodes, 'form', 10);
const s3 = trends.series.find((s) => s.code === 'S3');

describe('labelTrends', () => {
  it('has every month from the first to the last, with valid episodes as the denominator', () => {
    expect(trends.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05']);
    expect(trends.totals).toEqual([10, 0, 2, 10, 10]);
    expect(s3?.points.map((p) => p.share)).toEqual([0.2, 0, 1, 0.4, 0.6]);
  });

  it('marks months below the minimum count unreadable', () => {
    expect(s3?.points.map((p) => p.readable)).toEqual([true, false, false, true, true]);
  });

  it('fits the direction on readable months only', () => {
    // Points (0, 0.2), (3, 0.4), (4, 0.6): Sxy = 0.8, Sxx = 26/3, slope = 0.8 / (26/3) = 0.0923.
    expect(s3?.slope).toBeCloseTo(0.8 / (26 / 3), 9);
    expect(s3?.direction).toBe('rising');
    expect(trends.series.find((s) => s.code === 'S5')?.direction).toBe('falling');
    expect(trends.series.find((s) => s.code === 'S1')?.direction).toBe('flat');
  });

  it('gives no direction with fewer than three readable months', () => {
    const few = labelTrends(episodes, 'form', 11);
    expect(few.series.every((s) => s.direction === 'too few months' && s.slope === null)).toBe(
      true,
    );
  });
});

describe('sparkline', () => {
  it('joins readable months and breaks the line at an unreadable one', () => {
    if (!s3) throw new Error('no S3 series');
    const line = sparkline(s3, 1, { width: 100, height: 50, pad: 0 });
    // Months 0, 3, 4 are readable: a lone point at 0 (M only), then a segment from 3 to 4.
    expect(line.path).toBe('M0.0 40.0M75.0 30.0L100.0 20.0');
    // February has no episodes: no mark. March (2 episodes, share 1) is pinned inside the chart.
    expect(line.marks.map((m) => m.month)).toEqual(['2025-01', '2025-03', '2025-04', '2025-05']);
    expect(line.marks[1]?.y).toBe(0);
  });
});
