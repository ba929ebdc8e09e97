/**
 * The compact, columnar form of the episodes that Browse loads first: every facet value of every
 * episode, without text. Each column is one string with a fixed number of base-36 characters per
 * episode, which keeps the file small and gzip-friendly at 100,000 episodes. The columns and how
 * each is read come from the field registry (`fields.ts`); the same module encodes (at build time)
 * and decodes (in the browser), so the two cannot drift.
 */
import {
  COLUMNS,
  columnValue,
  isLater,
  type BrowseRow,
  type Column,
  type ColumnName,
  type Dictionaries,
  type DictionaryName,
} from './fields.ts';
import type { Episode } from './schema.ts';
export { newestFirst as canonicalOrder } from './stats.ts';

/**
 * The file Browse fetches first. As `encodeColumns` writes it, it holds every column; the data
 * step then moves the registry's `later` columns into a second file (`splitLater`), named here.
 */
export interface BrowseColumns {
  version: 1;
  count: number;
  /** Episodes per text chunk. */
  chunkSize: number;
  /** Folder of the text chunks `0.json`, `1.json` …, relative to this file. */
  chunkFolder: string;
  /** The file holding the `later` columns, relative to this file, once they are split off. */
  later?: string;
  dict: Dictionaries;
  /** Characters per episode of each column. */
  widths: Partial<Record<ColumnName, number>>;
  columns: Partial<Record<ColumnName, string>>;
}

/** The second browse file: the `later` columns, fetched after the first view. */
export interface LaterColumns {
  version: 1;
  count: number;
  widths: Partial<Record<ColumnName, number>>;
  columns: Partial<Record<ColumnName, string>>;
}

/** Row values for one episode, given the dictionaries. */
export function rowOf(episode: Episode, index: number, dict: Dictionaries): BrowseRow {
  const row: Record<string, number> = { index };
  for (const spec of COLUMNS) row[spec.name] = columnValue(spec, episode, dict);
  return row as BrowseRow;
}

/** The fewest base-36 characters that hold every value from -1 to `max` (shifted by one). */
function charsFor(max: number): number {
  return Math.max(1, Math.ceil(Math.log(max + 2) / Math.log(36)));
}

/** A column's characters per episode: a dictionary column is narrowed to its dictionary's size. */
function widthOf(spec: Column, dict: Dictionaries): number {
  switch (spec.kind) {
    case 'table':
      return charsFor(spec.table.length - 1);
    case 'mask':
      return charsFor(2 ** spec.table.length - 1);
    case 'dictionary':
      return charsFor(dict[spec.name as DictionaryName].length - 1);
    case 'number':
      return spec.width;
  }
}

function encodeValue(value: number, width: number): string {
  // Shift by one so that -1 ("none") encodes as 0; clamp what does not fit.
  const max = 36 ** width - 1;
  return Math.min(Math.max(value + 1, 0), max)
    .toString(36)
    .padStart(width, '0');
}

/** The dictionaries of some episodes: each dictionary column's values, sorted, once each. */
function dictionariesOf(episodes: readonly Episode[]): Dictionaries {
  const dict: Partial<Dictionaries> = {};
  for (const spec of COLUMNS) {
    if (spec.kind !== 'dictionary') continue;
    const found = episodes.flatMap((e) => spec.read(e) ?? []);
    dict[spec.name as DictionaryName] = [...new Set([...(spec.seed ?? []), ...found])].sort();
  }
  return dict as Dictionaries;
}

/** Encodes episodes (already in canonical order) into the columnar file. */
export function encodeColumns(
  episodes: readonly Episode[],
  chunkSize: number,
  chunkFolder = '',
): BrowseColumns {
  const dict = dictionariesOf(episodes);
  const widths = {} as Record<ColumnName, number>;
  const parts = {} as Record<ColumnName, string[]>;
  for (const spec of COLUMNS) {
    widths[spec.name] = widthOf(spec, dict);
    parts[spec.name] = [];
  }
  episodes.forEach((episode, index) => {
    const row = rowOf(episode, index, dict);
    for (const spec of COLUMNS)
      parts[spec.name].push(encodeValue(row[spec.name], widths[spec.name]));
  });
  const columns = {} as Record<ColumnName, string>;
  for (const spec of COLUMNS) columns[spec.name] = parts[spec.name].join('');
  return { version: 1, count: episodes.length, chunkSize, chunkFolder, dict, widths, columns };
}

/**
 * Splits the registry's `later` columns off a full browse file: the first file keeps the rest
 * and names the second (`laterFile`, relative to itself).
 */
export function splitLater(
  data: BrowseColumns,
  laterFile: string,
): { first: BrowseColumns; later: LaterColumns } {
  const first: BrowseColumns = { ...data, later: laterFile, widths: {}, columns: {} };
  const later: LaterColumns = { version: 1, count: data.count, widths: {}, columns: {} };
  for (const spec of COLUMNS) {
    const into = isLater(spec) ? later : first;
    const width = data.widths[spec.name];
    const text = data.columns[spec.name];
    if (width === undefined || text === undefined) continue;
    into.widths[spec.name] = width;
    into.columns[spec.name] = text;
  }
  return { first, later };
}

/** The value of one base-36 digit (`0`–`9`, `a`–`z`) from its character code. */
function digit(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/** The columns a file holds, with their text and width; `all` keeps absent ones (empty text). */
function columnsOf(data: Pick<BrowseColumns, 'widths' | 'columns'>, all: boolean) {
  return COLUMNS.flatMap(({ name }) => {
    const text = data.columns[name];
    const width = data.widths[name];
    if (text === undefined || width === undefined) return all ? [{ name, text: '', width: 0 }] : [];
    return [{ name, text, width }];
  });
}

/** One row's value of a column: `width` base-36 digits from the row's place (-1 for width 0). */
function valueAt(text: string, width: number, index: number): number {
  let value = 0;
  for (let at = index * width, end = at + width; at < end; at++)
    value = value * 36 + digit(text.charCodeAt(at));
  return value - 1;
}

/**
 * Decodes the columnar file into rows (in canonical order). Digits are read by character code,
 * not with `slice` and `parseInt`: at 16,000 episodes that is 272,000 values, and the browser
 * decodes them before Browse can show anything. `from` and `to` decode a slice of the rows (with
 * their indexes in the whole file), so that the browser can decode in several short tasks. A
 * column the file does not hold (a `later` column not yet added) reads -1, "none".
 */
export function decodeColumns(data: BrowseColumns, from = 0, to = data.count): BrowseRow[] {
  const columns = columnsOf(data, true);
  const rows: BrowseRow[] = [];
  for (let index = from; index < to; index++) {
    const row: Record<string, number> = { index };
    for (const { name, text, width } of columns) row[name] = valueAt(text, width, index);
    rows.push(row as BrowseRow);
  }
  return rows;
}

/**
 * Adds the second file's columns to rows decoded from the first, in place: the rows stay the
 * same objects, so nothing that holds them (the facet index, memoised views) has to be rebuilt.
 */
export function addLater(rows: readonly BrowseRow[], later: LaterColumns): void {
  if (later.count !== rows.length)
    throw new Error(`the later columns hold ${later.count} rows, the list ${rows.length}`);
  const columns = columnsOf(later, false);
  for (const row of rows as unknown as Record<string, number>[]) {
    const index = row['index'] ?? 0;
    for (const { name, text, width } of columns) row[name] = valueAt(text, width, index);
  }
}
