import type { APIRoute, GetStaticPaths } from 'astro';
import { browserFile, dataManifest } from '../../queries/data.ts';

/** Serves the browser files of the data step (browse columns, text chunks, search index). */
export const getStaticPaths = (() =>
  dataManifest().files.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(browserFile(String(params['file'])), {
    headers: { 'Content-Type': 'application/json' },
  });
