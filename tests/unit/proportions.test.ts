import { describe, it, expect } from 'vitest';
import {
  chiSquareHomogeneity,
  holm,
  normalTwoSided,
  twoProportionZ,
  wilson,
  zFor,
} from '../../src/lib/proportions.ts';

describe('zFor', () => {
  it('gives the 97.5th normal percentile for a 95% interval', () => {
    expect(zFor(0.95)).toBeCloseTo(1.959964, 5);
  });
});

describe('wilson', () => {
  it('matches the interval worked by hand for 10 of 50', () => {
    // p = 0.2, z²/n = 0.076829: centre 0.221343, half-width 0.108967.
    const { low, high } = wilson(10, 50);
    expect(low).toBeCloseTo(0.112438, 5);
    expect(high).toBeCloseTo(0.330371, 5);
  });

  it('has the closed form z² / (n + z²) as its upper bound for no successes', () => {
    const z = zFor(0.95);
    const { low, high } = wilson(0, 20);
    expect(low).toBe(0);
    expect(high).toBeCloseTo((z * z) / (20 + z * z), 9);
  });

  it('mirrors the bounds for all successes and stays inside [0, 1]', () => {
    expect(wilson(20, 20).high).toBeCloseTo(1, 12);
    expect(wilson(20, 20).high).toBeLessThanOrEqual(1);
    expect(wilson(20, 20).low).toBeCloseTo(1 - wilson(0, 20).high, 9);
  });

  it('says nothing about an empty group', () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('normalTwoSided', () => {
  it('gives 0.05 at the 95% critical value and 1 at zero', () => {
    expect(normalTwoSided(1.959964)).toBeCloseTo(0.05, 6);
    expect(normalTwoSided(-1.959964)).toBeCloseTo(0.05, 6);
    expect(normalTwoSided(0)).toBe(1);
  });
});

describe('twoProportionZ', () => {
  it('matches the pooled test worked by hand for 45/100 against 30/100', () => {
    // pooled 0.375; se = √(0.375 · 0.625 · 0.02) = 0.0684653; z = 0.15 / se.
    const { z, p } = twoProportionZ(45, 100, 30, 100);
    expect(z).toBeCloseTo(2.19089, 4);
    expect(p).toBeCloseTo(0.0284597, 5);
  });

  it('is symmetric in its groups', () => {
    const ab = twoProportionZ(12, 40, 30, 60);
    const ba = twoProportionZ(30, 60, 12, 40);
    expect(ba.z).toBeCloseTo(-ab.z, 12);
    expect(ba.p).toBeCloseTo(ab.p, 12);
  });

  it('has nothing to test with an empty group or a label both groups always carry', () => {
    expect(twoProportionZ(0, 0, 5, 10)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZ(10, 10, 7, 7)).toEqual({ z: 0, p: 1 });
  });
});

describe('holm', () => {
  it('multiplies the k-th smallest p by (m − k + 1) and keeps the order monotone', () => {
    // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → raised to 0.06.
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted[0]).toBeCloseTo(0.03, 12);
    expect(adjusted[1]).toBeCloseTo(0.06, 12);
    expect(adjusted[2]).toBeCloseTo(0.06, 12);
    expect(adjusted[3]).toBeCloseTo(0.02, 12);
  });

  it('never exceeds 1', () => {
    expect(holm([0.5, 0.6, 0.9])).toEqual([1, 1, 1]);
  });
});

describe('chiSquareHomogeneity', () => {
  it('matches the statistic worked by hand for 10, 20 and 30 of 100', () => {
    // Pooled 0.2: (10 − 20)² / 20 + 0 + (30 − 20)² / 20 + (90 − 80)² / 80 + 0 + (70 − 80)² / 80.
    const { chi2, df, p } = chiSquareHomogeneity([10, 20, 30], [100, 100, 100]);
    expect(chi2).toBeCloseTo(12.5, 12);
    expect(df).toBe(2);
    // With two degrees of freedom the survival function is e^(−x / 2).
    expect(p).toBeCloseTo(Math.exp(-6.25), 9);
  });

  it('is the two-proportion z test squared for two groups', () => {
    const z = twoProportionZ(6, 10, 2, 10);
    const chi = chiSquareHomogeneity([6, 2], [10, 10]);
    expect(chi.chi2).toBeCloseTo(z.z * z.z, 9);
    expect(chi.p).toBeCloseTo(z.p, 9);
  });

  it('leaves empty groups out and has nothing to test without variation', () => {
    expect(chiSquareHomogeneity([5, 0, 10], [10, 0, 20]).df).toBe(1);
    expect(chiSquareHomogeneity([0, 0, 0], [10, 10, 10]).p).toBe(1);
    expect(chiSquareHomogeneity([10, 10], [10, 10]).p).toBe(1);
    expect(chiSquareHomogeneity([3], [10]).p).toBe(1);
  });
});
