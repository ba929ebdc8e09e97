/**
 * `npm run build` renders the pages in two Astro processes at once, one per core (Astro renders a
 * build's pages one after another, on one thread). The `site` part renders every page except a
 * share of the episode pages; the `episodes` part renders that share and nothing else; then
 * scripts/build.ts moves the second part's pages into the first. A bare `astro build` or
 * `astro dev` (no ATLAS_BUILD_PART) is the `all` part: every page, in one process.
 */
import { routes, withBase } from './paths.ts';

export type BuildPart = 'all' | 'site' | 'episodes';

const PARTS: readonly BuildPart[] = ['all', 'site', 'episodes'];

/** The part a process renders, from ATLAS_BUILD_PART; anything else is a mistake worth stopping on. */
export function buildPart(env: Readonly<Record<string, string | undefined>>): BuildPart {
  const value = env['ATLAS_BUILD_PART'] || 'all';
  const part = PARTS.find((p) => p === value);
  if (!part) throw new Error(`ATLAS_BUILD_PART must be one of ${PARTS.join(', ')}, not "${value}"`);
  return part;
}

/**
 * Of every ten episodes in publication order, how many the `episodes` part renders. The `site`
 * part also renders the aggregate pages (overview, taxonomy, agents, compare, trends, corpus,
 * paper) and writes the sitemap, which at 16,000 episodes cost about as much as 3,200 episode
 * pages: 6 of 10 gives the two parts about the same work (each part's time is on the last line
 * `npm run build` prints).
 */
export const EPISODES_PART_SHARE = 6;

/** Whether the process of `part` renders the episode page at `position` in publication order. */
export function rendersEpisode(part: BuildPart, position: number): boolean {
  if (part === 'all') return true;
  return position % 10 < EPISODES_PART_SHARE === (part === 'episodes');
}

/** The route pattern of the episode pages, as Astro names it in a request's `routePattern`. */
export const EPISODE_ROUTE = '/episodes/[id]';

/**
 * The sitemap URLs of the pages the `episodes` part renders: the `site` part writes the sitemap,
 * and lists them beside its own pages.
 */
export function episodesPartUrls(ids: readonly string[], site: string, base: string): string[] {
  return ids
    .filter((_, position) => rendersEpisode('episodes', position))
    .map((id) => new URL(withBase(base, routes.episode(id)), site).href);
}
