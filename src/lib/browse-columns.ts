/**
 * The compact, columnar form of the episodes that Browse loads first: every facet value of every
 * episode, without text. Each column is one string with a fixed number of base-36 characters per
 * episode, which keeps the file small and gzip-friendly at 100,000 episodes. The same module
 * encodes (at build time) and decodes (in the browser), so the two cannot drift.
 */
import type { Episode } from './schema.ts';
export { newestFirst as canonicalOrder } from './stats.ts';
import {
  ALIGNMENT_GOALS,
  CAUSES,
  CONFIDENCES,
  EVIDENCE_TIERS,
  LOCI,
  PLATFORMS,
  RESOLVERS,
  SEVERITIES,
  SOURCES,
  STATUSES,
  SYMPTOMS,
  VALIDATION_CATEGORIES,
} from './taxonomy.ts';

/** One episode as Browse filters, counts and sorts it. Indexes refer to the tables named. */
export interface BrowseRow {
  /** Position in the canonical order (newest first); also the episode's text chunk slot. */
  index: number;
  /** Days since 1970-01-01 of the session. */
  day: number;
  agent: number;
  platform: number;
  source: number;
  goal: number;
  confidence: number;
  licence: number;
  /** -1 for VALID; otherwise the index into `dict.category`. */
  category: number;
  /** Bit i set when SYMPTOMS[i] applies. */
  symptoms: number;
  /** Bit i set when CAUSES[i] applies. */
  causes: number;
  /** Bit i set when some cause has EVIDENCE_TIERS[i]. */
  tiers: number;
  /** Index into SEVERITIES, -1 when not annotated (INVALID). */
  severity: number;
  locus: number;
  status: number;
  resolver: number;
  userTurns: number;
  agentTurns: number;
}

/** Column name → characters per episode (dictionary columns are narrowed to fit, see below). */
// Widths are the fewest base-36 characters that hold the value: days since 1970 fit three
// until 2097; turn counts over 1,294 are clamped (they only sort and display).
const WIDTHS = {
  day: 3,
  agent: 2,
  platform: 1,
  source: 1,
  goal: 1,
  confidence: 1,
  licence: 2,
  category: 2,
  symptoms: 2,
  causes: 2,
  tiers: 1,
  severity: 1,
  locus: 1,
  status: 1,
  resolver: 1,
  userTurns: 2,
  agentTurns: 2,
} as const satisfies Record<Exclude<keyof BrowseRow, 'index'>, number>;

type Column = keyof typeof WIDTHS;
const COLUMNS = Object.keys(WIDTHS) as Column[];

/** The file Browse fetches first. */
export interface BrowseColumns {
  version: 1;
  count: number;
  /** Episodes per text chunk. */
  chunkSize: number;
  /** Folder of the text chunks `0.json`, `1.json` …, relative to this file. */
  chunkFolder: string;
  dict: { agent: string[]; licence: string[]; category: string[] };
  /** Characters per episode of each column. */
  widths: Record<Column, number>;
  columns: Record<Column, string>;
}

function codeIndex(rows: readonly { code: string }[], code: string | null | undefined): number {
  return code == null ? -1 : rows.findIndex((row) => row.code === code);
}

function bits(rows: readonly { code: string }[], codes: readonly string[]): number {
  return codes.reduce((mask, code) => mask | (1 << codeIndex(rows, code)), 0);
}

/** Days since the epoch of a `YYYY-MM-DD HH:MM:SS` timestamp. */
export function dayOf(timestamp: string): number {
  return Math.floor(Date.parse(`${timestamp.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function dictionary(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** Row values for one episode, given the dictionaries. */
export function rowOf(episode: Episode, index: number, dict: BrowseColumns['dict']): BrowseRow {
  const a = episode.annotation;
  const tiers = a ? a.cause.labels.map((c) => c.tier).filter((t) => t !== null) : [];
  return {
    index,
    day: dayOf(episode.timestamp),
    agent: dict.agent.indexOf(episode.agent),
    platform: codeIndex(PLATFORMS, episode.platform),
    source: codeIndex(SOURCES, episode.key.source),
    goal: codeIndex(ALIGNMENT_GOALS, episode.alignmentGoal),
    confidence: codeIndex(CONFIDENCES, episode.confidence),
    licence: dict.licence.indexOf(episode.licence),
    category:
      episode.validation.category === null
        ? -1
        : dict.category.indexOf(episode.validation.category),
    symptoms: a ? bits(SYMPTOMS, a.symptom.labels) : 0,
    causes: a
      ? bits(
          CAUSES,
          a.cause.labels.map((c) => c.code),
        )
      : 0,
    tiers: bits(EVIDENCE_TIERS, tiers),
    severity: codeIndex(SEVERITIES, a?.outcome.severity),
    locus: codeIndex(LOCI, a?.outcome.locus),
    status: codeIndex(STATUSES, a?.resolution.status),
    resolver: codeIndex(RESOLVERS, a?.resolution.resolver),
    userTurns: episode.userTurns ?? -1,
    agentTurns: episode.agentTurns ?? -1,
  };
}

function encodeValue(value: number, width: number): string {
  // Shift by one so that -1 ("none") encodes as 0; clamp what does not fit.
  const max = 36 ** width - 1;
  return Math.min(Math.max(value + 1, 0), max)
    .toString(36)
    .padStart(width, '0');
}

/** Encodes episodes (already in canonical order) into the columnar file. */
export function encodeColumns(
  episodes: readonly Episode[],
  chunkSize: number,
  chunkFolder = '',
): BrowseColumns {
  const dict = {
    agent: dictionary(episodes.map((e) => e.agent)),
    licence: dictionary(episodes.map((e) => e.licence)),
    category: dictionary([
      ...VALIDATION_CATEGORIES.map((c) => c.code),
      ...episodes.flatMap((e) => (e.validation.category ? [e.validation.category] : [])),
    ]),
  };
  // A dictionary column needs only the characters its dictionary's size (plus "none") takes.
  const fit = (size: number) => Math.max(1, Math.ceil(Math.log(size + 2) / Math.log(36)));
  const widths: Record<Column, number> = {
    ...WIDTHS,
    agent: fit(dict.agent.length),
    licence: fit(dict.licence.length),
    category: fit(dict.category.length),
  };
  const parts = Object.fromEntries(COLUMNS.map((c) => [c, [] as string[]])) as Record<
    Column,
    string[]
  >;
  episodes.forEach((episode, index) => {
    const row = rowOf(episode, index, dict);
    for (const column of COLUMNS) parts[column].push(encodeValue(row[column], widths[column]));
  });
  const columns = Object.fromEntries(COLUMNS.map((c) => [c, parts[c].join('')])) as Record<
    Column,
    string
  >;
  return { version: 1, count: episodes.length, chunkSize, chunkFolder, dict, widths, columns };
}

/** Decodes the columnar file into rows (in canonical order). */
export function decodeColumns(data: BrowseColumns): BrowseRow[] {
  const rows: BrowseRow[] = [];
  for (let index = 0; index < data.count; index++) {
    const row = { index } as BrowseRow;
    for (const column of COLUMNS) {
      const width = data.widths[column];
      row[column] =
        parseInt(data.columns[column].slice(index * width, (index + 1) * width), 36) - 1;
    }
    rows.push(row);
  }
  return rows;
}
