/**
 * Small builders shared by the unit tests: release records in the nested layout, the episodes
 * the schema makes of them, release files as bytes, and exports read back from data files.
 */
import {
  addLater,
  decodeColumns,
  type BrowseColumns,
  type LaterColumns,
} from '../../src/lib/browse-columns.ts';
import {
  chunkFileName,
  detailFileName,
  type ChunkEntry,
  type DetailEntry,
} from '../../src/lib/derive/browser-files.ts';
import { exportRecord, type ExportRecord } from '../../src/lib/export.ts';
import { normaliseLayout } from '../../src/lib/layout.ts';
import { releaseRecordSchema, type Episode } from '../../src/lib/schema.ts';

export type Json = Record<string, unknown>;

/** A VALID release record in the pipeline's nested layout; `overrides` replace top-level fields. */
export function validRecord(overrides: Json = {}): Json {
  return {
    repository_id: 1000090305,
    session_id: 'session_003',
    misalignment_id: 'M002',
    source: 'specstory',
    name: 'Edited Config Instead Of Explaining Error',
    description: 'The developer asked why the build failed; the agent edited the config instead.',
    alignment_goal: 'intention',
    confidence: 'high',
    evidence: [
      {
        turn: 'TURN 7 | USER',
        quote: 'just explain the error',
        context: 'The developer pushes back.',
      },
    ],
    label: 'VALID',
    invalid_category: null,
    note: 'The pushback in turn 7 is visible.',
    symptom: {
      reasoning: 'The agent did work nobody asked for.',
      labels: ['S4'],
      other_descriptor: null,
    },
    cause: {
      reasoning: 'It chose to do more than asked.',
      labels: [{ label: 'C2', evidence_tier: 'contextual' }],
    },
    outcome: {
      reasoning: 'The config change was undone.',
      damage_severity: 'DS2',
      damage_locus: 'DL1',
    },
    resolution: { reasoning: 'The agent reverted it.', status: 'RS1', resolver: 'RV2' },
    session_type: 'IDE',
    agent: 'Cursor IDE',
    license_type: 'MIT',
    session_timestamp: '2025-06-07 01:16:00',
    user_turns: 6,
    agent_turns: 6,
    ...overrides,
  };
}

/** An INVALID release record (no annotation) in the nested layout. */
export function invalidRecord(overrides: Json = {}): Json {
  const record = validRecord({
    label: 'INVALID',
    invalid_category: 'truncation',
    note: 'The log is cut off.',
    ...overrides,
  });
  return without(
    record,
    ...['symptom', 'cause', 'outcome', 'resolution'].filter((axis) => !(axis in overrides)),
  );
}

/** A copy of `record` without the fields named. */
export function without(record: Json, ...fields: string[]): Json {
  return Object.fromEntries(Object.entries(record).filter(([field]) => !fields.includes(field)));
}

/** Runs one record through layout normalisation and the schema; throws when it does not pass. */
export function episodeOf(record: Json): Episode {
  const result = releaseRecordSchema.safeParse(normaliseLayout(record));
  if (!result.success) {
    const messages = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new Error(`record does not pass the schema: ${messages.join('; ')}`);
  }
  return result.data;
}

/** A release file's bytes. */
export function bytesOf(file: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(file));
}

/** The redaction key of every test run: markers are stable across runs and across processes. */
export const TEST_REDACTION_KEY = 'atlas-test-redaction-key';

/**
 * Browse's export of every episode, as the browser writes it, from the data step's files: the
 * browse file and its later columns, then each chunk's text file and detail file. `read` gives a
 * file's parsed JSON by its name under `data/` (`browse` the browse file's name).
 */
export function exportFromDataFiles(
  browse: string,
  read: (name: string) => unknown,
  base = '/',
): ExportRecord[] {
  const first = read(browse) as BrowseColumns;
  const rows = decodeColumns(first);
  if (first.later) addLater(rows, read(first.later) as LaterColumns);
  const chunks = Array.from({ length: Math.ceil(first.count / first.chunkSize) }, (_, n) => n);
  const entries = chunks.flatMap(
    (n) => read(`${first.chunkFolder}/${chunkFileName(n)}`) as ChunkEntry[],
  );
  const details = chunks.flatMap(
    (n) => read(`${first.chunkFolder}/${detailFileName(n)}`) as DetailEntry[],
  );
  return rows.map((row, i) => {
    const entry = entries[i];
    const detail = details[i];
    if (!entry || !detail) throw new Error(`episode ${i} has no text in the data files`);
    return exportRecord(row, { ...entry, ...detail }, { dict: first.dict, base });
  });
}
