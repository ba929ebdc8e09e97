/**
 * The compact, columnar form of the episodes that Browse loads first: every facet value of every
 * episode, without text. Each column is one string with a fixed number of base-36 characters per
 * episode, which keeps the file small and gzip-friendly at 100,000 episodes. The columns and how
 * each is read come from the field registry (`fields.ts`); the same module encodes (at build time)
 * and decodes (in the browser), so the two cannot drift.
 *
 * Every value comes back exactly. A table, mask or dictionary column is as wide as its largest
 * code needs. A number column (the turn counts) has the registry's fixed width, which holds the
 * usual values (up to 1,293 at two characters), and an escape for a larger one: the slot holds
 * the width's largest code (all `z`) and the file's `overflow` holds the value under the row's
 * index. So a session of 5,000 turns costs its few bytes in `overflow`, not a wider column for
 * every episode, and no value is clamped.
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
  /** Number-column values too large for their slot (see `escapeOf`), by row index. */
  overflow?: Overflow;
}

/**
 * The values of number columns that do not fit their slot, by column and row index (a JSON
 * object's keys are strings). Only columns with such a value appear; without any, the file has
 * no `overflow` at all.
 */
export type Overflow = Partial<Record<ColumnName, Record<string, number>>>;

/** The second browse file: the `later` columns, fetched after the first view. */
export interface LaterColumns {
  version: 1;
  count: number;
  widths: Partial<Record<ColumnName, number>>;
  columns: Partial<Record<ColumnName, string>>;
  overflow?: Overflow;
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

/**
 * The value whose slot, in a number column `width` characters wide, says "look in `overflow`":
 * the largest the slot holds (all `z`). Other columns have no escape (their widths fit every code,
 * this one included), so it is never met there.
 */
function escapeOf(spec: Column, width: number): number {
  return spec.kind === 'number' ? 36 ** width - 2 : Number.POSITIVE_INFINITY;
}

/** A value's slot: `width` base-36 digits of the value shifted by one, so that -1 is `0…0`. */
function slotOf(value: number, width: number): string {
  return (value + 1).toString(36).padStart(width, '0');
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
  const overflow: Overflow = {};
  episodes.forEach((episode, index) => {
    const row = rowOf(episode, index, dict);
    for (const spec of COLUMNS) {
      const value = row[spec.name];
      const width = widths[spec.name];
      // The schema admits no such value; a clear failure beats a file that changes it.
      if (!Number.isSafeInteger(value) || value < -1)
        throw new Error(`${episode.id}: ${spec.name} is ${value}, not a whole number from -1 up`);
      const escape = escapeOf(spec, width);
      if (value >= escape) (overflow[spec.name] ??= {})[index] = value;
      else if (value + 1 >= 36 ** width)
        throw new Error(`${episode.id}: ${spec.name} ${value} does not fit ${width} characters`);
      parts[spec.name].push(slotOf(Math.min(value, escape), width));
    }
  });
  const columns = {} as Record<ColumnName, string>;
  for (const spec of COLUMNS) columns[spec.name] = parts[spec.name].join('');
  const data: BrowseColumns = {
    version: 1,
    count: episodes.length,
    chunkSize,
    chunkFolder,
    dict,
    widths,
    columns,
  };
  if (Object.keys(overflow).length > 0) data.overflow = overflow;
  return data;
}

/**
 * Splits the registry's `later` columns off a full browse file: the first file keeps the rest
 * and names the second (`laterFile`, relative to itself).
 */
export function splitLater(
  data: BrowseColumns,
  laterFile: string,
): { first: BrowseColumns; later: LaterColumns } {
  const { overflow, ...rest } = data;
  const first: BrowseColumns = { ...rest, later: laterFile, widths: {}, columns: {} };
  const later: LaterColumns = { version: 1, count: data.count, widths: {}, columns: {} };
  for (const spec of COLUMNS) {
    const into = isLater(spec) ? later : first;
    const width = data.widths[spec.name];
    const text = data.columns[spec.name];
    if (width === undefined || text === undefined) continue;
    into.widths[spec.name] = width;
    into.columns[spec.name] = text;
    const large = overflow?.[spec.name];
    if (large) (into.overflow ??= {})[spec.name] = large;
  }
  return { first, later };
}

/** The value of one base-36 digit (`0`–`9`, `a`–`z`) from its character code. */
function digit(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/** A column as a file holds it: its text, width, escape value and overflowing values. */
interface StoredColumn {
  name: ColumnName;
  text: string;
  width: number;
  escape: number;
  overflow: Readonly<Record<string, number>>;
}

/** The columns a file holds; `all` keeps absent ones (empty text, width 0: every row -1). */
function columnsOf(
  data: Pick<BrowseColumns, 'widths' | 'columns' | 'overflow'>,
  all: boolean,
): StoredColumn[] {
  return COLUMNS.flatMap((spec): StoredColumn[] => {
    const { name } = spec;
    const text = data.columns[name];
    const width = data.widths[name];
    const overflow = data.overflow?.[name] ?? {};
    if (text === undefined || width === undefined)
      return all ? [{ name, text: '', width: 0, escape: Number.POSITIVE_INFINITY, overflow }] : [];
    return [{ name, text, width, escape: escapeOf(spec, width), overflow }];
  });
}

/**
 * One row's value of a column: `width` base-36 digits from the row's place (-1 for width 0), or,
 * when they spell the column's escape, the row's value in `overflow`. This is the one decoder
 * of a slot, in the browser and in the tests alike.
 */
function valueAt(column: StoredColumn, index: number): number {
  const { text, width } = column;
  let value = 0;
  for (let at = index * width, end = at + width; at < end; at++)
    value = value * 36 + digit(text.charCodeAt(at));
  value -= 1;
  if (value !== column.escape) return value;
  const large = column.overflow[index];
  if (large === undefined)
    throw new Error(`row ${index} of ${column.name} points to an overflow value the file lacks`);
  return large;
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
    for (const column of columns) row[column.name] = valueAt(column, index);
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
    for (const column of columns) row[column.name] = valueAt(column, index);
  }
}
