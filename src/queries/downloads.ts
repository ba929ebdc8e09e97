/**
 * The whole published dataset as one download, built from the same published (licence-filtered,
 * scrubbed) episodes the pages show, with the export code a Browse view's download uses; and the
 * header every export carries (the atlas and its build).
 *
 * Only the JSON is published, gzip-compressed: uncompressed, JSON and CSV were 101 MB of dist/ at
 * 16,000 episodes, and GitHub Pages counts stored bytes (issue 14). The CSV of every episode is
 * Browse's export of its unfiltered view, written in the browser by the same code.
 */
import { gzipSync } from 'node:zlib';
import { filterQuery } from '../lib/browse-state.ts';
import { ATLAS_TITLE } from '../lib/cite.ts';
import { datasetFile, datasetRecords } from '../lib/derive/dataset.ts';
import type { ExportHeader } from '../lib/export.ts';
import { routes, withBase } from '../lib/paths.ts';
import { allEpisodes, dataManifest } from './data.ts';

/** Where the site is: its base, and its origin when the build knows it. */
export interface SiteLocation {
  base: string;
  origin?: string | undefined;
}

/** Which atlas, and which build of it, an export comes from. */
export function exportAtlas({ base, origin }: SiteLocation): ExportHeader['atlas'] {
  const home = withBase(base, routes.home());
  return {
    title: ATLAS_TITLE,
    url: origin ? new URL(home, origin).href : home,
    build: dataManifest().build,
  };
}

// One build has one base and origin, so the file is made once for About and the download.
let file: Uint8Array<ArrayBuffer> | undefined;

/**
 * The dataset download: its JSON, gzip-compressed. Node's gzip header carries no name and
 * mtime 0, so the same episodes give the same bytes.
 */
export function datasetDownload(site: SiteLocation): Uint8Array<ArrayBuffer> {
  if (!file) {
    const json = datasetFile(datasetRecords(allEpisodes(), site), 'json', exportAtlas(site));
    file = new Uint8Array(gzipSync(json, { level: 6 }));
  }
  return file;
}

/** The download as About offers it: its link and its size. */
export interface DatasetDownload {
  /** The link's text. */
  label: string;
  href: string;
  bytes: number;
}

/** The dataset download with its link and size. */
export function datasetDownloadLink(site: SiteLocation): DatasetDownload {
  return {
    label: 'All episodes as JSON (gzip)',
    href: withBase(site.base, routes.download()),
    bytes: datasetDownload(site).byteLength,
  };
}

/** Browse's view of every episode, VALID and INVALID, whose CSV export is the whole dataset. */
export function everyEpisodeView(site: SiteLocation): string {
  return withBase(site.base, routes.browse(filterQuery({ validation: [] })));
}
