import type { APIRoute, GetStaticPaths } from 'astro';
import { browserFile, browserFilePaths } from '../../queries/data.ts';

/**
 * Serves the browser files of the data step (browse columns; text chunks and search index,
 * gzip-compressed) in `astro dev`; `npm run build` copies them instead (`browserFilePaths`).
 */
export const getStaticPaths = browserFilePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = String(params['file']);
  return new Response(browserFile(file), {
    headers: { 'Content-Type': file.endsWith('.gz') ? 'application/gzip' : 'application/json' },
  });
};
