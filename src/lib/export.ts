/**
 * Export of a Browse result set as CSV (RFC 4180) or JSON. One record shape serves both, built
 * from the compact row and the episode's text chunk entry.
 */
import type { ChunkEntry } from './derive/browser-files.ts';
import {
  FIELD_EXPORTS,
  column,
  columnCodes,
  type BrowseRow,
  type Dictionaries,
  type DictionaryName,
  type ExportEntry,
  type FieldExportName,
} from './fields.ts';
import { routes, withBase } from './paths.ts';

/** The exported columns, in file order: the episode's link and title, its fields, its text. */
export const EXPORT_COLUMNS = [
  'id',
  'url',
  'title',
  ...FIELD_EXPORTS.map((spec) => spec.name),
  'description',
] as const;

export type ExportColumn = 'id' | 'url' | 'title' | FieldExportName | 'description';
/** One exported episode: strings, numbers, or null where the episode has no value. */
export type ExportRecord = Record<ExportColumn, string | number | null>;

export interface ExportContext {
  dict: Dictionaries;
  /** Astro's base (`/` or `/atlas/`). */
  base: string;
  /** `https://example.org`: when given, URLs are absolute. */
  origin?: string | undefined;
}

/** One field's export value: its own, or the codes, dictionary value or number of its column. */
function exportValue(
  spec: ExportEntry,
  row: BrowseRow,
  dict: Dictionaries,
): string | number | null {
  if ('value' in spec) return spec.value(row);
  const name = spec.column;
  const value = row[name];
  switch (column(name).kind) {
    case 'dictionary':
      return value >= 0 ? (dict[name as DictionaryName][value] ?? null) : null;
    case 'number':
      return value >= 0 ? value : null;
    default: {
      const codes = columnCodes(row, name);
      return codes.length > 0 ? codes.join(';') : null;
    }
  }
}

/** The export record of one episode. */
export function exportRecord(row: BrowseRow, entry: ChunkEntry, ctx: ExportContext): ExportRecord {
  const path = withBase(ctx.base, routes.episode(entry.id));
  const fields = Object.fromEntries(
    FIELD_EXPORTS.map((spec) => [spec.name, exportValue(spec, row, ctx.dict)]),
  ) as Record<FieldExportName, string | number | null>;
  return {
    id: entry.id,
    url: ctx.origin ? new URL(path, ctx.origin).href : path,
    title: entry.name,
    ...fields,
    description: entry.description,
  };
}

// A spreadsheet would run a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: guarded against formula injection, quoted when RFC 4180 requires it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The records as CSV with a header row and CRLF line ends. */
export function toCsv(records: readonly ExportRecord[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const record of records)
    lines.push(EXPORT_COLUMNS.map((c) => csvField(record[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The records as a pretty-printed JSON array. */
export function toJson(records: readonly ExportRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
