/**
 * In the `episodes` part of `npm run build` (src/lib/build-part.ts), every page but an episode
 * page is answered empty without being rendered: the `site` part renders those, and
 * scripts/build.ts keeps only the episode pages of this part. In any other build it does nothing.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildPart, EPISODE_ROUTE } from './lib/build-part.ts';

const episodesOnly = buildPart(process.env) === 'episodes';

export const onRequest = defineMiddleware((context, next) =>
  episodesOnly && context.routePattern !== EPISODE_ROUTE ? new Response('') : next(),
);
