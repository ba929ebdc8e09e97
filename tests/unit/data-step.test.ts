import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  chooseInput,
  RELEASE_PATH,
  runDataStep,
  SAMPLE_PATH,
  summarise,
  type DataManifest,
  type DataStepEffects,
} from '../../src/lib/data-step.ts';
import type { Report } from '../../src/lib/pipeline.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { REDACTION_KINDS } from '../../src/lib/scrub.ts';
import { bytesOf, invalidRecord, TEST_REDACTION_KEY, validRecord } from './helpers.ts';

const ROOT = resolve(__dirname, '../..');
const THREE = 'tests/fixtures/three.json';

interface Fake extends DataStepEffects {
  files: Map<string, Uint8Array>;
  written: Map<string, string>;
  logs: string[];
}

function fakeEffects(files: Record<string, Uint8Array>): Fake {
  const fake: Fake = {
    files: new Map(Object.entries(files)),
    written: new Map(),
    logs: [],
    read: (path) => fake.files.get(path),
    write: (path, contents) => {
      fake.written.set(path, contents);
    },
    log: (line) => {
      fake.logs.push(line);
    },
  };
  return fake;
}

function readFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(ROOT, path)));
}

const noRedactions: Report['redactions'] = Object.fromEntries(
  REDACTION_KINDS.map((kind) => [kind, 0]),
);

/** What the data step must report for tests/fixtures/three.json, worked out by hand. */
const THREE_REPORT: Report = {
  inputName: 'three.json',
  sample: false,
  input: 3,
  published: 2,
  excluded: { license: 1, 'invalid-record': 0, duplicate: 0 },
  excludedRecords: [
    {
      index: 1,
      key: 'swe/78/session_846/M003',
      reason: 'license',
      detail: 'GPL-3.0: copyleft (GPL-3.0)',
    },
  ],
  redactions: { ...noRedactions, email: 1, 'home-path': 1 },
  licences: {
    MIT: { published: 1, excluded: 0 },
    'GPL-3.0': { published: 0, excluded: 1 },
    'Apache-2.0': { published: 1, excluded: 0 },
  },
  publishedValid: 1,
  publishedInvalid: 1,
};

describe('chooseInput', () => {
  const everything = () => true;
  const nothing = () => false;

  it('prefers an explicit input', () => {
    expect(chooseInput('data/mine.json', everything)).toEqual({
      path: 'data/mine.json',
      sample: false,
    });
  });

  it('marks an explicit sample path as the sample', () => {
    expect(chooseInput(SAMPLE_PATH, everything)).toEqual({ path: SAMPLE_PATH, sample: true });
  });

  it('takes content/misalignments.json when there is no explicit input', () => {
    expect(chooseInput(undefined, everything)).toEqual({ path: RELEASE_PATH, sample: false });
  });

  it('treats an empty explicit input as none', () => {
    expect(chooseInput('', (path) => path === RELEASE_PATH)).toEqual({
      path: RELEASE_PATH,
      sample: false,
    });
  });

  it('falls back to the sample when the release is absent', () => {
    expect(chooseInput(undefined, nothing)).toEqual({ path: SAMPLE_PATH, sample: true });
  });
});

