/**
 * Prints one closing line for the whole test run, `tests: N passed, N failed`, from the JSON
 * reports of vitest and Playwright, and exits non-zero if anything failed or nothing ran.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitest(path: string): Counts {
  const r = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

function playwright(path: string): Counts {
  const r = JSON.parse(readFileSync(path, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  };
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const sources: Array<[string, (path: string) => Counts]> = [
  ['reports/unit.json', vitest],
  ['reports/integration.json', vitest],
  ['reports/e2e.json', playwright],
];
for (const [path, read] of sources) {
  if (!existsSync(path)) {
    console.error(`test-summary: ${path} is missing (that suite did not run)`);
    total.failed += 1;
    continue;
  }
  const counts = read(path);
  console.error(
    `${path}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
