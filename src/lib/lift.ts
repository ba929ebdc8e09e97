/**
 * Co-occurrence with lift: how often two labels of one axis fall on the same episode, against
 * how often they would if they were independent. lift = observed / expected, where expected =
 * n_a · n_b / n over the VALID episodes (the paper's within-episode reading: lift 1.458 for S2+S4).
 */
import type { Episode } from './schema.ts';
import { codesOn, labelsOf } from './stats.ts';
import { filterQuery } from './browse-state.ts';
import { AXES, type AxisSlug, type LabelInfo } from './taxonomy.ts';

/** Below this many expected episodes a lift is too noisy to read (shown, but greyed). */
export const MIN_EXPECTED = 5;

export interface LiftCell {
  /** Episodes carrying both labels. */
  both: number;
  /** Episodes expected to carry both if the labels were independent. */
  expected: number;
  /** both / expected; 0 when nothing is expected. */
  lift: number;
  /** Enough expected episodes for the lift to mean something. */
  readable: boolean;
}

export interface LiftMatrix {
  labels: LabelInfo[];
  /** VALID episodes counted over. */
  n: number;
  /** Episodes carrying each label. */
  counts: number[];
  /** cells[i][j] for labels i ≠ j; null on the diagonal. */
  cells: Array<Array<LiftCell | null>>;
}

/** The label × label lift matrix of one axis over the VALID episodes. */
export function liftMatrix(episodes: readonly Episode[], axis: AxisSlug): LiftMatrix {
  const labels = labelsOf(episodes, axis);
  const index = new Map(labels.map((l, i) => [l.code, i]));
  const valid = episodes.filter((e) => e.validation.label === 'VALID');
  const counts = labels.map(() => 0);
  const both = labels.map(() => labels.map(() => 0));
  for (const episode of valid) {
    const present = [...new Set(codesOn(episode, axis))]
      .map((code) => index.get(code))
      .filter((i): i is number => i !== undefined);
    for (const i of present) {
      counts[i] = (counts[i] ?? 0) + 1;
      const row = both[i] as number[];
      for (const j of present) if (j !== i) row[j] = (row[j] ?? 0) + 1;
    }
  }
  const n = valid.length;
  const cells = labels.map((_, i) =>
    labels.map((_, j): LiftCell | null => {
      if (i === j) return null;
      const observed = both[i]?.[j] ?? 0;
      const expected = n ? ((counts[i] ?? 0) * (counts[j] ?? 0)) / n : 0;
      return {
        both: observed,
        expected,
        lift: expected ? observed / expected : 0,
        readable: expected >= MIN_EXPECTED,
      };
    }),
  );
  return { labels, n, counts, cells };
}

/** The Browse query for episodes carrying both labels (on two different axes: facets AND). */
export function intersectionQuery(a: AxisSlug, codeA: string, b: AxisSlug, codeB: string): string {
  const facet = (axis: AxisSlug) => AXES.find((x) => x.slug === axis)?.facet ?? axis;
  if (a === b) throw new Error(`Browse ORs the labels of one facet: ${codeA} and ${codeB}`);
  return filterQuery({ [facet(a)]: [codeA], [facet(b)]: [codeB] });
}
