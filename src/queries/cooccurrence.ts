/** Label × label lift of an axis over the published episodes, computed once per axis per build. */
import { liftMatrix, type LiftMatrix } from '../lib/lift.ts';
import type { AxisSlug } from '../lib/taxonomy.ts';
import { allEpisodes } from './data.ts';

const cache = new Map<AxisSlug, LiftMatrix>();

export function axisLift(axis: AxisSlug): LiftMatrix {
  let matrix = cache.get(axis);
  if (!matrix) {
    matrix = liftMatrix(allEpisodes(), axis);
    cache.set(axis, matrix);
  }
  return matrix;
}
