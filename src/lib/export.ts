/**
 * Export of episodes as CSV (RFC 4180) or JSON: a Browse view, written in the browser (the whole
 * published dataset is its view of every episode). It reads what the browser fetches (the compact
 * row and the episode's text entries) through the export columns of the field registry
 * (`fields.ts`).
 *
 * JSON keeps every value as it is: multi-valued fields are arrays, evidence an array of objects.
 * CSV flattens them, as `csvValue` says and the About page's data dictionary documents.
 */
import type { BrowseState } from './browse-state.ts';
import type { BuildStamp } from './build-info.ts';
import {
  FACET_KEYS,
  FIELD_EXPORTS,
  column,
  columnCodes,
  type BrowseRow,
  type DictionaryName,
  type EpisodeText,
  type ExportEntry,
  type ExportSource,
  type ExportType,
  type ExportValue,
  type FieldExportName,
} from './fields.ts';
import type { LabelInfo } from './taxonomy.ts';

/** The exported columns' names, in file order (the CSV's header). */
export const EXPORT_COLUMNS: readonly FieldExportName[] = FIELD_EXPORTS.map((spec) => spec.name);

/** One exported episode. */
export type ExportRecord = Record<FieldExportName, ExportValue>;

/** Where the site is, for the episode links, and the dictionaries of the browse file. */
export type ExportContext = Omit<ExportSource, 'text'>;

/** One field's export value: its own, or the codes, dictionary value or number of its column. */
function exportValue(spec: ExportEntry, row: BrowseRow, source: ExportSource): ExportValue {
  if ('value' in spec) return spec.value(row, source);
  const name = spec.column;
  const value = row[name];
  switch (column(name).kind) {
    case 'dictionary':
      return value >= 0 ? (source.dict[name as DictionaryName][value] ?? null) : null;
    case 'number':
      return value >= 0 ? value : null;
    case 'table':
      return columnCodes(row, name)[0] ?? null;
    case 'mask':
      return columnCodes(row, name);
  }
}

/** The export record of one episode. */
export function exportRecord(row: BrowseRow, text: EpisodeText, ctx: ExportContext): ExportRecord {
  const source = { ...ctx, text };
  return Object.fromEntries(
    FIELD_EXPORTS.map((spec) => [spec.name, exportValue(spec, row, source)]),
  ) as ExportRecord;
}

/** A column as the data dictionary describes it. */
export interface ColumnInfo {
  name: FieldExportName;
  type: ExportType;
  about: string;
  /** The label table its codes come from, when it has one. */
  table: readonly LabelInfo[] | null;
  /** Its values in words, when no table lists them. */
  values: string | null;
}

const TYPE_OF_KIND = {
  dictionary: 'text',
  number: 'integer',
  table: 'code',
  mask: 'codes',
} as const;

/** Every export column with its type, meaning and values, in file order. */
export function exportColumnInfo(): ColumnInfo[] {
  return FIELD_EXPORTS.map((spec) => {
    const col = 'column' in spec ? column(spec.column) : null;
    const own = col && (col.kind === 'table' || col.kind === 'mask') ? col.table : null;
    return {
      name: spec.name,
      // A dictionary column whose values a table lists (the validation category) holds codes.
      type: col
        ? col.kind === 'dictionary' && spec.table
          ? 'code'
          : TYPE_OF_KIND[col.kind]
        : 'type' in spec
          ? spec.type
          : 'text',
      about: spec.about,
      table: spec.table ?? own,
      values: spec.values ?? null,
    };
  });
}

