import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/chromium.ts';
import { NODE } from './scripts/node.ts';

/**
 * The one browser harness: Playwright against built sites (scripts/test-e2e.ts builds them into
 * .e2e/). The sample site is served at `/` and under `/atlas/` for every spec but the hostile one;
 * the hostile site (tests/e2e/hostile-site.ts) under `/atlas/` for tests/e2e/hostile.spec.ts.
 * Chromium is Debian's: browser downloads are not possible here.
 */
// ATLAS_E2E_PORT moves every server, so test runs in several checkouts can share one machine.
const FIRST_PORT = Number(process.env['ATLAS_E2E_PORT'] ?? 4501);
const HOSTILE = 'hostile.spec.ts';
const SITES = [
  { name: 'root', base: '/', port: FIRST_PORT, specs: { testIgnore: HOSTILE } },
  { name: 'atlas', base: '/atlas/', port: FIRST_PORT + 1, specs: { testIgnore: HOSTILE } },
  { name: 'hostile', base: '/atlas/', port: FIRST_PORT + 2, specs: { testMatch: HOSTILE } },
] as const;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  // What a page shows, not how fast: on the shared 2-core machines a CI run competes with other
  // builds, and Browse (React, the browse file, 25 results) once took over 5 s to appear.
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: SITES.map((site) => ({
    name: site.name,
    ...site.specs,
    use: { baseURL: `http://127.0.0.1:${site.port}${site.base}` },
  })),
  webServer: SITES.map((site) => ({
    command: `${NODE} tests/e2e/serve.ts .e2e/${site.name} ${site.base} ${site.port}`,
    url: `http://127.0.0.1:${site.port}${site.base}`,
    reuseExistingServer: false,
    timeout: 20_000,
  })),
});
