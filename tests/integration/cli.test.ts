import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { NODE } from '../../scripts/node.ts';
import { invalidRecord, validRecord } from '../unit/helpers.ts';
import { ROOT } from './support.ts';

const SAMPLE = 'content/sample/misalignments.json';
const TIMEOUT = 30_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script of the project with the project's Node, from the project root. */
function cli(script: string, args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, [script, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function writeTemp(name: string, contents: string): string {
  const path = join(tmp, name);
  writeFileSync(path, contents);
  return path;
}

const badRecords = [
  validRecord(),
  validRecord({
    misalignment_id: 'M003',
    outcome: { reasoning: 'r', damage_severity: 'DS1', damage_locus: 'DL1' },
  }),
  invalidRecord({ misalignment_id: 'M004', invalid_category: null }),
];

describe.concurrent('scripts/validate.ts', { timeout: TIMEOUT }, () => {
  it('exits 0 on the sample and prints a report that accounts for every record', async ({
    expect,
  }) => {
    const run = await cli('scripts/validate.ts', [SAMPLE, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      ok: boolean;
      input: number;
      published: number;
      excluded: Record<string, number>;
      skipped: string[];
    };
    const excluded = Object.values(report.excluded).reduce((sum, n) => sum + n, 0);
    expect(report.ok).toBe(true);
    expect(report.input).toBe(61);
    expect(report.input).toBe(report.published + excluded);
    expect(report.skipped).toEqual([]);
  });

  it('prints the summary on stdout without --json', async ({ expect }) => {
    const run = await cli('scripts/validate.ts', [SAMPLE]);
    expect(run.code).toBe(0);
    // The report names the file, never its folder (it is published with the site).
    expect(run.stdout).toContain(`input      61 records from misalignments.json (sample data)`);
    expect(run.stdout).toContain('accounted  yes: input = published + excluded');
  });

  it('exits 1 on a bad file and names every bad record', async ({ expect }) => {
    const file = writeTemp('bad.json', JSON.stringify(badRecords));
    const run = await cli('scripts/validate.ts', [file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} cannot be used (2 problems):`);
    expect(run.stderr).toContain(
      'records[1] (specstory/1000090305/session_003/M003): outcome.damage_locus must be null unless damage_severity is DS2 or DS3',
    );
    expect(run.stderr).toContain(
      'records[2] (specstory/1000090305/session_003/M004): invalid_category is required for an INVALID record',
    );
  });

  it('prints the problems as JSON with --json on a bad file', async ({ expect }) => {
    const file = writeTemp('bad-json.json', JSON.stringify(badRecords));
    const run = await cli('scripts/validate.ts', [file, '--json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { ok: boolean; problems: string[] };
    expect(out.ok).toBe(false);
    expect(out.problems).toHaveLength(2);
    expect(out.problems.every((p) => p.startsWith('records['))).toBe(true);
  });

  it('exits 0 with --skip-invalid and reports the invalid records as excluded', async ({
    expect,
  }) => {
    const file = writeTemp('skip.json', JSON.stringify(badRecords));
    const run = await cli('scripts/validate.ts', [file, '--json', '--skip-invalid']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      published: number;
      excluded: Record<string, number>;
      excludedRecords: Array<{ index: number; reason: string }>;
      skipped: string[];
    };
    expect(report.published).toBe(1);
    expect(report.excluded['invalid-record']).toBe(2);
    expect(report.excludedRecords.map((r) => [r.index, r.reason])).toEqual([
      [1, 'invalid-record'],
      [2, 'invalid-record'],
    ]);
    expect(report.skipped).toHaveLength(2);
  });

  it('exits 1 on a file that does not exist', async ({ expect }) => {
    const run = await cli('scripts/validate.ts', [join(tmp, 'nope.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`file: cannot read ${join(tmp, 'nope.json')}`);
  });

  it('exits 2 with usage when no file is given', async ({ expect }) => {
    const run = await cli('scripts/validate.ts', []);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run validate -- <file> [--json] [--skip-invalid]');
  });

  it('exits 2 with usage when two files are given', async ({ expect }) => {
    const run = await cli('scripts/validate.ts', [SAMPLE, SAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage:');
  });
});

describe.concurrent('scripts/generate.ts', { timeout: TIMEOUT }, () => {
  it('writes identical bytes for the same count and seed', async ({ expect }) => {
    const a = join(tmp, 'gen', 'a.json');
    const b = join(tmp, 'gen', 'b.json');
    const [runA, runB] = await Promise.all([
      cli('scripts/generate.ts', ['--count', '50', '--seed', '7', '--out', a]),
      cli('scripts/generate.ts', ['--count', '50', '--seed', '7', '--out', b]),
    ]);
    expect([runA.code, runB.code]).toEqual([0, 0]);
    const bytes = readFileSync(a);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(readFileSync(b).equals(bytes)).toBe(true);
    expect(
      (JSON.parse(bytes.toString('utf8')) as { misalignments: unknown[] }).misalignments,
    ).toHaveLength(50);
  });

  it('writes other bytes for another seed', async ({ expect }) => {
    const a = join(tmp, 'gen-seed', 'a.json');
    const b = join(tmp, 'gen-seed', 'b.json');
    await Promise.all([
      cli('scripts/generate.ts', ['--count', '20', '--seed', '7', '--out', a]),
      cli('scripts/generate.ts', ['--count', '20', '--seed', '8', '--out', b]),
    ]);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(false);
  });

  it('exits 2 with usage on a bad count', async ({ expect }) => {
    const run = await cli('scripts/generate.ts', [
      '--count',
      '0',
      '--out',
      join(tmp, 'never.json'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: npm run generate');
    expect(existsSync(join(tmp, 'never.json'))).toBe(false);
  });
});

describe.concurrent('scripts/fetch-data.ts', { timeout: TIMEOUT }, () => {
  const validBody = readFileSync(join(ROOT, 'tests/fixtures/three.json'), 'utf8');
  const routes: Record<string, { status: number; type: string; body: string }> = {
    '/valid.json': { status: 200, type: 'application/json', body: validBody },
    '/missing.json': { status: 404, type: 'text/plain', body: 'Not Found' },
    '/not-json.json': { status: 200, type: 'text/plain', body: 'this is not json at all' },
    '/page.json': {
      status: 200,
      type: 'text/html',
      body: '<!doctype html><html><body>Sign in</body></html>',
    },
    '/invalid.json': { status: 200, type: 'application/json', body: JSON.stringify(badRecords) },
  };
  let server: Server;
  let base = '';
  let closedPort = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const route = routes[request.url ?? ''] ?? routes['/missing.json'];
      response.writeHead(route?.status ?? 404, { 'content-type': route?.type ?? 'text/plain' });
      response.end(route?.body ?? '');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A port that was just free and is closed again: nothing listens there.
    const probe = createServer();
    await new Promise<void>((ready) => probe.listen(0, '127.0.0.1', ready));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((closed) => probe.close(() => closed()));
  });

  afterAll(async () => {
    await new Promise<void>((closed) => server.close(() => closed()));
  });

  const SENTINEL = '{"sentinel": "the existing release file"}';

  function outWithSentinel(name: string): string {
    return writeTemp(name, SENTINEL);
  }

  it('saves a valid download', async ({ expect }) => {
    const out = join(tmp, 'fetched', 'm.json');
    const run = await cli('scripts/fetch-data.ts', [
      '--no-core',
      '--url',
      `${base}/valid.json`,
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(validBody);
    expect(existsSync(`${out}.part`)).toBe(false);
    expect(run.stderr).toContain(`[fetch] saved ${out}`);
  });

  it('replaces an existing file with a valid download', async ({ expect }) => {
    const out = outWithSentinel('replace.json');
    const run = await cli('scripts/fetch-data.ts', [
      '--no-core',
      '--url',
      `${base}/valid.json`,
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(validBody);
  });

  it.for<[string, string, RegExp]>([
    ['a 404', '/missing.json', /answered HTTP 404/],
    [
      'a body that is not JSON',
      '/not-json.json',
      /does not validate[\s\S]*file: the file is not valid JSON/,
    ],
    ['an HTML page', '/page.json', /sent HTML, not JSON/],
    [
      'a body that fails validation',
      '/invalid.json',
      /does not validate \(2 problems\)[\s\S]*records\[1\] \(specstory\/1000090305\/session_003\/M003\): outcome\.damage_locus/,
    ],
  ])(
    'exits 1 on %s and leaves the existing file unchanged',
    async ([, path, message], { expect }) => {
      const name = `kept${path.replace(/\W/g, '-')}`;
      const out = outWithSentinel(name);
      const run = await cli('scripts/fetch-data.ts', [
        '--no-core',
        '--url',
        `${base}${path}`,
        '--out',
        out,
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain(`Nothing was written; ${out} is unchanged.`);
      expect(readFileSync(out, 'utf8')).toBe(SENTINEL);
      expect(existsSync(`${out}.part`)).toBe(false);
    },
  );

  it('exits 1 on an unreachable server and leaves the existing file unchanged', async ({
    expect,
  }) => {
    const out = outWithSentinel('kept-unreachable.json');
    const url = `http://127.0.0.1:${closedPort}/m.json`;
    const run = await cli('scripts/fetch-data.ts', ['--no-core', '--url', url, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`fetch-data: could not download ${url}:`);
    expect(run.stderr).toMatch(/ECONNREFUSED/);
    expect(readFileSync(out, 'utf8')).toBe(SENTINEL);
  });

  it('creates no file when the download fails and none existed', async ({ expect }) => {
    const out = join(tmp, 'absent', 'm.json');
    const run = await cli('scripts/fetch-data.ts', [
      '--no-core',
      '--url',
      `${base}/invalid.json`,
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
