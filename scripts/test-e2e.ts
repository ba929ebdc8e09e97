/**
 * `npm run test:e2e`: builds the site twice from the sample data, at base `/` and at `/atlas/`,
 * into .e2e/, then runs the Playwright browser tests against both.
 */
import { spawnSync } from 'node:child_process';
import { ISSUES_URL } from '../tests/e2e/build-env.ts';

function run(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const sites = [
  { name: 'root', base: '/' },
  { name: 'atlas', base: '/atlas/' },
];
for (const site of sites) {
  console.error(`[e2e] building the site at base ${site.base}`);
  run(['scripts/build.ts'], {
    ATLAS_BASE: site.base,
    ATLAS_DIST: `.e2e/${site.name}`,
    ATLAS_INPUT: 'content/sample/misalignments.json',
    // The key tests/e2e/helpers.ts scrubs with, so expected texts match the built pages.
    ATLAS_REDACTION_KEY: 'atlas-test-redaction-key',
    ATLAS_ISSUES_URL: ISSUES_URL,
  });
}
run(['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)]);
