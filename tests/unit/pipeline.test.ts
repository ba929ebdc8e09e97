import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  runPipeline,
  type PipelineOptions,
  type PipelineResult,
  type Report,
} from '../../src/lib/pipeline.ts';
import { REDACTION_KINDS } from '../../src/lib/scrub.ts';
import { generateRecords } from '../../src/lib/synthetic.ts';
import { bytesOf, invalidRecord, validRecord, type Json, TEST_REDACTION_KEY } from './helpers.ts';

const ROOT = resolve(__dirname, '../..');
const options: PipelineOptions = {
  inputName: 'test.json',
  sample: false,
  skipInvalid: false,
  redactionKey: TEST_REDACTION_KEY,
};
const skipping: PipelineOptions = { ...options, skipInvalid: true };
const SAMPLE = new Uint8Array(readFileSync(resolve(ROOT, 'content/sample/misalignments.json')));

function succeed(result: PipelineResult) {
  if (!result.ok) throw new Error(`pipeline failed: ${result.problems.join('\n')}`);
  return result;
}

function run(records: unknown[], opts: PipelineOptions = options) {
  return succeed(runPipeline(bytesOf(records), opts));
}

function accounted(report: Report): number {
  return (
    report.published +
    report.excluded.license +
    report.excluded['invalid-record'] +
    report.excluded.duplicate
  );
}

function withLicence(licence: string, index: number): Json {
  return validRecord({
    misalignment_id: `M${String(index).padStart(3, '0')}`,
    license_type: licence,
  });
}

describe('licence exclusion', () => {
  const licences = [
    'MIT',
    'GPL-3.0',
    'NO_LICENSE',
    'NOASSERTION',
    'Proprietary-1.0',
    'MIT OR GPL-3.0',
    'MIT AND GPL-3.0',
    'Apache-2.0',
  ];
  const { report, episodes } = run(licences.map((licence, i) => withLicence(licence, i + 1)));

  it('publishes only permissive licences and permissive choices', () => {
    expect(episodes.map((e) => e.licence)).toEqual(['MIT', 'MIT OR GPL-3.0', 'Apache-2.0']);
  });

  it('lists each excluded record with its index, key, reason and why', () => {
    expect(report.excludedRecords).toEqual([
      {
        index: 1,
        key: 'specstory/1000090305/session_003/M002',
        reason: 'license',
        detail: 'GPL-3.0: copyleft (GPL-3.0)',
      },
      {
        index: 2,
        key: 'specstory/1000090305/session_003/M003',
        reason: 'license',
        detail: 'NO_LICENSE: no licence',
      },
      {
        index: 3,
        key: 'specstory/1000090305/session_003/M004',
        reason: 'license',
        detail: 'NOASSERTION: NOASSERTION',
      },
      {
        index: 4,
        key: 'specstory/1000090305/session_003/M005',
        reason: 'license',
        detail: 'Proprietary-1.0: unrecognised (Proprietary-1.0)',
      },
      {
        index: 6,
        key: 'specstory/1000090305/session_003/M007',
        reason: 'license',
        detail: 'MIT AND GPL-3.0: copyleft (GPL-3.0)',
      },
    ]);
  });

  it('counts exclusions by reason', () => {
    expect(report.excluded).toEqual({ license: 5, 'invalid-record': 0, duplicate: 0 });
  });

  it('tallies published and excluded records per licence', () => {
    expect(report.licences).toEqual({
      MIT: { published: 1, excluded: 0 },
      'GPL-3.0': { published: 0, excluded: 1 },
      NO_LICENSE: { published: 0, excluded: 1 },
      NOASSERTION: { published: 0, excluded: 1 },
      'Proprietary-1.0': { published: 0, excluded: 1 },
      'MIT OR GPL-3.0': { published: 1, excluded: 0 },
      'MIT AND GPL-3.0': { published: 0, excluded: 1 },
      'Apache-2.0': { published: 1, excluded: 0 },
    });
  });

  it('excludes an INVALID record under a copyleft licence too', () => {
    const result = run([
      invalidRecord({ license_type: 'AGPL-3.0' }),
      validRecord({ misalignment_id: 'M009' }),
    ]);
    expect(result.report.publishedInvalid).toBe(0);
    expect(result.report.excluded.license).toBe(1);
  });
});

