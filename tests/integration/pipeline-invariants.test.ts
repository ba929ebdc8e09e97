/**
 * Invariants of the data step, checked in-process (no site build) on the bundled sample and on
 * every fixture: published text holds nothing the scrubber would still redact, scrubbing changes
 * nothing but the secrets it replaces, and every input record is either published or named in the
 * report with its reason.
 */
import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_REDACTION_KEY } from '../unit/helpers.ts';
import { decodeRelease, parseRelease } from '../../src/lib/parse.ts';
import { runPipeline } from '../../src/lib/pipeline.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { findSecrets, REDACTION_KINDS, scrubText } from '../../src/lib/scrub.ts';
import { fixturePath, ROOT } from './support.ts';

const SAMPLE = join(ROOT, 'content/sample/misalignments.json');
const MARKER = /\[REDACTED:([A-Za-z0-9_-]+):([0-9a-fA-F]{12})\]/g;

function stringsOf(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, path ? `${path}.${k}` : k));
  return [];
}

function hash12(text: string): string {
  return createHmac('sha256', TEST_REDACTION_KEY).update(text, 'utf8').digest('hex').slice(0, 12);
}

/** The sample's episodes before and after the pipeline, paired by id. */
function samplePairs(): Array<{ before: Episode; after: Episode }> {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const decoded = decodeRelease(bytes);
  if ('error' in decoded) throw new Error(decoded.error);
  const before = new Map(parseRelease(decoded.text).episodes.map((p) => [p.episode.id, p.episode]));
  const result = runPipeline(bytes, {
    inputName: 'sample',
    sample: true,
    skipInvalid: false,
    redactionKey: TEST_REDACTION_KEY,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.episodes.map((after) => {
    const found = before.get(after.id);
    if (!found) throw new Error(`published episode ${after.id} is not in the input`);
    return { before: found, after };
  });
}

describe('the scrubbed-text invariant on the whole sample', () => {
  const pairs = samplePairs();

  it('publishes episodes from the sample, some of them with planted secrets', () => {
    expect(pairs.length).toBeGreaterThan(40);
    const planted = pairs.flatMap(({ before }) =>
      stringsOf(before).flatMap(([, text]) => findSecrets(text)),
    );
    expect(new Set(planted.map((p) => p.kind)).size).toBeGreaterThanOrEqual(10);
  });

  it('leaves nothing in any published string that the scrubber would redact', () => {
    const left = pairs.flatMap(({ after }) =>
      stringsOf(after)
        .filter(([path]) => path !== 'id' && !path.startsWith('key.'))
        .flatMap(([path, text]) =>
          findSecrets(text).map((f) => `${after.id} ${path}: ${f.kind} ${f.match}`),
        ),
    );
    expect(left).toEqual([]);
  });

  it('is idempotent: scrubbing published text again changes nothing', () => {
    for (const { after } of pairs)
      for (const [path, text] of stringsOf(after))
        expect(scrubText(text, TEST_REDACTION_KEY), `${after.id} ${path}`).toBe(text);
  });

  it('keeps no planted secret anywhere in the published episodes', () => {
    const published = JSON.stringify(pairs.map((p) => p.after));
    for (const { before } of pairs)
      for (const [, text] of stringsOf(before))
        for (const { match } of findSecrets(text)) expect(published).not.toContain(match);
  });

  it('changes nothing but the secrets: the text between markers is the input text, in order', () => {
    for (const { before, after } of pairs) {
      const inputs = new Map(stringsOf(before));
      for (const [path, text] of stringsOf(after)) {
        const input = inputs.get(path);
        expect(input, `${after.id} ${path} has no input string`).toBeDefined();
        if (input === undefined) continue;
        // Each new marker stands for a secret the scrubber found in the input, or was there already.
        const known = new Set([
          ...findSecrets(input).map((f) => `${f.kind}:${hash12(f.match)}`),
          ...[...input.matchAll(MARKER)].map((m) => `${m[1]}:${m[2]}`),
        ]);
        for (const m of text.matchAll(MARKER))
          expect(known, `${after.id} ${path}: unexplained marker ${m[0]}`).toContain(
            `${m[1]}:${m[2]}`,
          );
        let from = 0;
        for (const piece of text.split(MARKER).filter((_, i) => i % 3 === 0)) {
          const at = input.indexOf(piece, from);
          expect(
            at,
            `${after.id} ${path}: "${piece.slice(0, 60)}" is not input text`,
          ).toBeGreaterThanOrEqual(0);
          from = at + piece.length;
        }
      }
    }
  });

  it('keeps the markers the release already wrote', () => {
    const before = pairs.flatMap(({ before: b }) =>
      stringsOf(b).flatMap(([, text]) => [...text.matchAll(MARKER)].map((m) => m[0])),
    );
    expect(before.length).toBeGreaterThan(0);
    const published = JSON.stringify(pairs.map((p) => p.after));
    for (const marker of before) expect(published).toContain(marker);
  });

  it('never rewrites an id or a key', () => {
    for (const { before, after } of pairs) {
      expect(after.id).toBe(before.id);
      expect(after.key).toEqual(before.key);
    }
  });
});

/** Every release-shaped fixture: the sample, tests/fixtures/*.json, hostile/ and record-level bad/. */
function fixtures(): string[] {
  const under = (dir: string) =>
    readdirSync(fixturePath(dir))
      .filter((n) => n.endsWith('.json') && n !== 'expected.json' && !n.endsWith('.planted.json'))
      .map((n) => fixturePath(dir, n));
  const top = readdirSync(fixturePath())
    .filter((n) => n.endsWith('.json'))
    .map((n) => fixturePath(n));
  return [SAMPLE, ...top, ...under('hostile'), ...under('bad')];
}

describe('nothing is lost: input = published + excluded for every fixture', () => {
  it.each(fixtures().map((path) => [path.slice(ROOT.length + 1), path]))('%s', (_name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const result = runPipeline(bytes, {
      inputName: path,
      sample: false,
      skipInvalid: true,
      redactionKey: TEST_REDACTION_KEY,
    });
    // A file that cannot be read at all has no records to account for; it must say why.
    if (!result.ok) {
      expect(result.problems.length).toBeGreaterThan(0);
      expect(result.problems.every((p) => p.startsWith('file: '))).toBe(true);
      return;
    }
    const { report, episodes } = result;
    const excluded =
      report.excluded.license + report.excluded['invalid-record'] + report.excluded.duplicate;
    expect(report.published).toBe(episodes.length);
    expect(report.input).toBe(report.published + excluded);
    expect(report.excludedRecords).toHaveLength(excluded);
    const indexes = report.excludedRecords.map((r) => r.index);
    expect(new Set(indexes).size).toBe(indexes.length);
    for (const record of report.excludedRecords) {
      expect(record.index).toBeGreaterThanOrEqual(0);
      expect(record.index).toBeLessThan(report.input);
      expect(record.detail, `records[${record.index}] has no reason`).not.toBe('');
    }
    // Every record the pipeline could not use was skipped with a message naming it.
    const invalid = report.excludedRecords.filter((r) => r.reason !== 'license');
    expect(result.skipped.length).toBeGreaterThanOrEqual(invalid.length);
    for (const record of invalid)
      expect(result.skipped.some((line) => line.startsWith(`records[${record.index}]`))).toBe(true);
    expect(Object.keys(report.redactions).sort()).toEqual([...REDACTION_KINDS].sort());
  });
});
