/**
 * secretlint's recommended preset as a yardstick that this team did not write: every rule of it
 * has a family here, and nothing it would flag is left in text the scrubber has passed. When an
 * update of the preset adds a rule, the first test fails until a family covers it.
 */
import { lintSource } from '@secretlint/core';
import { creator, rules } from '@secretlint/secretlint-rule-preset-recommend';
import { describe, expect, it } from 'vitest';
import { REDACTION_KINDS, scrubText } from '../../src/lib/scrub.ts';
import { POSITIVES, SCANNER_SHAPES } from './scrub-vectors.ts';

/** Each rule of the preset, and the families of ours that cover what it detects. */
const COVERED_BY: Record<string, string[]> = {
  '@secretlint/secretlint-rule-aws': ['aws-access-key', 'secret-assignment'],
  '@secretlint/secretlint-rule-gcp': ['private-key'],
  '@secretlint/secretlint-rule-privatekey': ['private-key'],
  '@secretlint/secretlint-rule-npm': ['npm-token'],
  '@secretlint/secretlint-rule-basicauth': ['url-credentials'],
  '@secretlint/secretlint-rule-slack': ['slack-token', 'slack-webhook'],
  '@secretlint/secretlint-rule-sendgrid': ['sendgrid-key'],
  '@secretlint/secretlint-rule-shopify': ['shopify-token'],
  '@secretlint/secretlint-rule-github': ['github-token'],
  '@secretlint/secretlint-rule-gitlab': ['gitlab-token'],
  '@secretlint/secretlint-rule-grafana': ['grafana-token'],
  '@secretlint/secretlint-rule-openai': ['openai-key'],
  '@secretlint/secretlint-rule-anthropic': ['anthropic-key'],
  '@secretlint/secretlint-rule-groq': ['groq-key'],
  '@secretlint/secretlint-rule-huggingface': ['huggingface-token'],
  '@secretlint/secretlint-rule-linear': ['linear-key'],
  '@secretlint/secretlint-rule-notion': ['notion-token'],
  '@secretlint/secretlint-rule-1password': ['onepassword-token'],
  '@secretlint/secretlint-rule-database-connection-string': ['url-credentials'],
  '@secretlint/secretlint-rule-hashicorp-vault': ['vault-token'],
  '@secretlint/secretlint-rule-vercel': ['vercel-token'],
  '@secretlint/secretlint-rule-databricks': ['databricks-token'],
  '@secretlint/secretlint-rule-docker': ['docker-token'],
  '@secretlint/secretlint-rule-figma': ['figma-token'],
  // Not a detector: it honours `secretlint-disable` comments in source files.
  '@secretlint/secretlint-rule-filter-comments': [],
};

const config = {
  rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: creator, options: {} }],
};

const MARKER = /\[REDACTED:[\w-]{1,64}:[0-9a-f]{12}\]/g;

/**
 * The rules of the preset that flag something in `text`, except where what they flag overlaps a
 * marker (`mongodb://[REDACTED:…]@host` reads to it as a user name and password).
 */
async function flaggedBy(text: string): Promise<string[]> {
  const result = await lintSource({
    source: { content: text, filePath: '/episode.txt', ext: '.txt', contentType: 'text' },
    options: { config, noPhysicFilePath: true },
  });
  const markers = [...text.matchAll(MARKER)].map((m) => [m.index, m.index + m[0].length]);
  const inMarker = ([start, end]: readonly [number, number]) =>
    markers.some(([from = 0, to = 0]) => start < to && end > from);
  return result.messages.filter((m) => !inMarker(m.range)).map((m) => m.ruleId);
}

const TEXTS = [...POSITIVES.map(([, text]) => text), ...SCANNER_SHAPES];

describe('the secretlint recommended preset as a yardstick', () => {
  it('has a family of ours for every rule of the preset', () => {
    const ids = rules.map((rule) => rule.meta.id);
    expect(ids.filter((id) => COVERED_BY[id] === undefined)).toEqual([]);
    for (const families of Object.values(COVERED_BY))
      for (const family of families) expect(REDACTION_KINDS).toContain(family);
  });

  it('flags the team-written vectors with most of its rules before scrubbing', async () => {
    // The yardstick is exercised: some of its rules want exact lengths or checksums that not
    // every vector has, but most of them must fire.
    const flagged = new Set<string>();
    for (const text of TEXTS) for (const id of await flaggedBy(text)) flagged.add(id);
    expect(flagged.size).toBeGreaterThanOrEqual(16);
  });

  it('finds nothing in any vector once it is scrubbed', async () => {
    const left: string[] = [];
    for (const text of TEXTS) {
      const ids = await flaggedBy(scrubText(text, 'yardstick-key'));
      if (ids.length > 0) left.push(`${ids.join(', ')}: ${text.slice(0, 80)}`);
    }
    expect(left).toEqual([]);
  });
});
