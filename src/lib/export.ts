/**
 * Export of a Browse result set as CSV (RFC 4180) or JSON. One record shape serves both, built
 * from the compact row and the episode's text chunk entry.
 */
import { dateOfDay, type BrowseColumns, type BrowseRow } from './browse-columns.ts';
import type { ChunkEntry } from './derive/browser-files.ts';
import { codeAt, codesOfMask } from './facets.ts';
import { routes, withBase } from './paths.ts';
import {
  CAUSES,
  EVIDENCE_TIERS,
  LOCI,
  PLATFORMS,
  RESOLVERS,
  SEVERITIES,
  SOURCES,
  STATUSES,
  SYMPTOMS,
} from './taxonomy.ts';

/** The exported columns, in file order. */
export const EXPORT_COLUMNS = [
  'id',
  'url',
  'title',
  'date',
  'agent',
  'platform',
  'source',
  'validation',
  'category',
  'symptoms',
  'causes',
  'tiers',
  'severity',
  'locus',
  'status',
  'resolver',
  'user_turns',
  'agent_turns',
  'licence',
  'description',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
/** One exported episode: strings, numbers, or null where the episode has no value. */
export type ExportRecord = Record<ExportColumn, string | number | null>;

export interface ExportContext {
  dict: BrowseColumns['dict'];
  /** Astro's base (`/` or `/atlas/`). */
  base: string;
  /** `https://example.org`: when given, URLs are absolute. */
  origin?: string | undefined;
}

/** The export record of one episode. */
export function exportRecord(row: BrowseRow, entry: ChunkEntry, ctx: ExportContext): ExportRecord {
  const path = withBase(ctx.base, routes.episode(entry.id));
  const category = row.category >= 0 ? (ctx.dict.category[row.category] ?? null) : null;
  const joined = (codes: string[]): string | null => (codes.length > 0 ? codes.join(';') : null);
  return {
    id: entry.id,
    url: ctx.origin ? new URL(path, ctx.origin).href : path,
    title: entry.name,
    date: dateOfDay(row.day),
    agent: entry.agent,
    platform: codeAt(PLATFORMS, row.platform),
    source: codeAt(SOURCES, row.source),
    validation: row.category === -1 ? 'VALID' : 'INVALID',
    category,
    symptoms: joined(codesOfMask(row.symptoms, SYMPTOMS)),
    causes: joined(codesOfMask(row.causes, CAUSES)),
    tiers: joined(codesOfMask(row.tiers, EVIDENCE_TIERS)),
    severity: codeAt(SEVERITIES, row.severity),
    locus: codeAt(LOCI, row.locus),
    status: codeAt(STATUSES, row.status),
    resolver: codeAt(RESOLVERS, row.resolver),
    user_turns: row.userTurns >= 0 ? row.userTurns : null,
    agent_turns: row.agentTurns >= 0 ? row.agentTurns : null,
    licence: ctx.dict.licence[row.licence] ?? null,
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
