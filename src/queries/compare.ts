/**
 * The prebuilt comparison pages (/compare/… and /corpus/compare/…): which there are, and each
 * one's figures, computed once per build from the published episodes or the full corpus.
 */
import {
  compareGroups,
  largestAgents,
  prebuiltComparisons,
  type AxisComparison,
  type ComparisonSpec,
} from '../lib/compare.ts';
import { agentSlug, type Corpus } from '../lib/paths.ts';
import { allEpisodes } from './data.ts';
import { corpusEpisodes } from './core.ts';

const specs = new Map<Corpus, ComparisonSpec[]>();

/** IDE against CLI, then each of the largest agents against the rest. */
export function comparisons(corpus: Corpus = 'published'): ComparisonSpec[] {
  let found = specs.get(corpus);
  if (!found) {
    found =
      corpus === 'published'
        ? prebuiltComparisons(allEpisodes(), agentSlug)
        : // The full corpus has no Browse: its groups carry no filters, so nothing links there.
          prebuiltComparisons(corpusEpisodes(), agentSlug).map((spec) => ({
            ...spec,
            groups: [
              { name: spec.groups[0].name, episodes: spec.groups[0].episodes },
              { name: spec.groups[1].name, episodes: spec.groups[1].episodes },
            ],
          }));
    specs.set(corpus, found);
  }
  return found;
}

/** One static path per prebuilt comparison. */
export function comparisonPaths(corpus: Corpus = 'published') {
  return comparisons(corpus).map((spec) => ({
    params: { slug: spec.slug },
    props: { slug: spec.slug },
  }));
}

/** One static path per prebuilt comparison of the full corpus. */
export function corpusComparisonPaths() {
  return comparisonPaths('corpus');
}

/** True when the other view has a comparison of the same slug. */
export function hasComparison(corpus: Corpus, slug: string): boolean {
  return comparisons(corpus).some((s) => s.slug === slug);
}

/** A prebuilt comparison with every axis compared. */
export function comparison(
  slug: string,
  corpus: Corpus = 'published',
): ComparisonSpec & { axes: AxisComparison[] } {
  const spec = comparisons(corpus).find((s) => s.slug === slug);
  if (!spec) throw new Error(`No comparison ${slug}`);
  return { ...spec, axes: compareGroups(spec.groups) };
}

let largest: string[] | undefined;

/** The named agents with the most valid published episodes, most first. */
export function largestPublishedAgents(): string[] {
  largest ??= largestAgents(allEpisodes());
  return largest;
}
