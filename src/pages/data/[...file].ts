import type { APIRoute, GetStaticPaths } from 'astro';
import { browserFile, dataManifest } from '../../queries/data.ts';

/** Serves the browser files of the data step (browse columns; text chunks and search index, gzip-compressed). */
export const getStaticPaths = (() =>
  dataManifest().files.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = String(params['file']);
  return new Response(browserFile(file), {
    headers: { 'Content-Type': file.endsWith('.gz') ? 'application/gzip' : 'application/json' },
  });
};
