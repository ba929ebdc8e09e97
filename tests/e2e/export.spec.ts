/**
 * Taking data away: a reader downloads a filtered Browse view and gets a file named after it
 * holding every published field of every matching episode (text Browse never showed included),
 * and About offers the whole dataset as Browse's view of every episode, with a data dictionary.
 * Expected values come from the sample as the pipeline publishes it (helpers.ts), not from the
 * export code.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import type { Episode } from '../../src/lib/schema.ts';
import { CAUSES, SYMPTOMS } from '../../src/lib/taxonomy.ts';
import { parseCsv } from '../../src/lib/export.ts';
import {
  episodes,
  expectResultCount,
  hasSymptom,
  openBrowse,
  report,
  validEpisodes,
} from './helpers.ts';

interface ExportFile {
  atlas: { title: string; url: string; build: { id: string; commit: string | null } };
  view: { query: string; filters: Record<string, string[]>; url: string };
  count: number;
  episodes: Array<Record<string, unknown>>;
}

async function download(page: Page, format: 'CSV' | 'JSON') {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download results as ${format}` }).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Codes in the taxonomy's order, as the data dictionary says lists of codes are written. */
function inTableOrder(table: readonly { code: string }[], codes: readonly string[]): string[] {
  return table.map((label) => label.code).filter((code) => codes.includes(code));
}

/** What the export must say of an episode, read from the published episode itself. */
function expectedFields(episode: Episode) {
  const a = episode.annotation;
  return {
    id: episode.id,
    title: episode.name,
    description: episode.description,
    alignment_goal: episode.alignmentGoal,
    confidence: episode.confidence,
    validator_note: episode.validation.note,
    evidence: episode.evidence.map((e) => ({ turn: e.turn, quote: e.quote, context: e.context })),
    symptoms: inTableOrder(SYMPTOMS, a?.symptom.labels ?? []),
    s8_descriptor: a?.symptom.otherDescriptor ?? null,
    symptom_reasoning: a?.symptom.reasoning ?? null,
    causes: inTableOrder(CAUSES, a?.cause.labels.map((c) => c.code) ?? []),
    cause_tiers: inTableOrder(CAUSES, a?.cause.labels.map((c) => c.code) ?? []).flatMap((code) => {
      const tier = a?.cause.labels.find((c) => c.code === code)?.tier;
      return tier ? [`${code}:${tier}`] : [];
    }),
    cause_reasoning: a?.cause.reasoning ?? null,
    outcome_reasoning: a?.outcome.reasoning ?? null,
    resolution_reasoning: a?.resolution.reasoning ?? null,
  };
}

test('a filtered view downloads as JSON named after it, with every field and its query', async ({
  page,
}) => {
  const expected = validEpisodes.filter(hasSymptom('S2'));
  await openBrowse(page, 'symptom=S2&platform=CLI,IDE');
  await expectResultCount(page, expected.length);
  const { name, text } = await download(page, 'JSON');
  expect(name).toBe('atlas_symptom-S2_platform-CLI-IDE.json');

  const file = JSON.parse(text) as ExportFile;
  expect(file.view).toMatchObject({
    query: '',
    filters: { validation: ['VALID'], symptom: ['S2'], platform: ['CLI', 'IDE'] },
  });
  expect(file.view.url).toContain('symptom=S2');
  expect(file.atlas.build.id).toMatch(/^[0-9a-f]{10}(-[0-9a-f]{7})?$/);
  expect(file.count).toBe(expected.length);
  expect(file.episodes.map((r) => r['id']).sort()).toEqual(expected.map((e) => e.id).sort());
  for (const record of file.episodes) {
    const episode = expected.find((e) => e.id === record['id']);
    if (!episode) throw new Error(`unexpected ${String(record['id'])}`);
    expect(record).toMatchObject(expectedFields(episode));
  }
});

test('a view wider than a page exports the full text of episodes Browse never showed', async ({
  page,
}) => {
  const expected = episodes;
  await openBrowse(page, 'validation=all');
  await expectResultCount(page, expected.length);
  const { name, text } = await download(page, 'CSV');
  expect(name).toBe('atlas_validation-any.csv');

  const [header = [], ...rows] = parseCsv(text);
  expect(rows).toHaveLength(expected.length);
  const column = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
  for (const row of rows) {
    const episode = expected.find((e) => e.id === column(row, 'id'));
    if (!episode) throw new Error(`unexpected ${column(row, 'id')}`);
    const fields = expectedFields(episode);
    // Flattened as the data dictionary says: evidence as JSON text, code lists joined with ";".
    expect(JSON.parse(column(row, 'evidence') || '[]')).toEqual(fields.evidence);
    expect(column(row, 'symptoms')).toBe(fields.symptoms.join(';'));
    expect(column(row, 'cause_tiers')).toBe(fields.cause_tiers.join(';'));
    expect(column(row, 'validator_note').replace(/^'/, '')).toBe(fields.validator_note ?? '');
    expect(column(row, 'confidence')).toBe(episode.confidence);
  }
});

test('About offers the whole dataset as JSON and CSV through Browse, column by column', async ({
  page,
}) => {
  await page.goto('about/');
  await expect(page.getByRole('heading', { name: 'Download the data', level: 2 })).toBeVisible();
  // No file is promised to a reader whose browser cannot write it.
  await expect(page.getByText(/so this needs JavaScript/)).toBeVisible();
  await expect(page.locator('a[href*="downloads/"]')).toHaveCount(0);
  const dictionary = page.getByRole('table', { name: 'Columns of the CSV and JSON downloads' });
  await expect(dictionary).toBeVisible();
  const columns = (await dictionary.getByRole('rowheader').allTextContents()).map((t) => t.trim());
  expect(columns.length).toBeGreaterThan(25);
  const buildId = await page
    .locator('p', { hasText: 'this one is build' })
    .locator('code')
    .innerText();

  // The whole dataset: Browse's export of the view About links to.
  await page.getByRole('link', { name: 'Browse showing every episode' }).click();
  await expectResultCount(page, report.published);
  const json = JSON.parse((await download(page, 'JSON')).text) as ExportFile;
  expect(json.count).toBe(report.published);
  expect(json.view).toMatchObject({ query: '' });
  expect(json.view.filters).toEqual({});
  expect(json.atlas.build.id).toBe(buildId);
  expect(json.episodes.map((r) => r['id']).sort()).toEqual(episodes.map((e) => e.id).sort());
  // Every column of the file has its row in the dictionary, in order.
  expect(Object.keys(json.episodes[0] ?? {})).toEqual(columns);

  const csv = await download(page, 'CSV');
  const [header, ...rows] = parseCsv(csv.text);
  expect(header).toEqual(columns);
  expect(rows).toHaveLength(report.published);
  expect(rows.map((r) => r[0]).sort()).toEqual(episodes.map((e) => e.id).sort());
});
