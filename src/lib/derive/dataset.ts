/**
 * The whole published dataset as one download, built with the same export columns as a Browse
 * view's download, from the same sources the browser reads (row, chunk entry, detail entry).
 */
import { canonicalOrder, encodeColumns, rowOf } from '../browse-columns.ts';
import {
  exportRecord,
  toCsv,
  toJson,
  type ExportContext,
  type ExportHeader,
  type ExportRecord,
} from '../export.ts';
import type { Episode } from '../schema.ts';
import type { BuildStamp } from '../build-info.ts';
import { ATLAS_TITLE } from '../cite.ts';
import { routes, withBase } from '../paths.ts';
import { CHUNK_SIZE, chunkEntry, detailEntry } from './browser-files.ts';

/** Where the site is: its base, and its origin when the build knows it. */
export interface SiteLocation {
  base: string;
  origin?: string | undefined;
}

/** Which atlas, and which build of it, an export comes from. */
export function exportAtlas(
  { base, origin }: SiteLocation,
  build: BuildStamp,
): ExportHeader['atlas'] {
  const home = withBase(base, routes.home());
  return { title: ATLAS_TITLE, url: origin ? new URL(home, origin).href : home, build };
}

/**
 * Every published episode's export record, newest first (Browse's canonical order). Turn counts
 * are read from the episode, not the browse file, so they are never clamped.
 */
export function datasetRecords(
  episodes: readonly Episode[],
  site: Omit<ExportContext, 'dict'>,
): ExportRecord[] {
  const ordered = canonicalOrder(episodes);
  const { dict } = encodeColumns(ordered, CHUNK_SIZE);
  const ctx = { ...site, dict };
  return ordered.map((episode, i) =>
    exportRecord(rowOf(episode, i, dict), { ...chunkEntry(episode), ...detailEntry(episode) }, ctx),
  );
}

/** The dataset download in one format; its JSON records the atlas and build, and no view. */
export function datasetFile(
  records: readonly ExportRecord[],
  format: 'csv' | 'json',
  atlas: ExportHeader['atlas'],
): string {
  return format === 'csv' ? toCsv(records) : toJson(records, { atlas, view: null });
}

/**
 * The whole-dataset download's JSON (stored gzip-compressed, see data-step.ts `DOWNLOAD_FILE`):
 * every published episode, and the atlas and build it comes from.
 */
export function datasetJson(
  episodes: readonly Episode[],
  site: SiteLocation,
  build: BuildStamp,
): string {
  return datasetFile(datasetRecords(episodes, site), 'json', exportAtlas(site, build));
}
