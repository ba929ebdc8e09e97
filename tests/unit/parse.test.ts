import { describe, it, expect } from 'vitest';
import {
  decodeRelease,
  formatProblem,
  MAX_DEPTH,
  parseRelease,
  type Problem,
} from '../../src/lib/parse.ts';
import { invalidRecord, validRecord, without, type Json } from './helpers.ts';

function messages(text: string): string[] {
  return parseRelease(text).problems.map(formatProblem);
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { down: value };
  return value;
}

const swe846 = {
  source: 'swe',
  repository_id: '78',
  session_id: 'session_846',
  misalignment_id: 'M003',
};

describe('decodeRelease', () => {
  it('decodes UTF-8 text', () => {
    expect(decodeRelease(new TextEncoder().encode('[{"name":"Čeština ✓"}]'))).toEqual({
      text: '[{"name":"Čeština ✓"}]',
    });
  });

  it('rejects a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[]')]);
    expect(decodeRelease(bytes)).toEqual({
      error: 'the file starts with a UTF-8 byte-order mark; save it as UTF-8 without one',
    });
  });

  it('rejects invalid UTF-8', () => {
    const bytes = new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d]);
    expect(decodeRelease(bytes)).toEqual({
      error: 'the file is not valid UTF-8 (first bad byte at offset 2)',
    });
  });

  it('points near a bad byte far into the file', () => {
    const bytes = new TextEncoder().encode(`["${'a'.repeat(3000)}"]`);
    bytes[3000] = 0xc3; // a lead byte followed by ASCII is malformed
    const decoded = decodeRelease(bytes);
    expect(decoded).toEqual({
      error: 'the file is not valid UTF-8 (first bad byte at offset 3000)',
    });
  });

  it('rejects a multi-byte character cut off at the end', () => {
    const bytes = new TextEncoder().encode('["✓');
    expect('error' in decodeRelease(bytes.subarray(0, bytes.length - 1))).toBe(true);
  });
});

describe('parseRelease on a file that is not JSON', () => {
  it('says where the error is on the first line', () => {
    expect(messages('not json')[0]).toMatch(
      /^file: the file is not valid JSON at line 1, column 1\b/,
    );
  });

  it('says where the error is in a stray character mid-file', () => {
    expect(messages('[\n  {"a": }\n]')[0]).toMatch(
      /^file: the file is not valid JSON at line 2, column 9\b/,
    );
  });

  it('gives the line and column of a later line', () => {
    expect(messages('[\n{"a": 1,}\n]')).toEqual([
      'file: the file is not valid JSON at line 2, column 9: Expected double-quoted property name in JSON at position 10 (line 2 column 9)',
    ]);
  });

  it('reports a file cut off after an element as truncated', () => {
    const full = JSON.stringify([validRecord(), validRecord({ misalignment_id: 'M003' })], null, 1);
    const cut = full.slice(0, full.lastIndexOf('}') + 1);
    expect(messages(cut)[0]).toMatch(
      /^file: the file is empty or ends too early \(truncated JSON\)/,
    );
  });

  it('reports a file cut off inside a string as truncated', () => {
    const full = JSON.stringify([validRecord()]);
    const cut = full.slice(0, full.indexOf('Edited Config') + 6);
    expect(messages(cut)[0]).toMatch(
      /^file: the file is empty or ends too early \(truncated JSON\)/,
    );
  });

  it('reports a file cut off inside a literal as truncated', () => {
    expect(messages('[{"a": tr')).toEqual([
      'file: the file is empty or ends too early (truncated JSON)',
    ]);
  });

  it.each(['', '  \n\t'])('reports the empty file %j as empty', (text) => {
    expect(messages(text)).toEqual(['file: the file is empty or ends too early (truncated JSON)']);
  });

  it('reports a file-level problem without an index', () => {
    const [problem] = parseRelease('').problems;
    expect(problem).toEqual({
      message: 'the file is empty or ends too early (truncated JSON)',
      reason: 'invalid-file',
    });
  });

  it('counts no records for a file it cannot read', () => {
    expect(parseRelease('{').total).toBe(0);
  });
});

