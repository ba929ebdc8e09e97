/** The trends pages (/trends/…): one per scope, each with the forms' monthly shares. */
import { largestAgents } from '../lib/compare.ts';
import { agentSlug } from '../lib/paths.ts';
import { labelTrends, trendScopes, type TrendScope } from '../lib/trends.ts';
import { allEpisodes } from './data.ts';

let scopes: TrendScope[] | undefined;

/** All episodes, IDE, CLI and the largest agents. */
export function trendsScopes(): TrendScope[] {
  scopes ??= trendScopes(allEpisodes(), largestAgents(allEpisodes()), agentSlug);
  return scopes;
}

/** One static path per scope; "all" is /trends/ itself. */
export function trendsPaths() {
  return trendsScopes().map((s) => ({
    params: { scope: s.slug === 'all' ? undefined : s.slug },
    props: { slug: s.slug },
  }));
}

/** A scope with the monthly shares of every form. */
export function trendsOf(slug: string) {
  const scope = trendsScopes().find((s) => s.slug === slug);
  if (!scope) throw new Error(`No trends scope ${slug}`);
  const trends = labelTrends(scope.episodes, 'form');
  return { scope, trends, valid: trends.totals.reduce((sum, n) => sum + n, 0) };
}
