/**
 * Definitions and method as a reader meets them: every label page says how to apply the label
 * and shows an example that carries it; /method/ gives the paper's pipeline with its figures,
 * links to the paper and the replication repository, and defines the other labels.
 */
import { test, expect, type Locator, type Page } from '@playwright/test';
import type { Episode } from '../../src/lib/schema.ts';
import { episodeById, expectPath } from './helpers.ts';

/** The episode an "Example" link of a guide leads to. */
async function example(guide: Locator): Promise<Episode> {
  const href = (await guide.getByRole('link').last().getAttribute('href')) ?? '';
  const id = /\/episodes\/([^/]+)\/$/.exec(href)?.[1] ?? '';
  return episodeById(id);
}

function guideAt(page: Page): Locator {
  return page.locator('dl.label-guide').first();
}

test('a label page says what counts, what does not, its neighbour and gives an example', async ({
  page,
}) => {
  await page.goto('taxonomy/form/s2/');
  const guide = guideAt(page);
  await expect(guide.getByRole('term')).toHaveText([
    'Counts',
    'Does not count',
    'Not to be confused with',
    'Example',
  ]);
  await expect(guide).toContainText('S2 versus S4');
  const episode = await example(guide);
  expect(episode.annotation?.symptom.labels).toContain('S2');

  await page.goto('taxonomy/form/s7/');
  await expect(guideAt(page)).toContainText('prediction');
});

test('a validation category page defines it and shows a rejected candidate', async ({ page }) => {
  await page.goto('taxonomy/validation/');
  await page
    .getByRole('link', { name: /Invisible Agent Action/ })
    .first()
    .click();
  const guide = guideAt(page);
  await expect(guide.getByRole('term').first()).toHaveText('Counts');
  const episode = await example(guide);
  expect(episode.validation.label).toBe('INVALID');
  expect(episode.validation.category).toBe('invisible_agent_action');
});

test('the method page gives the pipeline with the paper’s figures and defines the other labels', async ({
  page,
  baseURL,
}) => {
  await page.goto('');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Method' }).click();
  await expectPath(page, baseURL, 'method/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Method');
  for (const heading of [
    '1. Sessions',
    '2. Extraction',
    '3. Validation',
    '4. Annotation',
    '5. What the release leaves out',
    '6. What the atlas does',
  ])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  // Figures as the paper prints them (../shared/paper-figures.md).
  const main = page.getByRole('main');
  for (const figure of ['20,574', '1,639', '29,896', '16,118 candidates (53.9%)', '0.93', '42.3%'])
    await expect(main).toContainText(figure);
  await expect(page.getByRole('link', { name: 'the paper' })).toHaveAttribute(
    'href',
    'https://arxiv.org/abs/2605.29442',
  );
  await expect(page.getByRole('link', { name: 'replication repository' })).toHaveAttribute(
    'href',
    'https://github.com/ND-SaNDwichLAB/coding-agent-misalignment',
  );

  const checks: Array<[string, string, (e: Episode) => boolean]> = [
    ['Alignment goal', 'Intention', (e) => e.alignmentGoal === 'intention'],
    ['Confidence', 'High', (e) => e.confidence === 'high'],
    [
      'Evidence tier',
      'Contextual',
      (e) => !!e.annotation?.cause.labels.some((c) => c.tier === 'contextual'),
    ],
  ];
  for (const [group, label, carries] of checks) {
    const section = page.getByRole('region', { name: group });
    const heading = section.getByRole('heading', { level: 4, name: label, exact: true });
    await expect(heading).toBeVisible();
    const guide = section
      .locator('h4', { hasText: label })
      .locator('xpath=following-sibling::dl[1]');
    expect(carries(await example(guide)), `${group}: ${label}`).toBe(true);
  }
});