describe('parseRelease on the file structure', () => {
  it.each(['[]', '{"misalignments": []}', '{"records": []}'])(
    'says %s holds no records',
    (text) => {
      expect(messages(text)).toEqual(['file: the file holds no records']);
    },
  );

  it('names the keys of an object without records', () => {
    expect(messages('{"data": [], "version": 3}')).toEqual([
      'file: expected an array of records, or an object with the array under "misalignments" or "records"; found an object with keys: data, version',
    ]);
  });

  it('rejects a top-level number', () => {
    expect(messages('12')).toEqual(['file: expected an array of records, found number']);
  });

  it('rejects each record that is not an object', () => {
    const result = parseRelease(JSON.stringify([1, 'x', null, [], validRecord()]));
    expect(result.problems.map(formatProblem)).toEqual([
      'records[0]: must be an object',
      'records[1]: must be an object',
      'records[2]: must be an object',
      'records[3]: must be an object',
    ]);
    expect(result.total).toBe(5);
    expect(result.episodes.map((e) => e.index)).toEqual([4]);
  });

  it(`rejects a record nesting deeper than ${MAX_DEPTH} levels`, () => {
    const text = JSON.stringify([validRecord({ extra: nested(MAX_DEPTH + 5) })]);
    expect(messages(text)).toEqual([
      `records[0] (specstory/1000090305/session_003/M002): extra nests deeper than ${MAX_DEPTH} levels`,
    ]);
  });

  it(`accepts a record nesting exactly ${MAX_DEPTH} levels`, () => {
    const text = JSON.stringify([validRecord({ extra: nested(MAX_DEPTH - 1) })]);
    expect(parseRelease(text).problems).toEqual([]);
  });

  it('survives a file nested far too deep for the JSON parser', () => {
    const text = `[${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}]`;
    const result = parseRelease(text);
    expect(result.episodes).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });

  it('reads records under misalignments', () => {
    const result = parseRelease(
      JSON.stringify({
        misalignments: [validRecord(), invalidRecord({ misalignment_id: 'M009' })],
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.episodes.map((e) => [e.index, e.episode.key.misalignment])).toEqual([
      [0, 'M002'],
      [1, 'M009'],
    ]);
  });
});

describe('parseRelease problems', () => {
  it('formats a record problem with index, key, path and message', () => {
    const bad = validRecord({
      ...swe846,
      outcome: { reasoning: 'r', damage_severity: 'DS1', damage_locus: 'DL1' },
    });
    expect(messages(JSON.stringify([validRecord(), bad]))).toEqual([
      'records[1] (swe/78/session_846/M003): outcome.damage_locus must be null unless damage_severity is DS2 or DS3',
    ]);
  });

  it('collects the problems of every bad record', () => {
    const first = validRecord({
      ...swe846,
      outcome: { reasoning: 'r', damage_severity: 'DS1', damage_locus: 'DL1' },
    });
    const second = validRecord({
      misalignment_id: 'M007',
      resolution: { reasoning: 'r', status: 'RS2', resolver: 'RV1' },
    });
    const result = parseRelease(JSON.stringify([first, validRecord(), second]));
    expect(result.problems.map(formatProblem)).toEqual([
      'records[0] (swe/78/session_846/M003): outcome.damage_locus must be null unless damage_severity is DS2 or DS3',
      'records[2] (specstory/1000090305/session_003/M007): resolution.resolver must be null unless status is RS1',
    ]);
    expect(result.episodes.map((e) => e.index)).toEqual([1]);
  });

  it('collects every problem of one record', () => {
    const bad = validRecord({ name: '', confidence: 'sure', session_timestamp: 'yesterday' });
    expect(messages(JSON.stringify([bad]))).toEqual([
      'records[0] (specstory/1000090305/session_003/M002): name must not be empty',
      'records[0] (specstory/1000090305/session_003/M002): confidence must be one of high, medium, low (got "sure")',
      'records[0] (specstory/1000090305/session_003/M002): session_timestamp must be a date and time as YYYY-MM-DD HH:MM:SS',
    ]);
  });

  it('writes array indexes in the path with brackets', () => {
    const bad = validRecord({ cause: { reasoning: 'r', labels: [{ label: 'C1' }] } });
    expect(messages(JSON.stringify([bad]))).toEqual([
      'records[0] (specstory/1000090305/session_003/M002): cause.labels[0].evidence_tier is required for C1',
    ]);
  });

  it('marks missing key parts with ?', () => {
    const rest = without(validRecord(), 'source');
    expect(messages(JSON.stringify([rest]))[0]).toMatch(
      /^records\[0\] \(\?\/1000090305\/session_003\/M002\): /,
    );
  });

  it('names a record by its key even when the id is spelled "id"', () => {
    const rest = without(validRecord({ name: '' }), 'misalignment_id');
    expect(messages(JSON.stringify([{ ...rest, id: 'M042' }]))).toEqual([
      'records[0] (specstory/1000090305/session_003/M042): name must not be empty',
    ]);
  });

  it('says a missing field is required', () => {
    const rest = without(validRecord(), 'agent');
    expect(messages(JSON.stringify([rest]))).toEqual([
      'records[0] (specstory/1000090305/session_003/M002): agent is required (expected string)',
    ]);
  });

  it('does not call a field of the wrong type missing', () => {
    const [message] = messages(JSON.stringify([validRecord({ name: 42 })]));
    expect(message).toMatch(/^records\[0\] \(specstory\/1000090305\/session_003\/M002\): name /);
    expect(message).not.toContain('is required');
  });

  it('does not call an overflowing number missing', () => {
    const text = JSON.stringify([validRecord({ user_turns: 6 })]).replace(
      '"user_turns":6',
      '"user_turns":1e400',
    );
    const [message] = messages(text);
    expect(message).toMatch(/user_turns /);
    expect(message).not.toContain('is required');
  });
});

describe('parseRelease duplicates', () => {
  it('rejects the same key twice, naming the earlier index', () => {
    const result = parseRelease(
      JSON.stringify([validRecord(), invalidRecord({ misalignment_id: 'M005' }), validRecord()]),
    );
    expect(result.problems).toEqual<Problem[]>([
      {
        index: 2,
        key: 'specstory/1000090305/session_003/M002',
        path: 'misalignment_id',
        message: 'repeats the id of records[0] (specstory-1000090305-s003-m002)',
        reason: 'duplicate',
      },
    ]);
    expect(result.episodes.map((e) => e.index)).toEqual([0, 1]);
  });

  it.each<[string, Json]>([
    ['a session_ and a session- spelling', { session_id: 'session-003' }],
    ['upper and lower case', { misalignment_id: 'm002' }],
    ['the integer and the string repository id', { repository_id: '1000090305' }],
  ])('rejects two keys that slug to the same id (%s)', (_what, overrides) => {
    const result = parseRelease(JSON.stringify([validRecord(), validRecord(overrides)]));
    expect(result.problems.map((p) => [p.index, p.reason, p.message])).toEqual([
      [1, 'duplicate', 'repeats the id of records[0] (specstory-1000090305-s003-m002)'],
    ]);
  });

  it('accepts the same session and misalignment in another repository', () => {
    const result = parseRelease(
      JSON.stringify([validRecord(), validRecord({ repository_id: 1000090306 })]),
    );
    expect(result.problems).toEqual([]);
    expect(result.episodes).toHaveLength(2);
  });

  it('accepts the same ids under another source', () => {
    const result = parseRelease(JSON.stringify([validRecord(), validRecord({ source: 'swe' })]));
    expect(result.problems).toEqual([]);
  });

  it('formats a duplicate like any record problem', () => {
    expect(messages(JSON.stringify([validRecord(), validRecord()]))).toEqual([
      'records[1] (specstory/1000090305/session_003/M002): misalignment_id repeats the id of records[0] (specstory-1000090305-s003-m002)',
    ]);
  });
});

describe('formatProblem', () => {
  it('names the file for a problem without an index', () => {
    expect(formatProblem({ message: 'broken', reason: 'invalid-file' })).toBe('file: broken');
  });

  it('leaves out the key and path when unknown', () => {
    expect(
      formatProblem({ index: 3, message: 'must be an object', reason: 'invalid-record' }),
    ).toBe('records[3]: must be an object');
  });

  it('joins index, key, path and message', () => {
    expect(
      formatProblem({
        index: 412,
        key: 'swe/78/session_846/M003',
        path: 'outcome.damage_locus',
        message: 'is bad',
        reason: 'invalid-record',
      }),
    ).toBe('records[412] (swe/78/session_846/M003): outcome.damage_locus is bad');
  });
});
