/**
 * The hostile site: a release whose every text field (agent names included) holds
 * script-injection payloads and secrets, built under /atlas/ by scripts/test-e2e.ts and served to
 * the `hostile` project of playwright.config.ts.
 */
import { writeFileSync } from 'node:fs';
import { fixturePath, recordsIn } from '../integration/support.ts';

/** Where the hostile site is built and served from. */
export const HOSTILE_DIST = '.e2e/hostile';
export const HOSTILE_BASE = '/atlas/';

/** The injection records alone (the spec counts what Browse must show of them). */
export const INJECTION = recordsIn(fixturePath('hostile/injection.json'));

/** Writes the hostile release (every hostile fixture's records) to `path`. */
export function writeHostileRelease(path: string): void {
  const records = [
    ...recordsIn(fixturePath('hostile/secrets.json')),
    ...recordsIn(fixturePath('hostile/licence-mix.json')),
    ...INJECTION,
    ...recordsIn(fixturePath('hostile/lookalikes.json')),
  ];
  writeFileSync(path, JSON.stringify(records));
}
