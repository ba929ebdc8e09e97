/**
 * The hand-made core fixture (tests/fixtures/core/): six sessions in three repositories, seven
 * candidates, four valid episodes. The figures tests state what each figure must be, worked out
 * by hand from these rows.
 */
import { readFileSync } from 'node:fs';
import { joinCorpus, type Corpus } from '../../src/lib/core/corpus.ts';
import { parseCore } from '../../src/lib/core/parse.ts';
import { CORE_FILES, type CoreKind, type CoreRows } from '../../src/lib/core/schema.ts';

export type Json = Record<string, unknown>;

/** One fixture file as raw rows. */
export function fixtureRows(kind: CoreKind): Json[] {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/core/${CORE_FILES[kind]}`, import.meta.url), 'utf8'),
  ) as Json[];
}

/** Rows as bytes of a pretty-printed file, as the replication repository stores them. */
export function bytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value, null, 2));
}

/** The fixture parsed; `edit` may change the raw rows first. */
export function fixtureCoreRows(edit: Partial<Record<CoreKind, (rows: Json[]) => Json[]>> = {}) {
  const parsed = (kind: CoreKind) => {
    const result = parseCore(bytes((edit[kind] ?? ((rows) => rows))(fixtureRows(kind))), kind);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return result.rows;
  };
  return {
    annotated: parsed('annotated'),
    validated: parsed('validated'),
    sessions: parsed('sessions'),
  } as CoreRows;
}

export function fixtureCorpus(edit: Parameters<typeof fixtureCoreRows>[0] = {}): Corpus {
  return joinCorpus(fixtureCoreRows(edit));
}