describe('runDataStep input', () => {
  const release = bytesOf([validRecord({ misalignment_id: 'M100' })]);
  const sample = bytesOf([validRecord({ misalignment_id: 'M200' })]);
  const explicit = bytesOf([validRecord({ misalignment_id: 'M300' })]);

  it('reads the explicit input before the release and the sample', () => {
    const fx = fakeEffects({ [RELEASE_PATH]: release, [SAMPLE_PATH]: sample, 'in.json': explicit });
    const result = runDataStep(
      { input: 'in.json', skipInvalid: false, redactionKey: TEST_REDACTION_KEY },
      fx,
    );
    expect(result.ok && result.episodes.map((e) => e.key.misalignment)).toEqual(['M300']);
  });

  it('names the input in the published report by its file name, never by its folder', () => {
    const fx = fakeEffects({ '/tmp/build-7f3a/in.json': explicit });
    const result = runDataStep(
      {
        input: '/tmp/build-7f3a/in.json',
        skipInvalid: false,
        redactionKey: TEST_REDACTION_KEY,
      },
      fx,
    );
    expect(result.ok && result.report.inputName).toBe('in.json');
  });

  it('reads the release before the sample', () => {
    const fx = fakeEffects({ [RELEASE_PATH]: release, [SAMPLE_PATH]: sample });
    const result = runDataStep({ skipInvalid: false, redactionKey: TEST_REDACTION_KEY }, fx);
    expect(result.ok && [result.report.inputName, result.report.sample]).toEqual([
      'misalignments.json',
      false,
    ]);
    expect(fx.logs[0]).toContain(RELEASE_PATH);
    expect(result.ok && result.episodes.map((e) => e.key.misalignment)).toEqual(['M100']);
  });

  it('reads the sample when nothing else exists, and says so', () => {
    const fx = fakeEffects({ [SAMPLE_PATH]: sample });
    const result = runDataStep({ skipInvalid: false, redactionKey: TEST_REDACTION_KEY }, fx);
    expect(result.ok && [result.report.inputName, result.report.sample]).toEqual([
      'misalignments.json',
      true,
    ]);
    expect(fx.logs[0]).toMatch(/\[sample data\]$/);
  });

  it('fails on an explicit input that does not exist', () => {
    const fx = fakeEffects({ [SAMPLE_PATH]: sample });
    expect(
      runDataStep(
        {
          input: 'missing.json',
          skipInvalid: false,
          redactionKey: TEST_REDACTION_KEY,
          outDir: 'out',
        },
        fx,
      ),
    ).toEqual({
      ok: false,
      problems: ['file: cannot read missing.json'],
    });
    expect(fx.written.size).toBe(0);
  });
});

describe('runDataStep output', () => {
  function built() {
    const fx = fakeEffects({ [THREE]: readFixture(THREE) });
    const result = runDataStep(
      { input: THREE, skipInvalid: false, redactionKey: TEST_REDACTION_KEY, outDir: 'out' },
      fx,
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    return { fx, result };
  }

  it('reports the golden fixture exactly', () => {
    expect(built().result.report).toEqual(THREE_REPORT);
  });

  it('writes the report as report.json', () => {
    const { fx } = built();
    expect(JSON.parse(fx.written.get('out/report.json') ?? 'null')).toEqual(THREE_REPORT);
  });

  it('tells the caller once episodes.json is written, before deriving the browser files', () => {
    const fx = fakeEffects({ [THREE]: readFixture(THREE) });
    const seen: Array<{ path: string; episodes: boolean; browserFiles: number }> = [];
    fx.episodesWritten = (path) =>
      seen.push({
        path,
        episodes: fx.written.has(path),
        browserFiles: [...fx.written.keys()].filter((k) => k.startsWith('out/public/')).length,
      });
    runDataStep(
      { input: THREE, skipInvalid: false, redactionKey: TEST_REDACTION_KEY, outDir: 'out' },
      fx,
    );
    expect(seen).toEqual([{ path: 'out/episodes.json', episodes: true, browserFiles: 0 }]);
  });

  it('writes episodes.json newest first', () => {
    const { fx } = built();
    const episodes = JSON.parse(fx.written.get('out/episodes.json') ?? '[]') as Episode[];
    expect(episodes.map((e) => [e.id, e.timestamp])).toEqual([
      ['swe-79-s900-m001', '2025-08-15 09:30:00'],
      ['specstory-1000090305-s003-m002', '2025-06-07 01:16:00'],
    ]);
  });

  it('writes scrubbed episodes', () => {
    const { fx } = built();
    const text = fx.written.get('out/episodes.json') ?? '';
    expect(text).toContain('[REDACTED:email:');
    expect(text).not.toMatch(/corp-mail|leeroy/);
  });

  it('writes no field that must stay out of the site', () => {
    const { fx } = built();
    expect([...fx.written.values()].join('\n')).not.toMatch(
      /session_sha|num_commits|count_id|a4cecdff1fd1/,
    );
  });

  it('writes a manifest naming every public file it wrote', () => {
    const { fx } = built();
    const manifest = JSON.parse(fx.written.get('out/manifest.json') ?? '{}') as DataManifest;
    const published = [...fx.written.keys()]
      .filter((p) => p.startsWith('out/public/'))
      .map((p) => p.slice(11));
    expect(manifest.files.sort()).toEqual(published.sort());
    expect(published).toEqual(
      expect.arrayContaining([manifest.browse, manifest.search, ...manifest.chunks]),
    );
    expect(manifest.report).toEqual(THREE_REPORT);
  });

  it('writes exactly the episodes, their ids, report, manifest and public files', () => {
    const { fx } = built();
    const other = [...fx.written.keys()].filter((p) => !p.startsWith('out/public/'));
    expect(other.sort()).toEqual([
      'out/episode-ids.json',
      'out/episodes.json',
      'out/manifest.json',
      'out/report.json',
    ]);
    // The ids in the order of episodes.json: the page build splits the pages by that position.
    const episodes = JSON.parse(fx.written.get('out/episodes.json') ?? '[]') as Array<{
      id: string;
    }>;
    expect(JSON.parse(fx.written.get('out/episode-ids.json') ?? '[]')).toEqual(
      episodes.map((e) => e.id),
    );
    const manifest = JSON.parse(fx.written.get('out/manifest.json') ?? '{}') as { files: string[] };
    expect([...fx.written.keys()].filter((p) => p.startsWith('out/public/')).sort()).toEqual(
      manifest.files.map((name) => `out/public/${name}`).sort(),
    );
  });

  it('logs what it read and what it parsed', () => {
    const { fx } = built();
    expect(fx.logs[0]).toMatch(/^read tests\/fixtures\/three\.json \(\d+ KiB\)$/);
    expect(fx.logs).toContain(
      'parsed 3 records: 2 published, 1 excluded by licence, 0 invalid, 0 duplicate',
    );
  });

  it('writes nothing without an outDir', () => {
    const fx = fakeEffects({ [THREE]: readFixture(THREE) });
    expect(
      runDataStep({ input: THREE, skipInvalid: false, redactionKey: TEST_REDACTION_KEY }, fx).ok,
    ).toBe(true);
    expect(fx.written.size).toBe(0);
  });
});

describe('runDataStep on a bad input', () => {
  const bad = bytesOf([
    validRecord(),
    validRecord({ misalignment_id: 'M003', confidence: 'sure' }),
  ]);

  it('writes nothing when a record is invalid', () => {
    const fx = fakeEffects({ 'bad.json': bad });
    const result = runDataStep(
      { input: 'bad.json', skipInvalid: false, redactionKey: TEST_REDACTION_KEY, outDir: 'out' },
      fx,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        'records[1] (specstory/1000090305/session_003/M003): confidence must be one of high, medium, low (got "sure")',
      ],
    });
    expect(fx.written.size).toBe(0);
  });

  it('writes nothing when the file is not JSON', () => {
    const fx = fakeEffects({ 'bad.json': new TextEncoder().encode('<html>') });
    expect(
      runDataStep(
        { input: 'bad.json', skipInvalid: true, redactionKey: TEST_REDACTION_KEY, outDir: 'out' },
        fx,
      ).ok,
    ).toBe(false);
    expect(fx.written.size).toBe(0);
  });

  it('writes the valid remainder with skipInvalid', () => {
    const fx = fakeEffects({ 'bad.json': bad });
    const result = runDataStep(
      { input: 'bad.json', skipInvalid: true, redactionKey: TEST_REDACTION_KEY, outDir: 'out' },
      fx,
    );
    expect(result.ok && result.skipped).toHaveLength(1);
    const episodes = JSON.parse(fx.written.get('out/episodes.json') ?? '[]') as Episode[];
    expect(episodes.map((e) => e.key.misalignment)).toEqual(['M002']);
  });
});

