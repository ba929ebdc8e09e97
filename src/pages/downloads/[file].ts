import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetDownload, downloadPaths } from '../../queries/downloads.ts';

/**
 * The whole published dataset as one file: JSON, gzip-compressed (the CSV is Browse's export).
 * The data step makes it; `npm run build` copies it, `astro dev` serves it from here.
 */
export const getStaticPaths = downloadPaths satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(datasetDownload(), { headers: { 'Content-Type': 'application/gzip' } });
