/**
 * Statistics for comparing shares: the Wilson score interval of a proportion, the two-proportion
 * z test, and Holm's correction for testing many labels at once. The normal distribution comes
 * from jStat (simple-statistics was tried first: its probit is off in the third decimal, 1.9572
 * for 1.9600, which the tests below catch).
 */
import jStat from 'jstat';

/** Confidence of every interval the atlas shows. */
export const CONFIDENCE = 0.95;
/** Corrected p-values below this mark a difference as significant. */
export const ALPHA = 0.05;

/** The normal quantile for a two-sided interval of `confidence` (1.959964… for 95%). */
export function zFor(confidence: number): number {
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

export interface Interval {
  low: number;
  high: number;
}

// The quantile of the usual confidence, worked out once: the compare view asks for hundreds of
// intervals per update.
const Z_DEFAULT = zFor(CONFIDENCE);

/**
 * The Wilson score interval of `count` successes in `total` trials. Unlike the normal
 * approximation it stays inside [0, 1] and is honest for small groups and shares near 0 or 1.
 * An empty group gives the whole range [0, 1]: it says nothing.
 */
export function wilson(count: number, total: number, confidence = CONFIDENCE): Interval {
  if (total === 0) return { low: 0, high: 1 };
  const z = confidence === CONFIDENCE ? Z_DEFAULT : zFor(confidence);
  const p = count / total;
  const z2n = (z * z) / total;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / total + z2n / (4 * total));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|). */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * jStat.normal.cdf(-Math.abs(z), 0, 1));
}

export interface ZTest {
  z: number;
  p: number;
}

/**
 * The pooled two-proportion z test of c1/n1 against c2/n2. With an empty group, or a label that
 * every or no episode of both groups carries, there is nothing to test: z = 0, p = 1.
 */
export function twoProportionZ(c1: number, n1: number, c2: number, n2: number): ZTest {
  if (n1 === 0 || n2 === 0) return { z: 0, p: 1 };
  const pooled = (c1 + c2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (c1 / n1 - c2 / n2) / se;
  return { z, p: normalTwoSided(z) };
}

/**
 * Holm's step-down correction of p-values for the number of tests (here: the labels of one axis
 * compared at once). It controls the family-wise error rate like Bonferroni's but rejects more.
 * Returns the adjusted p-values in the input order.
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

interface ChiSquareTest {
  chi2: number;
  df: number;
  p: number;
}

/**
 * Pearson's chi-square test that a label's share is the same in every group: the 2 × k table of
 * episodes with and without the label, df = k − 1 over the groups that have episodes. With two
 * groups it is the pooled two-proportion z test squared (same p). With fewer than two non-empty
 * groups, or a label that every or no episode carries, there is nothing to test: p = 1.
 */
export function chiSquareHomogeneity(
  counts: readonly number[],
  totals: readonly number[],
): ChiSquareTest {
  const groups = totals.flatMap((n, i) => (n > 0 ? [{ c: counts[i] ?? 0, n }] : []));
  const n = groups.reduce((sum, g) => sum + g.n, 0);
  const c = groups.reduce((sum, g) => sum + g.c, 0);
  const df = groups.length - 1;
  if (df < 1 || c === 0 || c === n) return { chi2: 0, df: Math.max(df, 0), p: 1 };
  const pooled = c / n;
  let chi2 = 0;
  for (const g of groups) {
    const withLabel = g.n * pooled;
    const without = g.n - withLabel;
    chi2 += (g.c - withLabel) ** 2 / withLabel + (g.n - g.c - without) ** 2 / without;
  }
  return { chi2, df, p: Math.min(1, Math.max(0, 1 - jStat.chisquare.cdf(chi2, df))) };
}
