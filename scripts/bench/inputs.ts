/**
 * What the benchmark builds: synthetic release files sized by published episodes, and the bare
 * Astro project that gives the framework's own floor for the same number of pages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPermissive } from '../../src/lib/licence.ts';
import { NODE } from '../node.ts';

/**
 * A release file with exactly `episodes` publishable records. The licence filter drops about a
 * third of the generator's records, so `npm run generate` is asked for more and the file is cut
 * just after the `episodes`-th permissive record (the excluded records before it stay in, so the
 * data step still exercises its filter). Returns the number of records in the file.
 */
export function generateInput(repo: string, episodes: number, seed: number, out: string): number {
  let count = Math.ceil(episodes * 1.6) + 200;
  for (;;) {
    const result = spawnSync(
      NODE,
      ['scripts/generate.ts', '--count', String(count), '--seed', String(seed), '--out', out],
      { cwd: repo, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`generate failed: ${result.stderr}`);
    const records = (
      JSON.parse(readFileSync(out, 'utf8')) as { misalignments: Record<string, unknown>[] }
    ).misalignments;
    let permitted = 0;
    const cut = records.findIndex(
      (r) => isPermissive(String(r['license_type'])) && ++permitted === episodes,
    );
    if (cut >= 0) {
      const kept = records.slice(0, cut + 1);
      writeFileSync(out, JSON.stringify({ misalignments: kept }));
      return kept.length;
    }
    count *= 2;
  }
}

/**
 * A generated core of the paper's real size (20,574 sessions, 29,896 candidates, 16,118 valid
 * episodes) in `dir`, written once per run: every measured build reads it through
 * ATLAS_CORE_DIR, as a deployed build reads the real `content/core/`.
 */
export function generateRealCore(repo: string, seed: number, dir: string): string {
  const result = spawnSync(
    NODE,
    ['scripts/generate.ts', '--core', '--real-size', '--seed', String(seed), '--out', dir],
    { cwd: repo, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`generate --core failed: ${result.stderr}`);
  return dir;
}

/**
 * A minimal Astro project with one dynamic route of `pages` trivial pages, built with this
 * repository's astro (its node_modules is linked in). Returns the project folder.
 */
export function floorProject(repo: string, dir: string, pages: number): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  if (!existsSync(join(dir, 'node_modules')))
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-floor', private: true, type: 'module' }),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({ outDir: './dist', build: { format: 'directory' } });\n",
  );
  writeFileSync(
    join(dir, 'src/pages/[id].astro'),
    [
      '---',
      'export function getStaticPaths() {',
      `  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } }));`,
      '}',
      'const { id } = Astro.params;',
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>Page {id}</title></head>',
      '<body><h1>Page {id}</h1><p>A trivial page.</p></body></html>',
      '',
    ].join('\n'),
  );
  return dir;
}
