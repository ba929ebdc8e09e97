import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit`: pure and fast, no build, no child process, no browser (`npm run test:unit`).
 * `integration`: builds sites, runs the CLIs and scans what they wrote (`npm run
 * test:integration`). Browser tests are Playwright's (tests/e2e, `npm run test:e2e`).
 */
export default defineConfig({
  test: {
    environment: 'node',
    // Generous for both tiers: the scrubber's megabyte tests bound their own time (20 s).
    testTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/integration/setup.ts'],
        },
      },
    ],
  },
});
