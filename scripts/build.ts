/**
 * `npm run build`: the data step, then `astro build` into a temporary folder that replaces dist/
 * only when everything succeeded, so a failed build never leaves a half-built site behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { withoutUnusedHashes } from '../src/lib/csp.ts';
import { sizeWarning } from '../src/lib/site-size.ts';
import { siteUrl } from '../src/lib/site-url.ts';
import { NODE } from './node.ts';

/** Where the finished site goes; the browser tests build into their own folders. */
const DIST = process.env['ATLAS_DIST'] || 'dist';
const temp = `.dist-${process.pid}`;
const started = performance.now();

/** Removes every temporary folder and stops, leaving dist/ as it was. */
function fail(what: string, status = 1): never {
  rmSync(temp, { recursive: true, force: true });
  rmSync(`${temp}-episodes`, { recursive: true, force: true });
  if (!process.env['ATLAS_DATA_DIR']) rmSync(`${temp}-data`, { recursive: true, force: true });
  console.error(`\nBuild failed in: ${what}. dist/ was left as it was.`);
  process.exit(status);
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(NODE, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) fail(`node ${args.join(' ')}`, result.status ?? 1);
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * Pages that run no inline code lose the policy's hashes (src/lib/csp.ts). Done over the written
 * files: as an Astro middleware it re-read every rendered page and cost 9 s of a 16,000-episode
 * build, against about 1 s here.
 */
function narrowPolicies(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, 'utf8');
    const narrowed = withoutUnusedHashes(html);
    if (narrowed !== html) writeFileSync(path, narrowed);
  }
}

/**
 * Moves the episode pages of the `episodes` part into the site. Both parts bundled the same
 * sources, so their scripts and styles must be the same files: a page of one part must find its
 * assets in the other's `_astro/`. Anything else that part wrote is an empty stand-in
 * (src/middleware.ts) and is dropped.
 */
function mergeEpisodesPart(from: string, into: string): void {
  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
  const ours = new Set(list(join(into, '_astro')));
  const missing = list(join(from, '_astro')).filter((name) => !ours.has(name));
  if (missing.length > 0)
    throw new Error(`the episodes part has assets the site part lacks: ${missing.join(', ')}`);
  // A small site may give every episode to one part: the other has no episodes/ folder.
  mkdirSync(join(into, 'episodes'), { recursive: true });
  for (const id of list(join(from, 'episodes'))) {
    if (existsSync(join(into, 'episodes', id)))
      throw new Error(`episode page ${id} was rendered by both parts`);
    renameSync(join(from, 'episodes', id), join(into, 'episodes', id));
  }
  rmSync(from, { recursive: true, force: true });
}

/** The data step's browser files, as `/data/…`. */
function copyBrowserFiles(from: string, into: string): void {
  for (const name of readdirSync(from))
    if (existsSync(join(into, name))) throw new Error(`data/${name} was also rendered as a page`);
  cpSync(from, into, { recursive: true, errorOnExist: true, force: false });
}

function sizeOf(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

// Checked before any work, so a deploy without its site URL stops at once with one clear line
// (astro.config.mjs applies the same rule to a bare `astro build`, and logs the placeholder note).
const site = siteUrl(process.env['ATLAS_SITE'], process.env['ATLAS_DEPLOY'] === '1');
if (!site.ok) {
  console.error(`[build] ${site.error}`);
  process.exit(1);
}

const data = process.env['ATLAS_DATA_DIR'] || `${temp}-data`;
const episodesOut = `${temp}-episodes`;
rmSync(temp, { recursive: true, force: true });
rmSync(episodesOut, { recursive: true, force: true });
run(['scripts/build-data.ts', ...process.argv.slice(2)], { ATLAS_DATA_DIR: data });

// The pages are rendered by two Astro processes at once (src/lib/build-part.ts): the `site` part
// into the temporary folder, the `episodes` part into one beside it. Each part's pages lose
// their unused CSP hashes as soon as that part is done, while the other may still be rendering.
const parts = await Promise.all(
  (['site', 'episodes'] as const).map(async (part) => {
    const out = part === 'site' ? temp : episodesOut;
    const from = performance.now();
    const code = await exitCode(
      spawn(NODE, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
        stdio: 'inherit',
        env: { ...process.env, ATLAS_OUT_DIR: out, ATLAS_DATA_DIR: data, ATLAS_BUILD_PART: part },
      }),
    );
    if (code !== 0) return { part, code, seconds: 0 };
    try {
      narrowPolicies(out);
      return { part, code, seconds: (performance.now() - from) / 1000 };
    } catch (error) {
      console.error(error);
      return { part, code: 1, seconds: 0 };
    }
  }),
);
const failed = parts.find((p) => p.code !== 0);
if (failed) fail(`astro build (${failed.part} part) exited with ${failed.code}`);
if (!existsSync(join(temp, 'index.html'))) fail('astro build wrote no index.html');
try {
  mergeEpisodesPart(episodesOut, temp);
  copyBrowserFiles(join(data, 'public'), join(temp, 'data'));
} catch (error) {
  console.error(error);
  fail('the two parts of the page build could not be put together');
}
const old = `${temp}-old`;
mkdirSync(dirname(DIST), { recursive: true });
if (existsSync(DIST)) renameSync(DIST, old);
renameSync(temp, DIST);
rmSync(old, { recursive: true, force: true });
if (!process.env['ATLAS_DATA_DIR']) rmSync(data, { recursive: true, force: true });

const { bytes, files } = sizeOf(DIST);
console.error(
  `[build] dist/ ${(bytes / 1e6).toFixed(1)} MB in ${files} files, ${((performance.now() - started) / 1000).toFixed(1)} s ` +
    `(pages: ${parts.map((p) => `${p.part} part ${p.seconds.toFixed(1)} s`).join(', ')})`,
);
const warning = sizeWarning(bytes, files);
if (warning) console.error(`[build] WARNING: ${warning}`);
