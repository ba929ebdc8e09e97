/**
 * Runs as each page is rendered (at build time: every page is static). Shortens the content
 * security policy of pages that run no inline code (src/lib/csp.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { withoutUnusedHashes } from './lib/csp.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  return new Response(withoutUnusedHashes(await response.text()), response);
});