describe('summarise', () => {
  it('prints the golden fixture in five lines', () => {
    expect(summarise(THREE_REPORT)).toEqual([
      'input      3 records from three.json',
      'published  2 (1 VALID, 1 INVALID)',
      'excluded   1: licence 1, invalid record 0, duplicate 0',
      'redacted   email 1, home-path 1',
      'accounted  yes: input = published + excluded',
    ]);
  });

  it('marks the sample', () => {
    expect(summarise({ ...THREE_REPORT, sample: true })[0]).toBe(
      'input      3 records from three.json (sample data)',
    );
  });

  it('says nothing was redacted', () => {
    expect(summarise({ ...THREE_REPORT, redactions: noRedactions })[3]).toBe('redacted   nothing');
  });

  it('flags a report that does not account for every record', () => {
    expect(summarise({ ...THREE_REPORT, input: 4 })[4]).toBe(
      'accounted  NO: input = published + excluded',
    );
  });

  it('summarises a real run on INVALID and VALID records', () => {
    const fx = fakeEffects({
      'x.json': bytesOf([validRecord(), invalidRecord({ misalignment_id: 'M009' })]),
    });
    const result = runDataStep(
      { input: 'x.json', skipInvalid: false, redactionKey: TEST_REDACTION_KEY },
      fx,
    );
    expect(result.ok && summarise(result.report)[1]).toBe('published  2 (1 VALID, 1 INVALID)');
  });
});
