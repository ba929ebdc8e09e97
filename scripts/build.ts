/**
 * `npm run build`: the data step, then `astro build` into a temporary folder that replaces dist/
 * only when everything succeeded, so a failed build never leaves a half-built site behind.
 */
import { spawnSync } from 'node:child_process';
import {
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

function run(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(NODE, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    rmSync(temp, { recursive: true, force: true });
    if (!process.env['ATLAS_DATA_DIR']) rmSync(`${temp}-data`, { recursive: true, force: true });
    console.error(`\nBuild failed in: node ${args.join(' ')}. dist/ was left as it was.`);
    process.exit(result.status ?? 1);
  }
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
rmSync(temp, { recursive: true, force: true });
run(['scripts/build-data.ts', ...process.argv.slice(2)], { ATLAS_DATA_DIR: data });
run(['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
  ATLAS_OUT_DIR: temp,
  ATLAS_DATA_DIR: data,
});
if (!existsSync(join(temp, 'index.html'))) run(['-e', 'process.exit(1)']);
// Pages that run no inline code lose the policy's hashes (src/lib/csp.ts). Done here over the
// written files: as an Astro middleware it re-read every rendered page and cost 9 s of a
// 16,000-episode build, against about 1 s here.
try {
  for (const entry of readdirSync(temp, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, 'utf8');
    const narrowed = withoutUnusedHashes(html);
    if (narrowed !== html) writeFileSync(path, narrowed);
  }
} catch (error) {
  console.error(error);
  run(['-e', 'process.exit(1)']);
}
const old = `${temp}-old`;
mkdirSync(dirname(DIST), { recursive: true });
if (existsSync(DIST)) renameSync(DIST, old);
renameSync(temp, DIST);
rmSync(old, { recursive: true, force: true });
if (!process.env['ATLAS_DATA_DIR']) rmSync(data, { recursive: true, force: true });

const { bytes, files } = sizeOf(DIST);
console.error(
  `[build] dist/ ${(bytes / 1e6).toFixed(1)} MB in ${files} files, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const warning = sizeWarning(bytes, files);
if (warning) console.error(`[build] WARNING: ${warning}`);
