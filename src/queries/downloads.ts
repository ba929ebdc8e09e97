/**
 * The whole published dataset as one download, built from the same published (licence-filtered,
 * scrubbed) episodes the pages show, with the export code a Browse view's download uses; and the
 * header every export carries (the atlas and its build).
 *
 * Only the JSON is published, gzip-compressed: uncompressed, JSON and CSV were 101 MB of dist/ at
 * 16,000 episodes, and GitHub Pages counts stored bytes (issue 14). The CSV of every episode is
 * Browse's export of its unfiltered view, written in the browser by the same code.
 */
import { buildPart } from '../lib/build-part.ts';
import { filterQuery } from '../lib/browse-state.ts';
import { DOWNLOAD_FILE } from '../lib/data-step.ts';
import { exportAtlas as atlasOf, type SiteLocation } from '../lib/derive/dataset.ts';
import type { ExportHeader } from '../lib/export.ts';
import { routes, withBase } from '../lib/paths.ts';
import { dataFile, dataManifest } from './data.ts';

/** Which atlas, and which build of it, an export comes from. */
export function exportAtlas(site: SiteLocation): ExportHeader['atlas'] {
  return atlasOf(site, dataManifest().build);
}

/**
 * The dataset download: its JSON, gzip-compressed, as the data step made it (on a thread of its
 * own, scripts/download-worker.ts). Node's gzip header carries no name and mtime 0, so the same
 * episodes give the same bytes.
 */
export function datasetDownload(): Uint8Array<ArrayBuffer> {
  return dataFile(DOWNLOAD_FILE);
}

/** The download as a page: only in `astro dev` and a bare `astro build`; `npm run build` copies it. */
export function downloadPaths() {
  if (buildPart(process.env) !== 'all') return [];
  return [{ params: { file: routes.download().slice('/downloads/'.length) } }];
}

/** Browse's view of every episode, VALID and INVALID, whose CSV export is the whole dataset. */
export function everyEpisodeView(site: SiteLocation): string {
  return withBase(site.base, routes.browse(filterQuery({ validation: [] })));
}
