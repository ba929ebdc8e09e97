/**
 * What the integration tests share: running the repository's scripts with the project's Node,
 * building a site from a fixture into a temporary folder, and reading a built site's files as
 * the text a visitor could see (HTML entities decoded, JSON strings unescaped).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { NODE } from '../../scripts/node.ts';
import { listFiles } from '../../scripts/site-text.ts';
export {
  listFiles,
  occursIn,
  readingsOf,
  readingsOfText,
  TEXT_EXTENSIONS,
} from '../../scripts/site-text.ts';

/** The repository root: every script runs from here, as `npm run …` would. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Reads a fixture under tests/fixtures. */
export function fixturePath(...parts: string[]): string {
  return join(ROOT, 'tests/fixtures', ...parts);
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape it expects
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * Every folder `tempDir` made in this test file. The integration tier's setup
 * (`tests/integration/setup.ts`) removes them once the file's tests are done; each run left some
 * 40 folders of built sites and data behind before.
 */
export const madeTempDirs: string[] = [];

/** A fresh folder under the system's temporary directory, removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `atlas-${prefix}-`));
  madeTempDirs.push(dir);
  return dir;
}

/**
 * Removes the `tempDir` folder that holds `path`, and nothing else. A suite whose `beforeAll`
 * failed never set its path: `join('', '..')` is the parent of the checkout, and removing that
 * once deleted a whole workspace. An empty path removes nothing; any path outside a `tempDir`
 * folder is refused.
 */
export function removeTempParent(path: string): void {
  if (path === '') return;
  const dir = resolve(path, '..');
  if (dirname(dir) !== resolve(tmpdir()) || !basename(dir).startsWith('atlas-'))
    throw new Error(`refusing to remove ${dir}: not a temporary folder made by tempDir()`);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * How long a child may run. `spawnSync` blocks the event loop, so vitest's own timeout cannot fire
 * while it waits: without this bound a child that hangs at exit would stall the whole run
 * silently. Node 24 can hang in `process.exit()` while joining V8's helper threads
 * (nodejs/node#64560), which is why the data step and `validate` end on their own instead.
 */
const CHILD_TIMEOUT_MS = 300_000;

/** Runs `node <args>` from the repository root; the environment is the test's plus `env`. */
export function runNode(
  args: string[],
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  // The tests choose the ATLAS_* settings explicitly, and vitest's own variables (NODE_ENV=test,
  // BASE_URL=/, MODE, DEV, …) would turn the child's `astro build` into a test-mode build at base /.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(?:ATLAS_|VITEST)|^(?:TEST|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/.test(key),
    ),
  );
  const result = spawnSync(NODE, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...clean, ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: CHILD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  if (result.error && 'code' in result.error && result.error.code === 'ETIMEDOUT')
    throw new Error(
      `node ${args.join(' ')} did not finish within ${CHILD_TIMEOUT_MS / 1000} s and was killed; stderr so far:\n${result.stderr}`,
    );
  return result;
}

export interface BuildOptions {
  base?: string;
  skipInvalid?: boolean;
  /** ATLAS_CORE_DIR: the folder of the three core files (default: the synthetic sample core). */
  coreDir?: string;
}

/** `npm run build` with ATLAS_INPUT=`input` into a new temporary ATLAS_DIST; throws when it fails. */
export function buildSite(input: string, options: BuildOptions = {}): string {
  const dist = join(tempDir('site'), 'dist');
  const result = runNode(['scripts/build.ts'], {
    ATLAS_INPUT: input,
    ATLAS_DIST: dist,
    ...(options.base ? { ATLAS_BASE: options.base } : {}),
    ...(options.skipInvalid ? { ATLAS_SKIP_INVALID: '1' } : {}),
    ...(options.coreDir ? { ATLAS_CORE_DIR: options.coreDir } : {}),
  });
  if (result.status !== 0) {
    throw new Error(`build of ${input} failed (${String(result.status)}):\n${result.stderr}`);
  }
  return dist;
}

/** One hash over the names and bytes of every file under `dir`. */
export function hashDir(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(dir, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

/** Writes `records` as a release file (a JSON array) in a temporary folder and returns its path. */
export function writeRelease(name: string, records: unknown[]): string {
  const path = join(tempDir('input'), name);
  writeFileSync(path, JSON.stringify(records));
  return path;
}

/** The records of a release file in any accepted top-level layout. */
export function recordsIn(path: string): Record<string, unknown>[] {
  const file = readJson<unknown>(path);
  if (Array.isArray(file)) return file as Record<string, unknown>[];
  const holder = file as Record<string, unknown>;
  return (holder['misalignments'] ?? holder['records']) as Record<string, unknown>[];
}
