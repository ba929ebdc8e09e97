/**
 * Reading one core file: bytes → UTF-8 → JSON array → rows, its kind told by its columns, every
 * bad row named by index, key and field (`rows[412] (specstory/1000090305/session_001/M001):
 * damage_severity must be one of …`).
 */
import {
  decodeRelease,
  issueProblems,
  problemFormatter,
  readJsonText,
  type Problem,
} from '../parse.ts';
import {
  CORE_COLUMNS,
  CORE_FILES,
  CORE_KINDS,
  CORE_SCHEMAS,
  coreKindOf,
  type CoreAnnotated,
  type CoreCandidate,
  type CoreKind,
  type CoreSession,
} from './schema.ts';

export type CoreParse =
  | { ok: true; kind: 'annotated'; rows: CoreAnnotated[] }
  | { ok: true; kind: 'validated'; rows: CoreCandidate[] }
  | { ok: true; kind: 'sessions'; rows: CoreSession[] }
  | { ok: false; kind: CoreKind | undefined; total: number; problems: string[] };

/** How a session is named in messages: `specstory/1000090305/session_003`. */
export function sessionLabel(source: string, repository: string, sessionNumber: number): string {
  return `${source}/${repository}/session_${String(sessionNumber).padStart(3, '0')}`;
}

function part(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 80) : '?';
}

/** A best-effort name for a row, even a broken one. */
function rowKey(kind: CoreKind, row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const r = row as Record<string, unknown>;
  if (kind === 'sessions') {
    const n = r['session_count_id'];
    return typeof n === 'number'
      ? sessionLabel(part(r['source']), part(r['repository_id']), n)
      : `${part(r['source'])}/${part(r['repository_id'])}/?`;
  }
  return [r['source'], r['repository_id'], r['session_id'], r['misalignment_id']]
    .map(part)
    .join('/');
}

/** The identity of a parsed row, for finding duplicates. */
function identity(row: CoreAnnotated | CoreCandidate | CoreSession): string {
  if ('key' in row) {
    const { source, repository, session, misalignment } = row.key;
    return `${source}/${repository}/${session}/${misalignment}`;
  }
  return sessionLabel(row.source, row.repository, row.sessionNumber);
}

function failure(kind: CoreKind | undefined, total: number, problems: string[]): CoreParse {
  return { ok: false, kind, total, problems };
}

/**
 * Parses one core file. Its kind is recognised from the first row's columns; `expected` (the
 * kind its file name promises) must agree. Every row is checked; all problems are returned.
 */
export function parseCore(bytes: Uint8Array, expected?: CoreKind): CoreParse {
  const decoded = decodeRelease(bytes);
  if ('error' in decoded) return failure(expected, 0, [`file: ${decoded.error}`]);
  const json = readJsonText(decoded.text);
  if ('error' in json) return failure(expected, 0, [`file: ${json.error}`]);
  const rows = json.value;
  if (!Array.isArray(rows)) return failure(expected, 0, ['file: expected a JSON array of rows']);
  if (rows.length === 0) return failure(expected, 0, ['file: the file holds no rows']);
  const kind = coreKindOf(rows[0]);
  if (kind === undefined)
    return failure(expected, rows.length, [
      `file: cannot tell which core file this is from the columns of rows[0]; expected ${CORE_KINDS.map((k) => CORE_FILES[k]).join(', ')}`,
    ]);
  if (expected !== undefined && kind !== expected)
    return failure(expected, rows.length, [
      `file: its columns are those of ${CORE_FILES[kind]}, not of ${CORE_FILES[expected]}`,
    ]);

  const schema = CORE_SCHEMAS[kind];
  const problems: Problem[] = [];
  const parsed: Array<CoreAnnotated | CoreCandidate | CoreSession> = [];
  const seen = new Map<string, number>();
  rows.forEach((row: unknown, index) => {
    const key = rowKey(kind, row);
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push({ index, message: 'must be an object', reason: 'invalid-record' });
      return;
    }
    const missing = CORE_COLUMNS[kind].filter((column) => !(column in row));
    if (missing.length > 0) {
      problems.push({
        index,
        ...(key ? { key } : {}),
        message: `lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (every column is present, null when empty)`,
        reason: 'invalid-record',
      });
      return;
    }
    const result = schema.safeParse(row);
    if (!result.success) {
      problems.push(...issueProblems(index, key, row, result.error));
      return;
    }
    const id = identity(result.data);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({
        index,
        key: id,
        message: `repeats rows[${earlier}]`,
        reason: 'duplicate',
      });
      return;
    }
    seen.set(id, index);
    parsed.push(result.data);
  });
  if (problems.length > 0)
    return failure(kind, rows.length, problems.map(problemFormatter('rows')));
  return { ok: true, kind, rows: parsed } as CoreParse;
}
