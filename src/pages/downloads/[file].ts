import type { APIRoute, GetStaticPaths } from 'astro';
import { DOWNLOAD_STEM } from '../../lib/paths.ts';
import { datasetDownload } from '../../queries/downloads.ts';

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json' } as const;

/** The whole published dataset as one file, in CSV and in JSON. */
export const getStaticPaths = (() =>
  (['csv', 'json'] as const).map((format) => ({
    params: { file: `${DOWNLOAD_STEM}.${format}` },
    props: { format },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ format: 'csv' | 'json' }> = ({ props, site }) =>
  new Response(
    datasetDownload(props.format, { base: import.meta.env.BASE_URL, origin: site?.origin }),
    {
      headers: { 'Content-Type': TYPES[props.format] },
    },
  );