/** The one-cell form of a value: lists of codes joined with `;`, evidence as JSON text. */
export function csvValue(value: ExportValue): string | number | null {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (value.length === 0) return null;
  if (value.every((item): item is string => typeof item === 'string')) return value.join(';');
  return JSON.stringify(value);
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
    lines.push(EXPORT_COLUMNS.map((c) => csvField(csvValue(record[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Reads RFC 4180 CSV back into rows of cells (quoted cells may hold commas, quotes and line
 * breaks): what the site scan and the tests read `toCsv`'s files with.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text.charAt(i + 1) === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Where an export came from: the build of the atlas, and the Browse view. */
export interface ExportHeader {
  atlas: { title: string; url: string; build: BuildStamp };
  view: ExportView;
}

/** A Browse view as an export records it: its address, its query and its filters. */
export interface ExportView {
  url: string;
  query: string;
  filters: Record<string, readonly string[]>;
  from: string | null;
  to: string | null;
  sort: string;
}

/** The records as a pretty-printed JSON document: where they came from, then the episodes. */
export function toJson(records: readonly ExportRecord[], header: ExportHeader): string {
  return `${JSON.stringify({ ...header, count: records.length, episodes: records }, null, 2)}\n`;
}

/** How a Browse view's state is recorded in its export. */
export function exportView(state: BrowseState, url: string): ExportView {
  const filters: Record<string, readonly string[]> = {};
  for (const key of FACET_KEYS) {
    const values = state.filters[key];
    if (values && values.length > 0) filters[key] = [...values];
  }
  return {
    url,
    query: state.query,
    filters,
    from: state.from || null,
    to: state.to || null,
    sort: state.sort,
  };
}

/** Longest file name stem an export gets, so that every file system takes it. */
export const MAX_FILE_STEM = 100;

const UNSAFE_RUN = /[^A-Za-z0-9]+/g;
const slug = (text: string): string => text.replace(UNSAFE_RUN, '-').replace(/^-|-$/g, '');

/**
 * The name a Browse view's download gets, saying what the view is: the query, each filter with
 * its values, the dates (`atlas_q-data-loss_symptom-S2-S4_platform-CLI.csv`), in letters, digits,
 * `-` and `_` only, its stem at most `MAX_FILE_STEM` characters. The VALID default is implied;
 * a view of every episode says `validation-any`.
 */
export function exportFileName(state: BrowseState, format: 'csv' | 'json'): string {
  const parts = ['atlas'];
  const query = slug(state.query).toLowerCase();
  if (query) parts.push(`q-${query}`);
  for (const key of FACET_KEYS) {
    const values = state.filters[key] ?? [];
    if (key === 'validation') {
      if (values.length === 0) parts.push('validation-any');
      else if (!(values.length === 1 && values[0] === 'VALID'))
        parts.push(`validation-${values.map(slug).join('-')}`);
      continue;
    }
    const named = values.map(slug).filter((v) => v !== '');
    if (named.length > 0) parts.push(`${key}-${named.join('-')}`);
  }
  if (state.from) parts.push(`from-${state.from}`);
  if (state.to) parts.push(`to-${state.to}`);
  if (parts.length === 1) parts.push('all-valid');
  let stem = parts.join('_');
  if (stem.length > MAX_FILE_STEM) stem = stem.slice(0, MAX_FILE_STEM).replace(/[-_]$/, '');
  return `${stem}.${format}`;
}

/** What each type holds, in words, and how CSV writes it: the data dictionary's two columns. */
export const EXPORT_TYPES: Readonly<Record<ExportType, { holds: string; csv: string }>> = {
  text: { holds: 'text', csv: 'as it is; empty for null' },
  integer: { holds: 'integer', csv: 'digits; empty for null' },
  date: { holds: 'date, YYYY-MM-DD', csv: 'as it is' },
  url: { holds: 'URL', csv: 'as it is' },
  code: { holds: 'one code', csv: 'the code; empty for null' },
  codes: {
    holds: 'array of codes, in the order of their label table',
    csv: 'the codes joined with ";" (S2;S4); empty for none',
  },
  pairs: {
    holds: 'array of cause:tier strings, causes in the order of their table',
    csv: 'the pairs joined with ";" (C2:direct;C4:contextual); empty for none',
  },
  evidence: {
    holds: 'array of objects {turn, quote, context}',
    csv: 'the array written as JSON text in one cell; empty for none',
  },
};
