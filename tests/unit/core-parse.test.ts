import { describe, expect, it } from 'vitest';
import { parseCore } from '../../src/lib/core/parse.ts';
import { coreKindOf, type CoreKind } from '../../src/lib/core/schema.ts';
import { bytes, fixtureRows, type Json } from './core-fixture.ts';

function problemsOf(rows: unknown, expected?: CoreKind): string[] {
  const result = parseCore(bytes(rows), expected);
  return result.ok ? [] : result.problems;
}

/** The fixture's first annotated row with `changes` applied (undefined deletes a key). */
function annotatedRow(changes: Json = {}): Json {
  const row: Json = { ...fixtureRows('annotated')[0], ...changes };
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

describe('coreKindOf', () => {
  it('tells each file by its columns', () => {
    expect(coreKindOf(fixtureRows('annotated')[0])).toBe('annotated');
    expect(coreKindOf(fixtureRows('validated')[0])).toBe('validated');
    expect(coreKindOf(fixtureRows('sessions')[0])).toBe('sessions');
    expect(coreKindOf({ name: 'x' })).toBeUndefined();
    expect(coreKindOf([1])).toBeUndefined();
  });
});

describe('parseCore', () => {
  it('accepts the three fixture files and normalises their rows', () => {
    const annotated = parseCore(bytes(fixtureRows('annotated')));
    expect(annotated).toMatchObject({ ok: true, kind: 'annotated' });
    if (!annotated.ok || annotated.kind !== 'annotated') throw new Error('unreachable');
    expect(annotated.rows).toHaveLength(4);
    expect(annotated.rows[2]).toMatchObject({
      key: {
        source: 'specstory',
        repository: '1000000001',
        session: 'session_003',
        misalignment: 'M001',
      },
      sessionNumber: 3,
      annotation: {
        symptom: { labels: ['S2'] },
        cause: {
          labels: [
            { code: 'C1', tier: 'contextual' },
            { code: 'C2', tier: 'direct' },
          ],
        },
        outcome: { severity: 'DS1', locus: null },
        resolution: { status: 'RS2', resolver: null },
      },
    });
    expect(parseCore(bytes(fixtureRows('validated')))).toMatchObject({
      ok: true,
      kind: 'validated',
    });
    expect(parseCore(bytes(fixtureRows('sessions')))).toMatchObject({ ok: true, kind: 'sessions' });
  });

  it('reads C7 "not_applicable" as a cause without a tier', () => {
    const result = parseCore(bytes(fixtureRows('annotated')));
    if (!result.ok || result.kind !== 'annotated') throw new Error('expected annotated rows');
    expect(result.rows[3]?.annotation.cause.labels).toEqual([{ code: 'C7', tier: null }]);
  });

  it('accepts a 40-hex sha, a UUID and ses_…, minute precision and seconds, and Unknown agents', () => {
    const rows = fixtureRows('sessions').map((row, i) =>
      i === 0 ? { ...row, session_timestamp: '2025-02-03 10:15', agent: 'Unknown' } : row,
    );
    const result = parseCore(bytes(rows));
    expect(result.ok).toBe(true);
    if (!result.ok || result.kind !== 'sessions') throw new Error('expected sessions');
    expect(result.rows[0]?.timestamp).toBe('2025-02-03 10:15:00');
    expect(result.rows[0]?.agent).toBe('Unknown');
  });

  it('names the row, its key and the field of a bad value', () => {
    const rows = [
      annotatedRow(),
      annotatedRow({ misalignment_id: 'M009', damage_severity: 'DS9' }),
    ];
    expect(problemsOf(rows)).toEqual([
      'rows[1] (specstory/1000000001/session_001/M009): damage_severity must be one of DS0, DS1, DS2, DS3, DS4 (got "DS9")',
    ]);
  });

  it('requires every column and says which is missing', () => {
    const problems = problemsOf([annotatedRow({ resolver: undefined })]);
    expect(problems).toEqual([
      'rows[0] (specstory/1000000001/session_001/M001): lacks the column resolver (every column is present, null when empty)',
    ]);
  });

  it('rejects a session sha of another shape', () => {
    expect(problemsOf([annotatedRow({ session_sha: 'not-a-sha' })])[0]).toMatch(
      /^rows\[0\] \(specstory\/1000000001\/session_001\/M001\): session_sha must be 40 hex/,
    );
  });

  it('enforces the corpus rules: a locus only with DS2/DS3, a resolver only with RS1, C7 untiered', () => {
    expect(problemsOf([annotatedRow({ damage_locus: 'DL1' })])).toEqual([
      'rows[0] (specstory/1000000001/session_001/M001): damage_locus must be null unless damage_severity is DS2 or DS3',
    ]);
    expect(problemsOf([annotatedRow({ resolution_status: 'RS1' })])).toEqual([
      'rows[0] (specstory/1000000001/session_001/M001): resolver is required when resolution_status is RS1',
    ]);
    expect(problemsOf([annotatedRow({ C1: null, C7: 'direct' })])).toEqual([
      'rows[0] (specstory/1000000001/session_001/M001): C7 must be "not_applicable" when set (got "direct")',
    ]);
    expect(problemsOf([annotatedRow({ C2: 'direct', C3: 'direct' })])).toEqual([
      'rows[0] (specstory/1000000001/session_001/M001): C3 at most 2 causes (got C1, C2, C3)',
    ]);
    expect(problemsOf([annotatedRow({ S2: false, S4: false })])).toEqual([
      'rows[0] (specstory/1000000001/session_001/M001): S1 no symptom column (S1…S8) is true',
    ]);
  });

  it('requires a category exactly on INVALID candidates', () => {
    const [valid, , invalid] = fixtureRows('validated');
    expect(
      problemsOf([
        { ...valid, invalid_category: 'truncation' },
        { ...invalid, invalid_category: null },
      ]),
    ).toEqual([
      'rows[0] (specstory/1000000001/session_001/M001): invalid_category must be null for a VALID row',
      'rows[1] (specstory/1000000001/session_001/M003): invalid_category is required for an INVALID row',
    ]);
  });

  it('names a session row by its session number', () => {
    const [first] = fixtureRows('sessions');
    expect(problemsOf([{ ...first, user_turns: -1 }])[0]).toMatch(
      /^rows\[0\] \(specstory\/1000000001\/session_001\): user_turns /,
    );
  });

  it('reports a repeated row', () => {
    const [first] = fixtureRows('sessions');
    expect(problemsOf([first, first])).toEqual([
      'rows[1] (specstory/1000000001/session_001): repeats rows[0]',
    ]);
  });

  it('refuses a file whose columns belong to another core file', () => {
    expect(problemsOf(fixtureRows('sessions'), 'annotated')).toEqual([
      'file: its columns are those of session_mapping.json, not of annotated_misalignments.json',
    ]);
  });

  it('refuses what is not a non-empty JSON array of known rows', () => {
    expect(problemsOf({ rows: [] })).toEqual(['file: expected a JSON array of rows']);
    expect(problemsOf([])).toEqual(['file: the file holds no rows']);
    expect(problemsOf([{ name: 'x' }])[0]).toMatch(/^file: cannot tell which core file/);
    const truncated = parseCore(new TextEncoder().encode('[{"S1": tr'));
    expect(truncated.ok ? [] : truncated.problems).toEqual([
      'file: the file is empty or ends too early (truncated JSON)',
    ]);
  });
});
