/**
 * Reading a release file: bytes → text → JSON → records → validated episodes, collecting every
 * problem with the record and field it concerns instead of stopping at the first.
 */
import { z } from 'zod';
import { keyLabel } from './ids.ts';
import { jsonErrorOffset } from './json-error.ts';
import { normaliseLayout, recordsOf } from './layout.ts';
import { releaseRecordSchema, type Episode } from './schema.ts';

/** One thing wrong with the input. `index` is absent for problems with the file as a whole. */
export interface Problem {
  index?: number;
  key?: string;
  path?: string;
  message: string;
  reason: 'invalid-file' | 'invalid-record' | 'duplicate';
}

/** A record that passed the schema, with its position in the file. */
export interface ParsedEpisode {
  index: number;
  episode: Episode;
}

export interface ParseResult {
  /** How many records the file holds (0 when the file itself could not be read). */
  total: number;
  episodes: ParsedEpisode[];
  problems: Problem[];
}

/** Deeper than this, a record is malformed (real records nest four levels). */
export const MAX_DEPTH = 32;

/**
 * A formatter of problems whose rows the file calls `noun`:
 * `records[412] (swe/78/session_846/M003): outcome.damage_locus must be null …`.
 */
export function problemFormatter(noun: string): (problem: Problem) => string {
  return (problem) => {
    if (problem.index === undefined) return `file: ${problem.message}`;
    const where = `${noun}[${problem.index}]${problem.key ? ` (${problem.key})` : ''}`;
    return `${where}: ${problem.path ? `${problem.path} ` : ''}${problem.message}`;
  };
}

/** How a problem of the release reads: `records[412] (swe/78/session_846/M003): …`. */
export const formatProblem = problemFormatter('records');

function fileProblem(message: string): ParseResult {
  return { total: 0, episodes: [], problems: [{ message, reason: 'invalid-file' }] };
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Decodes the file's bytes as strict UTF-8, or explains where it is not. */
export function decodeRelease(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { error: 'the file starts with a UTF-8 byte-order mark; save it as UTF-8 without one' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      error: `the file is not valid UTF-8 (first bad byte at offset ${firstBadUtf8Byte(bytes)})`,
    };
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstBadUtf8Byte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    // Sequence length and the allowed range of the second byte (no overlongs, no surrogates).
    const [length, low, high] =
      lead < 0x80
        ? [1, 0, 0]
        : lead >= 0xc2 && lead <= 0xdf
          ? [2, 0x80, 0xbf]
          : lead === 0xe0
            ? [3, 0xa0, 0xbf]
            : lead === 0xed
              ? [3, 0x80, 0x9f]
              : lead >= 0xe1 && lead <= 0xef
                ? [3, 0x80, 0xbf]
                : lead === 0xf0
                  ? [4, 0x90, 0xbf]
                  : lead === 0xf4
                    ? [4, 0x80, 0x8f]
                    : lead >= 0xf1 && lead <= 0xf3
                      ? [4, 0x80, 0xbf]
                      : [0, 0, 0];
    if (length === 0) return at;
    for (let i = 1; i < length; i++) {
      const byte = bytes[at + i];
      const [lo, hi] = i === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < lo || byte > hi) return at;
    }
    at += length;
  }
  return -1;
}

/** The top-level field of the first branch nested deeper than MAX_DEPTH, or undefined. */
function tooDeep(record: object): string | undefined {
  // Iterative: a hostile record may nest far deeper than the call stack allows.
  const stack: Array<[unknown, number, string]> = Object.entries(record).map(([k, v]) => [v, 2, k]);
  while (stack.length > 0) {
    const [node, depth, field] = stack.pop() as [unknown, number, string];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_DEPTH) return field;
    for (const child of Object.values(node)) stack.push([child, depth + 1, field]);
  }
  return undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** A best-effort key for naming a record in a message, even when the record is broken. */
function looseKey(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const r = normaliseLayout(record) as Record<string, unknown>;
  const parts = [r['source'], r['repository_id'], r['session_id'], r['misalignment_id']].map(str);
  if (parts.every((p) => p === undefined)) return undefined;
  return parts.map((p) => (p === undefined ? '?' : p.slice(0, 80))).join('/');
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`,
    )
    .join('');
}

/** The value at a zod issue's path in the (normalised) record, to tell "missing" from "wrong". */
function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let node = record;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (typeof value === 'number')
    return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${value}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** A zod error's issues as problems of the record at `index`, each naming its field. */
export function issueProblems(
  index: number,
  key: string | undefined,
  record: unknown,
  error: z.ZodError,
): Problem[] {
  return error.issues.map((issue) => {
    const path = pathOf(issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      const value = valueAt(record, issue.path);
      message =
        value === undefined
          ? `is required (expected ${issue.expected})`
          : `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected} (got ${describe(value)})`;
    }
    return {
      index,
      ...(key ? { key } : {}),
      ...(path ? { path } : {}),
      message,
      reason: 'invalid-record' as const,
    };
  });
}

/** Parses a file's text as JSON, or says where and why it is not JSON. */
export function readJsonText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    if (error instanceof RangeError) return { error: 'the file nests too deeply to be read' };
    const offset = jsonErrorOffset(text);
    if (offset >= text.trimEnd().length)
      return { error: 'the file is empty or ends too early (truncated JSON)' };
    const message = error instanceof Error ? error.message : String(error);
    return {
      error: `the file is not valid JSON at ${lineAndColumn(text, Math.max(0, offset))}: ${message}`,
    };
  }
}

/** Parses the release's text; every record that passes is returned, every problem listed. */
export function parseRelease(text: string): ParseResult {
  const json = readJsonText(text);
  if ('error' in json) return fileProblem(json.error);
  const found = recordsOf(json.value);
  if ('error' in found) return fileProblem(found.error);
  if (found.records.length === 0) return fileProblem('the file holds no records');

  const episodes: ParsedEpisode[] = [];
  const problems: Problem[] = [];
  const seenKeys = new Map<string, number>();
  const seenIds = new Map<string, number>();
  found.records.forEach((record, index) => {
    const key = looseKey(record);
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problems.push({ index, message: 'must be an object', reason: 'invalid-record' });
      return;
    }
    const deep = tooDeep(record);
    if (deep !== undefined) {
      problems.push({
        index,
        ...(key ? { key } : {}),
        ...(deep ? { path: deep } : {}),
        message: `nests deeper than ${MAX_DEPTH} levels`,
        reason: 'invalid-record',
      });
      return;
    }
    const normalised = normaliseLayout(record);
    const result = releaseRecordSchema.safeParse(normalised);
    if (!result.success) {
      problems.push(...issueProblems(index, key, normalised, result.error));
      return;
    }
    const episode = result.data;
    const label = keyLabel(episode.key);
    const earlier = seenKeys.get(label) ?? seenIds.get(episode.id);
    if (earlier !== undefined) {
      problems.push({
        index,
        key: label,
        path: 'misalignment_id',
        message: `repeats the id of records[${earlier}] (${episode.id})`,
        reason: 'duplicate',
      });
      return;
    }
    seenKeys.set(label, index);
    seenIds.set(episode.id, index);
    episodes.push({ index, episode });
  });
  return { total: found.records.length, episodes, problems };
}
