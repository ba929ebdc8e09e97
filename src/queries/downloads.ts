/**
 * The whole published dataset as one download, built from the same published (licence-filtered,
 * scrubbed) episodes the pages show, with the export code a Browse view's download uses; and the
 * header every export carries (the atlas and its build).
 */
import { ATLAS_TITLE } from '../lib/cite.ts';
import { datasetFile, datasetRecords } from '../lib/derive/dataset.ts';
import type { ExportHeader, ExportRecord } from '../lib/export.ts';
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

// One build has one base and origin, so the records are made once for both formats.
let records: ExportRecord[] | undefined;

/** The dataset download's contents in one format. */
export function datasetDownload(format: 'csv' | 'json', site: SiteLocation): string {
  records ??= datasetRecords(allEpisodes(), site);
  return datasetFile(records, format, exportAtlas(site));
}

/** A download as About offers it: its format, its link and its size. */
export interface DatasetDownload {
  format: 'csv' | 'json';
  /** The link's text. */
  label: string;
  href: string;
  bytes: number;
}

/** Both dataset downloads with their links and sizes. */
export function datasetDownloads(site: SiteLocation): DatasetDownload[] {
  return (['json', 'csv'] as const).map((format) => ({
    format,
    label: `All episodes as ${format.toUpperCase()}`,
    href: withBase(site.base, routes.download(format)),
    bytes: new TextEncoder().encode(datasetDownload(format, site)).length,
  }));
}
