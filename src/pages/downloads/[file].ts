import type { APIRoute, GetStaticPaths } from 'astro';
import { routes } from '../../lib/paths.ts';
import { datasetDownload } from '../../queries/downloads.ts';

/** The whole published dataset as one file: JSON, gzip-compressed (the CSV is Browse's export). */
export const getStaticPaths = (() => [
  { params: { file: routes.download().slice('/downloads/'.length) } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) =>
  new Response(datasetDownload({ base: import.meta.env.BASE_URL, origin: site?.origin }), {
    headers: { 'Content-Type': 'application/gzip' },
  });
