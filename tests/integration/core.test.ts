/**
 * The core files end to end: `validate --core` names a bad row; `fetch-data` saves the three
 * files only when all of them (and the release) validate; a build reads ATLAS_CORE_DIR, shows
 * its figures on /paper/ without the synthetic banner, and a damaged core stops the build.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_FILES, CORE_KINDS } from '../../src/lib/core/schema.ts';
import { NODE } from '../../scripts/node.ts';
import { decodeEntities } from '../../scripts/site-text.ts';
import { buildSite, fixturePath, readJson, ROOT, runNode, tempDir } from './support.ts';

type Json = Record<string, unknown>;
const CORE = fixturePath('core');
const annotated = readJson<Json[]>(join(CORE, CORE_FILES.annotated));
/** The annotated fixture with one damaged row. */
const damaged = annotated.map((row, i) => (i === 2 ? { ...row, damage_severity: 'DS9' } : row));
const DAMAGE =
  'rows[2] (specstory/1000000001/session_003/M001): damage_severity must be one of DS0, DS1, DS2, DS3, DS4 (got "DS9")';

function coreCopy(edit: Partial<Record<string, unknown>> = {}): string {
  const dir = tempDir('core');
  for (const kind of CORE_KINDS) {
    const name = CORE_FILES[kind];
    const rows = edit[kind] ?? readJson(join(CORE, name));
    writeFileSync(join(dir, name), JSON.stringify(rows, null, 2));
  }
  return dir;
}

function pageText(dist: string, path: string): string {
  return decodeEntities(readFileSync(join(dist, path), 'utf8').replace(/<[^>]+>/g, ' ')).replace(
    /\s+/g,
    ' ',
  );
}

describe('validate --core', () => {
  it('recognises each file by its columns and counts its rows', () => {
    for (const kind of CORE_KINDS) {
      const run = runNode([
        'scripts/validate.ts',
        '--core',
        join(CORE, CORE_FILES[kind]),
        '--json',
      ]);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ kind, problems: [] });
    }
  });

  it('exits 1 and names the damaged row and field', () => {
    const dir = coreCopy({ annotated: damaged });
    const run = runNode([
      'scripts/validate.ts',
      '--core',
      join(dir, CORE_FILES.annotated),
      '--json',
    ]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ kind: 'annotated', rows: 4, problems: [DAMAGE] });
  });
});

/** Runs a script without blocking this process, whose server the script downloads from. */
function runAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stderr }));
  });
}

describe('fetch-data with the core', () => {
  const release = readFileSync(fixturePath('three.json'), 'utf8');
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const body = (path: string): string | undefined => {
      if (path === '/release.json') return release;
      const [, folder, name] = /^\/(good|bad)\/(.+)$/.exec(path) ?? [];
      if (!folder || !name) return undefined;
      if (folder === 'bad' && name === CORE_FILES.annotated) return JSON.stringify(damaged);
      return existsSync(join(CORE, name)) ? readFileSync(join(CORE, name), 'utf8') : undefined;
    };
    server = createServer((request, response) => {
      const found = body(request.url ?? '');
      response.writeHead(found === undefined ? 404 : 200).end(found ?? 'Not Found');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((closed) => server.close(() => closed()));
  });

  it('saves the three files with --core-only', async () => {
    const out = join(tempDir('fetch'), 'core');
    const run = await runAsync([
      'scripts/fetch-data.ts',
      '--core-only',
      '--core-url',
      `${base}/good`,
      '--core-out',
      out,
    ]);
    expect(run.status, run.stderr).toBe(0);
    for (const kind of CORE_KINDS)
      expect(readFileSync(join(out, CORE_FILES[kind]), 'utf8')).toBe(
        readFileSync(join(CORE, CORE_FILES[kind]), 'utf8'),
      );
  });

  it('writes nothing, release included, when one core file does not validate', async () => {
    const dir = tempDir('fetch');
    const out = join(dir, 'core');
    mkdirSync(out);
    const sentinel = '["the existing file"]';
    for (const kind of CORE_KINDS) writeFileSync(join(out, CORE_FILES[kind]), sentinel);
    const releaseOut = join(dir, 'misalignments.json');
    const run = await runAsync([
      'scripts/fetch-data.ts',
      '--url',
      `${base}/release.json`,
      '--out',
      releaseOut,
      '--core-url',
      `${base}/bad`,
      '--core-out',
      out,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(DAMAGE);
    expect(run.stderr).toContain('Nothing was written;');
    expect(existsSync(releaseOut)).toBe(false);
    for (const kind of CORE_KINDS)
      expect(readFileSync(join(out, CORE_FILES[kind]), 'utf8')).toBe(sentinel);
  });
});

describe('building with ATLAS_CORE_DIR', () => {
  it('shows the given core on /paper/, named with its row counts, without the synthetic banner', () => {
    const dist = buildSite(fixturePath('three.json'), { coreDir: CORE });
    const text = pageText(dist, 'paper/index.html');
    expect(text).toContain(`${CORE}/annotated_misalignments.json : 4 rows`);
    expect(text).toContain(`${CORE}/session_mapping.json : 6 rows`);
    expect(text).not.toContain('Synthetic corpus');
    // Table 2's S2 row: 2 of the 4 valid episodes, 2 of 3 IDE, 0 of 1 CLI.
    expect(text).toMatch(
      /S2 · Misread Developer Intent 2 paper 4,344 ✗ −4,342 50\.00 paper 26\.95/,
    );
  });

  it('stops the build on a damaged core, naming the file, row and field', () => {
    const dir = coreCopy({ annotated: damaged });
    expect(() => buildSite(fixturePath('three.json'), { coreDir: dir })).toThrow(
      `${dir}/${CORE_FILES.annotated}: ${DAMAGE}`,
    );
  });
});
