import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/chromium.ts';

/**
 * Browser tests against the built site, served at `/` and under `/atlas/` (scripts/test-e2e.ts
 * builds both into .e2e/). Chromium is Debian's: browser downloads are not possible here.
 */
// ATLAS_E2E_PORT moves both servers, so test runs in several checkouts can share one machine.
const FIRST_PORT = Number(process.env['ATLAS_E2E_PORT'] ?? 4501);
const SITES = [
  { name: 'root', base: '/', port: FIRST_PORT },
  { name: 'atlas', base: '/atlas/', port: FIRST_PORT + 1 },
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
    use: { baseURL: `http://127.0.0.1:${site.port}${site.base}` },
  })),
  webServer: SITES.map((site) => ({
    command: `node tests/e2e/serve.ts .e2e/${site.name} ${site.base} ${site.port}`,
    url: `http://127.0.0.1:${site.port}${site.base}`,
    reuseExistingServer: false,
    timeout: 20_000,
  })),
});
