/**
 * What the integration tests share: running the repository's scripts with the project's Node,
 * building a site from a fixture into a temporary folder, and reading a built site's files as
 * the text a visitor could see (HTML entities decoded, JSON strings unescaped).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';

/** The repository root: every script runs from here, as `npm run …` would. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The project's own Node 24 (the `node` devDependency), else the one running the tests. */
export const NODE = existsSync(join(ROOT, 'node_modules/node/bin/node'))
  ? join(ROOT, 'node_modules/node/bin/node')
  : process.execPath;

/** Reads a fixture under tests/fixtures. */
export function fixturePath(...parts: string[]): string {
  return join(ROOT, 'tests/fixtures', ...parts);
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** A fresh folder under the system's temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `atlas-${prefix}-`));
}

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
  return spawnSync(NODE, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...clean, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface BuildOptions {
  base?: string;
  skipInvalid?: boolean;
}

/** `npm run build` with ATLAS_INPUT=`input` into a new temporary ATLAS_DIST; throws when it fails. */
export function buildSite(input: string, options: BuildOptions = {}): string {
  const dist = join(tempDir('site'), 'dist');
  const result = runNode(['scripts/build.ts'], {
    ATLAS_INPUT: input,
    ATLAS_DIST: dist,
    ...(options.base ? { ATLAS_BASE: options.base } : {}),
    ...(options.skipInvalid ? { ATLAS_SKIP_INVALID: '1' } : {}),
  });
  if (result.status !== 0) {
    throw new Error(`build of ${input} failed (${String(result.status)}):\n${result.stderr}`);
  }
  return dist;
}

/** Every file under `dir`, as paths relative to it (forward slashes). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
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

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes HTML character references, so escaped text reads as the browser would show it. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** `%XX` sequences decoded where they form valid UTF-8; the rest left as it is. */
export function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function jsonStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      jsonStrings(item, out);
    }
  }
}

/** Files a visitor's browser receives as text (pages, data, styles, scripts, feeds). */
export const TEXT_EXTENSIONS = new Set([
  '.html',
  '.json',
  '.js',
  '.mjs',
  '.css',
  '.xml',
  '.svg',
  '.txt',
  '.csv',
  '.webmanifest',
]);

/** The text runs of an HTML page and each attribute value, decoded, one per line. */
function htmlPieces(html: string): string {
  const pieces: string[] = [];
  for (const part of html.split(/(<[^>]*>)/)) {
    if (!part.startsWith('<')) {
      pieces.push(decodeEntities(part));
      continue;
    }
    for (const attr of part.matchAll(/=\s*"([^"]*)"|=\s*'([^']*)'/g))
      pieces.push(decodeEntities(attr[1] ?? attr[2] ?? ''));
  }
  return pieces.filter((p) => p.trim() !== '').join('\n');
}

/** The ways a built file can be read: a secret must be absent from all of them. */
export interface Readings {
  /** The bytes as UTF-8 text. */
  raw: string;
  /** With HTML character references and percent escapes decoded. */
  decoded: string;
  /**
   * What a reader sees, one context per line: an HTML page's text runs and attribute values,
   * a JSON file's string keys and values, or the raw text of anything else.
   */
  text: string;
}

export function readingsOf(path: string): Readings {
  const raw = readFileSync(path, 'utf8');
  const decoded = decodePercent(decodeEntities(raw));
  let text = raw;
  if (extname(path) === '.html') text = htmlPieces(raw);
  else if (extname(path) === '.json') {
    try {
      const strings: string[] = [];
      jsonStrings(JSON.parse(raw), strings);
      text = strings.join('\n');
    } catch {
      // A JSON file that does not parse is read as raw text.
    }
  }
  return { raw, decoded, text };
}

/** True when `needle` occurs in any reading of the file. */
export function occursIn(readings: Readings, needle: string): boolean {
  return (
    readings.raw.includes(needle) ||
    readings.decoded.includes(needle) ||
    readings.text.includes(needle)
  );
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
