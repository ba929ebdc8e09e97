/**
 * The trends pages (/trends/… and /corpus/trends/…): one per axis (form, cause) and scope (all
 * episodes, each platform, the largest agents), each with the labels' monthly shares.
 */
import { largestAgents } from '../lib/compare.ts';
import { agentSlug, routes, type Corpus, type TrendAxis } from '../lib/paths.ts';
import { labelTrends, trendScopes, type TrendScope } from '../lib/trends.ts';
import { corpusEpisodes } from './core.ts';
import { allEpisodes } from './data.ts';

/** The axes with trends pages; form's are at /trends/, cause's at /trends/cause/. */
const TREND_AXES: readonly TrendAxis[] = ['form', 'cause'];

const scopes = new Map<Corpus, TrendScope[]>();

/** All episodes, IDE, CLI and the largest agents (of the published episodes or the corpus). */
export function trendsScopes(corpus: Corpus = 'published'): TrendScope[] {
  let found = scopes.get(corpus);
  if (!found) {
    const episodes = corpus === 'published' ? allEpisodes() : corpusEpisodes();
    found = trendScopes(episodes, largestAgents(episodes), agentSlug);
    scopes.set(corpus, found);
  }
  return found;
}

/** The URL segments of a trends page under /trends/ (none for the forms of all episodes). */
function segments(axis: TrendAxis, slug: string): string | undefined {
  return routes.trends(slug, axis).slice('/trends/'.length, -1) || undefined;
}

function paths(corpus: Corpus) {
  return TREND_AXES.flatMap((axis) =>
    trendsScopes(corpus).map((s) => ({
      params: { scope: segments(axis, s.slug) },
      props: { slug: s.slug, axis },
    })),
  );
}

/** One static path per axis and scope of the published episodes. */
export function trendsPaths() {
  return paths('published');
}

/** One static path per axis and scope of the full corpus. */
export function corpusTrendsPaths() {
  return paths('corpus');
}

/** True when the other view has trends for the same scope. */
export function hasTrends(corpus: Corpus, slug: string): boolean {
  return trendsScopes(corpus).some((s) => s.slug === slug);
}

/** A scope with the monthly shares of every label of the axis. */
export function trendsOf(slug: string, axis: TrendAxis, corpus: Corpus = 'published') {
  const scope = trendsScopes(corpus).find((s) => s.slug === slug);
  if (!scope) throw new Error(`No trends scope ${slug}`);
  const trends = labelTrends(scope.episodes, axis);
  return { scope, trends, valid: trends.totals.reduce((sum, n) => sum + n, 0) };
}
