/**
 * The prebuilt comparison pages (/compare/…): which there are, and each one's figures, computed
 * once per build from the published episodes.
 */
import {
  compareGroups,
  prebuiltComparisons,
  type AxisComparison,
  type ComparisonSpec,
} from '../lib/compare.ts';
import { agentSlug } from '../lib/paths.ts';
import { allEpisodes } from './data.ts';

let specs: ComparisonSpec[] | undefined;

/** IDE against CLI, then each of the largest agents against the rest. */
export function comparisons(): ComparisonSpec[] {
  specs ??= prebuiltComparisons(allEpisodes(), agentSlug);
  return specs;
}

/** One static path per prebuilt comparison. */
export function comparisonPaths() {
  return comparisons().map((spec) => ({ params: { slug: spec.slug }, props: { slug: spec.slug } }));
}

/** A prebuilt comparison with every axis compared. */
export function comparison(slug: string): ComparisonSpec & { axes: AxisComparison[] } {
  const spec = comparisons().find((s) => s.slug === slug);
  if (!spec) throw new Error(`No comparison ${slug}`);
  return { ...spec, axes: compareGroups(...spec.groups) };
}
