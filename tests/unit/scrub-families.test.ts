/**
 * One positive and one negative vector, written by the team, for every family of scrub rules
 * (scrub-vectors.ts), and the linear-time guarantee: a megabyte of near-misses for every rule is
 * scrubbed promptly.
 */
import { describe, expect, it } from 'vitest';
import { findSecrets, REDACTION_KINDS, scrubText } from '../../src/lib/scrub.ts';
import { SCRUB_RULES } from '../../src/lib/scrub-rules.ts';
import { NEGATIVES, POSITIVES } from './scrub-vectors.ts';

const KEY = 'families-test-key';

describe('every scrub family', () => {
  it('has a team-written positive vector', () => {
    const covered = new Set(POSITIVES.map(([family]) => family));
    expect(REDACTION_KINDS.filter((family) => !covered.has(family))).toEqual([]);
  });

  it.each(POSITIVES)('%s: redacts its vector', (family, text, secret) => {
    expect(text).toContain(secret);
    const tally: Record<string, number> = {};
    const out = scrubText(text, KEY, tally);
    expect(out).not.toContain(secret);
    expect(Object.keys(tally)).toContain(family);
  });

  it.each(NEGATIVES)('leaves alone: %s', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('linear time', () => {
  // What a rule finds promising and then rejects, repeated to a megabyte: each rule's keywords
  // followed by a run too short to be a token, and the openings of every context rule. A
  // super-linear rule takes minutes on this; a linear one, well under a second. The bound is
  // generous on purpose (no timing-sensitive tests); `npm run bench` reports the throughput.
  const CONTEXTS = [
    'a=',
    'password = "',
    'token: ',
    '--token ',
    'Authorization: ',
    'Bearer ',
    'https://u:p',
    '-----BEGIN RSA PRIVATE KEY-----\n',
    'x'.repeat(40),
    'aaaa_bbbb ',
    '1.2.3.',
    '::',
    '@a.',
    '/home/',
    'A1b2C3d4E5f6G7h8J9k0',
    '0123456789:',
    ';Password=',
    '?token=',
    '"k": "',
    '<secretKey>',
    'my api key is ',
    "('a', '",
  ];
  // One unit per rule: each of its keywords followed by a run too short to be a token.
  const units = [
    ...CONTEXTS,
    ...SCRUB_RULES.map((rule) => rule.keywords.map((k) => `${k}Ab1-`).join(' ')),
  ];
  it.each([...new Set(units)])('scrubs a megabyte of %j promptly', (unit) => {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    scrubText(text, KEY);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
