/**
 * What a developer comparing agents sees: the IDE-against-CLI comparison page and similar
 * episodes on an episode page. Expected facts come from the sample data (helpers.ts), never from
 * the page itself.
 */
import { test, expect } from '@playwright/test';
import type { Episode } from '../../src/lib/schema.ts';
import { sessionId } from '../../src/lib/ids.ts';
import {
  countValid,
  episodes,
  episodeById,
  expectParam,
  expectPath,
  expectResultCount,
  hasSymptom,
  pick,
} from './helpers.ts';

function labelsOf(episode: Episode): string[] {
  const a = episode.annotation;
  return a ? [...a.symptom.labels, ...a.cause.labels.map((c) => c.code)] : [];
}

test('an episode page lists up to five similar valid episodes of other sessions, without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const episode = pick('a VALID episode', (e) => e.validation.label === 'VALID');
  await page.goto(`episodes/${episode.id}/`);
  const section = page.getByRole('region', { name: 'Similar episodes' });
  const items = section.getByRole('listitem').filter({ has: page.getByRole('link') });
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    const href = (await items.nth(i).getByRole('link').first().getAttribute('href')) ?? '';
    const id = /episodes\/([^/]+)\/$/.exec(href)?.[1] ?? '';
    const other = episodeById(id);
    expect(other.validation.label).toBe('VALID');
    expect(sessionId(other.key)).not.toBe(sessionId(episode.key));
    const shared = labelsOf(other).filter((code) => labelsOf(episode).includes(code));
    expect(shared.length).toBeGreaterThan(0);
    // One line under the link says why it was suggested: the shared codes, named on this page.
    const line = items.nth(i).locator('small');
    await expect(line).toContainText('shares ');
    for (const code of shared) await expect(line).toContainText(code);
    await expect(line).toContainText(other.agent);
  }
  await context.close();
});

/** A share as the site prints it, worked out here: 41.9%. */
function percent(count: number, total: number): string {
  return `${((100 * count) / total).toFixed(1)}%`;
}

test('the overview links to a no-JavaScript IDE-against-CLI page with shares, intervals and counts from the data', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await page.getByRole('link', { name: /IDE and CLI compared/ }).click();
  await expectPath(page, baseURL, 'compare/ide-vs-cli/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('IDE agents against CLI agents');
  const form = page.getByRole('region', { name: 'Form' });
  // The chart: one linked dot per label and group.
  await expect(form.getByRole('group').getByRole('link')).toHaveCount(16);
  const ideTotal = countValid((e) => e.platform === 'IDE');
  const cliTotal = countValid((e) => e.platform === 'CLI');
  await expect(form.getByRole('columnheader', { name: `IDE (of ${ideTotal})` })).toBeVisible();
  const row = form.getByRole('row', { name: /S3 Developer Constraint Violation/ });
  const ide = countValid((e) => e.platform === 'IDE' && hasSymptom('S3')(e));
  const cli = countValid((e) => e.platform === 'CLI' && hasSymptom('S3')(e));
  await expect(row.getByRole('cell').nth(0)).toContainText(percent(ide, ideTotal));
  await expect(row.getByRole('cell').nth(1)).toContainText(percent(cli, cliTotal));
  // Holm-corrected p-value in the last column.
  await expect(row.getByRole('cell').last()).toContainText(/\d|< 0\.001/);
  for (const name of ['Cause', 'Cost', 'Damage locus', 'Resolution', 'Resolver'])
    await expect(page.getByRole('region', { name })).toBeVisible();
  await expect(page.locator('script')).toHaveCount(0);
  await context.close();
});

test('a count on the comparison page opens those episodes in Browse', async ({ page, baseURL }) => {
  await page.goto('compare/ide-vs-cli/');
  const row = page.getByRole('region', { name: 'Form' }).getByRole('row', { name: /S3 / });
  await row.getByRole('link', { name: /CLI episodes with S3/ }).click();
  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'symptom', 'S3');
  await expectParam(page, 'platform', 'CLI');
  await expectResultCount(
    page,
    countValid((e) => e.platform === 'CLI' && hasSymptom('S3')(e)),
  );
});

test('the form page gives the lift of each pair of forms, worked out from the data', async ({
  page,
}) => {
  await page.goto('taxonomy/form/');
  const section = page.getByRole('region', { name: 'Which forms occur together' });
  const n = countValid(() => true);
  const s3 = countValid(hasSymptom('S3'));
  const s5 = countValid(hasSymptom('S5'));
  const both = countValid((e) => hasSymptom('S3')(e) && hasSymptom('S5')(e));
  const lift = s3 && s5 ? (both * n) / (s3 * s5) : 0;
  const row = section.getByRole('row', { name: /^S3 Developer Constraint Violation/ });
  // Columns: S1 … S8 after the row header; S5 is the fifth.
  // The lift, then the number of episodes with both labels (whitespace between them is kept).
  await expect(row.getByRole('cell').nth(4)).toHaveText(
    new RegExp(`^\\s*${lift.toFixed(2).replace('.', '\\.')}\\s+${both}\\s*$`),
  );
});

test('a co-occurrence entry on a label page opens the intersection in Browse', async ({
  page,
  baseURL,
}) => {
  const hasCause = (code: string) => (e: Episode) =>
    !!e.annotation?.cause.labels.some((c) => c.code === code);
  const both = (e: Episode) => hasSymptom('S3')(e) && hasCause('C6')(e);
  await page.goto('taxonomy/form/s3/');
  const section = page.getByRole('region', { name: 'Co-occurs with' });
  await section
    .getByRole('link', { name: new RegExp(`^${countValid(both)} episodes with S3 and C6 `) })
    .click();
  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'symptom', 'S3');
  await expectParam(page, 'cause', 'C6');
  await expectResultCount(page, countValid(both));
});

test('trends give each form by month beside the paper, for all episodes or one platform, without JavaScript', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('trends/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trends');
  await expect(
    page.getByRole('paragraph').filter({ hasText: "The paper's reading" }),
  ).toContainText('S3 and S7 rise');
  const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(cards).toHaveCount(8);
  // Months with at least ten valid episodes, counted here: fewer than three leave no direction.
  const perMonth = new Map<string, number>();
  for (const e of episodes.filter((x) => x.validation.label === 'VALID'))
    perMonth.set(e.timestamp.slice(0, 7), (perMonth.get(e.timestamp.slice(0, 7)) ?? 0) + 1);
  const readable = [...perMonth.values()].filter((n) => n >= 10).length;
  if (readable < 3)
    await expect(cards.filter({ hasText: 'S3' }).getByRole('definition').first()).toHaveText(
      'too few months',
    );
  await page
    .getByRole('navigation', { name: 'Whose trends' })
    .getByRole('link', { name: 'CLI agents' })
    .click();
  await expectPath(page, baseURL, 'trends/cli/');
  await expect(page.getByText(/Each form's share of the/)).toContainText(
    `${countValid((e) => e.platform === 'CLI')} valid episodes of CLI agents`,
  );
  await expect(page.locator('script')).toHaveCount(0);
  await context.close();
});