describe('accounting', () => {
  const mixed = [
    validRecord(),
    withLicence('GPL-3.0', 3),
    validRecord({ confidence: 'sure', misalignment_id: 'M004' }),
    validRecord(),
    invalidRecord({ misalignment_id: 'M005', license_type: 'ISC' }),
    42,
    withLicence('NOASSERTION', 6),
  ];
  const fixtures: Array<[string, Uint8Array]> = [
    ['the sample', SAMPLE],
    [
      'tests/fixtures/two.json',
      new Uint8Array(readFileSync(resolve(ROOT, 'tests/fixtures/two.json'))),
    ],
    ['a mixed file', bytesOf(mixed)],
    [
      '200 synthetic flat records',
      bytesOf(generateRecords({ count: 200, seed: 3, layout: 'flat' })),
    ],
  ];

  it.each(fixtures)('accounts for every record of %s', (_name, bytes) => {
    const { report } = succeed(runPipeline(bytes, skipping));
    expect(report.input).toBeGreaterThan(0);
    expect(accounted(report)).toBe(report.input);
    expect(report.excludedRecords).toHaveLength(report.input - report.published);
  });

  it('lists each excluded record of a mixed file once, in file order', () => {
    const { report } = run(mixed, skipping);
    expect(report.excludedRecords.map((r) => [r.index, r.reason])).toEqual([
      [1, 'license'],
      [2, 'invalid-record'],
      [3, 'duplicate'],
      [5, 'invalid-record'],
      [6, 'license'],
    ]);
    expect(report).toMatchObject({
      input: 7,
      published: 2,
      publishedValid: 1,
      publishedInvalid: 1,
      excluded: { license: 2, 'invalid-record': 2, duplicate: 1 },
    });
  });

  it('counts the sample as 61 records, 48 published', () => {
    const { report } = succeed(runPipeline(SAMPLE, options));
    expect([report.input, report.published, report.excluded.license]).toEqual([61, 48, 13]);
  });

  it('reports VALID and INVALID among the published', () => {
    const { report } = run([
      validRecord(),
      invalidRecord({ misalignment_id: 'M003' }),
      invalidRecord({ misalignment_id: 'M004' }),
    ]);
    expect([report.publishedValid, report.publishedInvalid]).toEqual([1, 2]);
  });

  it('passes inputName and sample through to the report', () => {
    const { report } = run([validRecord()], {
      inputName: 'content/sample/misalignments.json',
      sample: true,
      skipInvalid: false,
      redactionKey: TEST_REDACTION_KEY,
    });
    expect([report.inputName, report.sample]).toEqual(['content/sample/misalignments.json', true]);
  });
});

describe('bad records', () => {
  const bad1 = validRecord({
    misalignment_id: 'M010',
    outcome: { reasoning: 'r', damage_severity: 'DS1', damage_locus: 'DL2' },
  });
  const bad2 = validRecord({ misalignment_id: 'M011', name: '', confidence: 'sure' });
  const records = [validRecord(), bad1, withLicence('BSD-3-Clause', 5), bad2, validRecord()];

  it('fail the run with every problem when not skipping', () => {
    const result = runPipeline(bytesOf(records), options);
    expect(result).toEqual({
      ok: false,
      problems: [
        'records[1] (specstory/1000090305/session_003/M010): outcome.damage_locus must be null unless damage_severity is DS2 or DS3',
        'records[3] (specstory/1000090305/session_003/M011): name must not be empty',
        'records[3] (specstory/1000090305/session_003/M011): confidence must be one of high, medium, low (got "sure")',
        'records[4] (specstory/1000090305/session_003/M002): misalignment_id repeats the id of records[0] (specstory-1000090305-s003-m002)',
      ],
    });
  });

  it('are skipped with skipInvalid, publishing the valid remainder', () => {
    const result = run(records, skipping);
    expect(result.episodes.map((e) => e.key.misalignment)).toEqual(['M002', 'M005']);
  });

  it('are listed as skipped problems with skipInvalid', () => {
    const result = run(records, skipping);
    expect(result.skipped).toEqual([
      'records[1] (specstory/1000090305/session_003/M010): outcome.damage_locus must be null unless damage_severity is DS2 or DS3',
      'records[3] (specstory/1000090305/session_003/M011): name must not be empty',
      'records[3] (specstory/1000090305/session_003/M011): confidence must be one of high, medium, low (got "sure")',
      'records[4] (specstory/1000090305/session_003/M002): misalignment_id repeats the id of records[0] (specstory-1000090305-s003-m002)',
    ]);
  });

  it('join the problems of one record into one exclusion', () => {
    const result = run(records, skipping);
    expect(result.report.excludedRecords).toEqual([
      {
        index: 1,
        key: 'specstory/1000090305/session_003/M010',
        reason: 'invalid-record',
        detail: 'outcome.damage_locus must be null unless damage_severity is DS2 or DS3',
      },
      {
        index: 3,
        key: 'specstory/1000090305/session_003/M011',
        reason: 'invalid-record',
        detail: 'name must not be empty; confidence must be one of high, medium, low (got "sure")',
      },
      {
        index: 4,
        key: 'specstory/1000090305/session_003/M002',
        reason: 'duplicate',
        detail: 'misalignment_id repeats the id of records[0] (specstory-1000090305-s003-m002)',
      },
    ]);
  });

  it('leave skipped empty when nothing was wrong', () => {
    expect(run([validRecord()], skipping).skipped).toEqual([]);
  });

  it('cannot be skipped when the file itself is broken', () => {
    expect(runPipeline(new TextEncoder().encode('[{"a":'), skipping)).toMatchObject({ ok: false });
  });

  it('include a decoding failure as a file problem', () => {
    expect(runPipeline(new Uint8Array([0xef, 0xbb, 0xbf, 0x5b, 0x5d]), skipping)).toEqual({
      ok: false,
      problems: [
        'file: the file starts with a UTF-8 byte-order mark; save it as UTF-8 without one',
      ],
    });
  });

  it('fail an empty array even with skipInvalid', () => {
    expect(runPipeline(bytesOf([]), skipping)).toEqual({
      ok: false,
      problems: ['file: the file holds no records'],
    });
  });
});

