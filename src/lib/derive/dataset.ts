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
import { CHUNK_SIZE, chunkEntry, detailEntry } from './browser-files.ts';

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
