/**
 * `npm run test:e2e`: builds the sites the browser tests need into .e2e/ (the sample at base `/`
 * and `/atlas/`, the hostile fixtures at `/atlas/`), then runs the Playwright browser tests
 * against them (playwright.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { ISSUES_URL } from '../tests/e2e/build-env.ts';
import { mkdirSync } from 'node:fs';
import { HOSTILE_BASE, HOSTILE_DIST, writeHostileRelease } from '../tests/e2e/hostile-site.ts';
import { NODE } from './node.ts';

function run(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(NODE, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

mkdirSync('.e2e', { recursive: true });
const hostileInput = '.e2e/hostile.json';
writeHostileRelease(hostileInput);

const sites = [
  { dist: '.e2e/root', base: '/', input: 'content/sample/misalignments.json' },
  { dist: '.e2e/atlas', base: '/atlas/', input: 'content/sample/misalignments.json' },
  { dist: HOSTILE_DIST, base: HOSTILE_BASE, input: hostileInput },
];
for (const site of sites) {
  console.error(`[e2e] building ${site.input} at base ${site.base}`);
  run(['scripts/build.ts'], {
    ATLAS_BASE: site.base,
    ATLAS_DIST: site.dist,
    ATLAS_INPUT: site.input,
    // The key tests/e2e/helpers.ts scrubs with, so expected texts match the built pages.
    ATLAS_REDACTION_KEY: 'atlas-test-redaction-key',
    ATLAS_ISSUES_URL: ISSUES_URL,
  });
}
run(['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)]);