describe('scrubbing', () => {
  const email = (n: number) => `planted.person${n}@corp-mail.io`;
  const planted = validRecord({
    name: `Mailed ${email(1)}`,
    description: `The developer (${email(2)}) asked for a fix.`,
    evidence: [
      {
        turn: `TURN 1 | USER ${email(3)}`,
        quote: `write to ${email(4)}`,
        context: `owner ${email(5)}`,
      },
      { turn: 'TURN 2 | AGENT', quote: `cc ${email(6)}`, context: `reply ${email(7)}` },
    ],
    note: `validator saw ${email(8)}`,
    symptom: {
      reasoning: `s ${email(9)}`,
      labels: ['S8'],
      other_descriptor: `mailed ${email(10)}`,
    },
    cause: { reasoning: `c ${email(11)}`, labels: [{ label: 'C7' }] },
    outcome: { reasoning: `o ${email(12)}`, damage_severity: 'DS1', damage_locus: null },
    resolution: { reasoning: `r ${email(13)}`, status: 'RS2', resolver: null },
  });
  const PLANTED = 13;

  it('removes a secret planted in every text field', () => {
    const { episodes } = run([planted]);
    const text = JSON.stringify(episodes);
    expect(text).not.toContain('@corp-mail.io');
    expect(text.match(/\[REDACTED:email:[0-9a-f]{12}\]/g)).toHaveLength(PLANTED);
  });

  it('counts one redaction per planted secret', () => {
    expect(run([planted]).report.redactions.email).toBe(PLANTED);
  });

  it('counts redactions by kind, with every kind present', () => {
    const record = validRecord({
      description:
        'Server 34.120.5.17 and 34.120.5.18 failed; see /Users/jsmith/app and mail dana@corp-mail.io.',
    });
    const { redactions } = run([record]).report;
    expect(Object.keys(redactions).sort()).toEqual([...REDACTION_KINDS].sort());
    expect(redactions).toMatchObject({
      'ip-address': 2,
      'home-path': 1,
      email: 1,
      'private-key': 0,
      jwt: 0,
    });
  });

  it('counts redactions only in published episodes', () => {
    const excluded = validRecord({
      misalignment_id: 'M099',
      license_type: 'GPL-3.0',
      description: 'mail lee@corp-mail.io',
    });
    expect(run([validRecord(), excluded]).report.redactions.email).toBe(0);
  });

  it('keeps the release’s own redaction markers untouched', () => {
    const description =
      'Wrote to [REDACTED:email:3f9a1c2b7d4e] about [REDACTED:github-token:0123456789ab].';
    const { episodes, report } = run([validRecord({ description })]);
    expect(episodes[0]?.description).toBe(description);
    expect(Object.values(report.redactions).every((n) => n === 0)).toBe(true);
  });

  it('leaves ids and keys untouched even when they look like an address', () => {
    const record = validRecord({
      source: 'swe',
      repository_id: '34.120.5.17',
      session_id: 'session_846',
    });
    const [episode] = run([record]).episodes;
    expect(episode?.key).toEqual({
      source: 'swe',
      repository: '34.120.5.17',
      session: 'session_846',
      misalignment: 'M002',
    });
    expect(episode?.id).toBe('swe-34-120-5-17-s846-m002');
  });

  it('scrubs a text field but leaves the others of the episode equal', () => {
    const clean = run([validRecord()]).episodes[0];
    const dirty = run([validRecord({ description: 'mail dana@corp-mail.io' })]).episodes[0];
    expect({ ...dirty, description: '' }).toEqual({ ...clean, description: '' });
    expect(dirty?.description).toMatch(/^mail \[REDACTED:email:[0-9a-f]{12}\]$/);
  });
});
