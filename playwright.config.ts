import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './scripts/chromium.ts';

/**
 * Browser tests against the built site, served at `/` and under `/atlas/` (scripts/test-e2e.ts
 * builds both into .e2e/). Chromium is Debian's: browser downloads are not possible here.
 */
const SITES = [
  { name: 'root', base: '/', port: 4501 },
  { name: 'atlas', base: '/atlas/', port: 4502 },
] as const;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
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
