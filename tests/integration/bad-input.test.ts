/**
 * Hostile and broken release files: `npm run validate` must refuse each one with a message that
 * names the record and the field, and `npm run build` must leave the last good site untouched.
 * The committed faults live in tests/fixtures/bad/ with their expected messages in expected.json;
 * the large ones (10 MB strings, deep nesting) are generated here in a temporary folder.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  buildSite,
  fixturePath,
  hashDir,
  readJson,
  recordsIn,
  runNode,
  tempDir,
} from './support.ts';

interface Expectation {
  /** Substrings the error output must contain. */
  expect: string[];
  /** Substrings it must not contain (a misleading message). */
  reject?: string[];
}

const BAD = fixturePath('bad');
const MANIFEST = readJson<Record<string, Expectation>>(join(BAD, 'expected.json'));
const COMMITTED = readdirSync(BAD)
  .filter((name) => name.endsWith('.json') && name !== 'expected.json')
  .sort();

const TEN_MB = 10 * 1024 * 1024;
const KEY = 'records[0] (specstory/1000090305/session_003/M001)';

/** A valid record to damage: the first record of a committed fixture. */
function goodRecord(): Record<string, unknown> {
  const [first] = recordsIn(join(BAD, 'duplicate-ids.json'));
  return { ...first };
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Faults too big to commit, written at test time. */
const GENERATED: Array<{ name: string; write: (path: string) => void; expectation: Expectation }> =
  [
    {
      name: '10 MB description',
      write: (path) =>
        writeFileSync(path, JSON.stringify([{ ...goodRecord(), description: 'x'.repeat(TEN_MB) }])),
      expectation: {
        expect: [`${KEY}: description must be at most 20000 characters (got ${TEN_MB})`],
      },
    },
    {
      name: '10 MB evidence quote',
      write: (path) =>
        writeFileSync(
          path,
          JSON.stringify([
            { ...goodRecord(), evidence: [{ turn: 'TURN 1 | USER', quote: 'q'.repeat(TEN_MB) }] },
          ]),
        ),
      expectation: {
        expect: [`${KEY}: evidence[0].quote must be at most 20000 characters (got ${TEN_MB})`],
      },
    },
    {
      name: '10 MB agent name',
      write: (path) =>
        writeFileSync(path, JSON.stringify([{ ...goodRecord(), agent: 'A'.repeat(TEN_MB) }])),
      expectation: { expect: [`${KEY}: agent `] },
    },
    {
      // Unknown fields are dropped, so only the depth limit keeps this record off the site.
      name: 'an unknown field nested 200 levels deep',
      write: (path) =>
        writeFileSync(path, JSON.stringify([{ ...goodRecord(), extra: nested(200) }])),
      expectation: { expect: [`${KEY}: `, 'nests deeper than 32 levels'] },
    },
    {
      name: 'a field nested 200 levels deep',
      write: (path) =>
        writeFileSync(path, JSON.stringify([{ ...goodRecord(), note: nested(200) }])),
      // The record and the field that nests too deeply.
      expectation: { expect: [`${KEY}: note`, 'nests deeper than 32 levels'] },
    },
    {
      name: 'a file nested a million arrays deep',
      write: (path) => writeFileSync(path, `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`),
      expectation: { expect: ['records[0]: must be an object'] },
    },
  ];

function expectRefusal(file: string, expectation: Expectation): void {
  const result = runNode(['scripts/validate.ts', file]);
  expect(result.status, result.stderr).toBe(1);
  for (const message of expectation.expect) expect(result.stderr).toContain(message);
  for (const message of expectation.reject ?? []) expect(result.stderr).not.toContain(message);
}

describe('the bad-input corpus', () => {
  it('has an expected message for every committed fault, and a fault for every message', () => {
    expect(Object.keys(MANIFEST).sort()).toEqual(COMMITTED);
  });

  it('is read by validate as a good file once the fault is removed', () => {
    const path = join(tempDir('good'), 'good.json');
    writeFileSync(path, JSON.stringify([goodRecord()]));
    const result = runNode(['scripts/validate.ts', path]);
    expect(result.status, result.stderr).toBe(0);
  });
});

describe('validate refuses every committed fault', () => {
  it.each(COMMITTED)('%s', (name) => {
    const expectation = MANIFEST[name];
    expect(expectation, `no entry for ${name} in expected.json`).toBeDefined();
    if (expectation) expectRefusal(join(BAD, name), expectation);
  });
});

describe('validate refuses generated faults', () => {
  const dir = tempDir('bad');

  it.each(GENERATED.map((g) => [g.name, g] as const))('%s', (_name, fault) => {
    const path = join(dir, `${fault.name.replace(/\W+/g, '-')}.json`);
    fault.write(path);
    expectRefusal(path, fault.expectation);
  });
});

describe('a failed build leaves the last good site as it was', () => {
  let dist = '';
  let before = '';

  beforeAll(() => {
    dist = buildSite('content/sample/misalignments.json');
    before = hashDir(dist);
  }, 120_000);

  it.each(['truncated.json', 'locus-without-damage.json', 'unsafe-id-dotdot.json'])(
    'when the input is %s',
    (name) => {
      expect(existsSync(join(dist, 'index.html'))).toBe(true);
      const result = runNode(['scripts/build.ts'], {
        ATLAS_INPUT: join(BAD, name),
        ATLAS_DIST: dist,
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('The release file cannot be used');
      expect(hashDir(dist)).toBe(before);
      // The failed build cleans up its own temporary folders.
      expect(existsSync(join(ROOT, `.dist-${String(result.pid)}`))).toBe(false);
      expect(existsSync(join(ROOT, `.dist-${String(result.pid)}-data`))).toBe(false);
    },
  );
});
