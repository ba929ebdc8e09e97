/**
 * What a developer choosing or taming an agent sees: the agent page's profile on every axis, its
 * valid episodes with rejected candidates apart, the compare view with groups of their own, and
 * trends of causes. Expected figures are worked out here from the sample (helpers.ts).
 */
import { test, expect, type Page } from '@playwright/test';
import type { Episode } from '../../src/lib/schema.ts';
import {
  countValid,
  episodes,
  expectParam,
  expectPath,
  expectResultCount,
  hasSymptom,
  invalidEpisodes,
  params,
} from './helpers.ts';

const AGENT = 'Claude Code';
const ofAgent = (e: Episode) => e.agent === AGENT;

/** A share as the site prints it: 41.9%. */
function percent(count: number, total: number): string {
  return `${(total ? (100 * count) / total : 0).toFixed(1)}%`;
}

const AXES = ['Form', 'Cause', 'Cost', 'Damage locus', 'Resolution', 'Resolver'];

test('an agent page profiles every axis beside the whole atlas, without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('agents/claude-code/');
  const profile = page.getByRole('region', { name: 'Profile' });
  for (const name of AXES) await expect(profile.getByRole('region', { name })).toBeVisible();
  const row = profile
    .getByRole('region', { name: 'Form' })
    .getByRole('row', { name: /S3 Developer Constraint Violation/ });
  const own = countValid((e) => ofAgent(e) && hasSymptom('S3')(e));
  const ownTotal = countValid(ofAgent);
  await expect(row.getByRole('cell').nth(0)).toContainText(percent(own, ownTotal));
  await expect(row.getByRole('cell').nth(0)).toContainText(`${own} of ${ownTotal}`);
  const all = countValid(hasSymptom('S3'));
  await expect(row.getByRole('cell').nth(1)).toContainText(
    percent(
      all,
      countValid(() => true),
    ),
  );
  // Damage locus is of the agent's damaging episodes, as in the paper.
  const damaging = countValid(
    (e) => ofAgent(e) && ['DS2', 'DS3'].includes(e.annotation?.outcome.severity ?? ''),
  );
  await expect(profile.getByRole('region', { name: 'Damage locus' })).toContainText(
    `Shares of damaging episodes (DS2 or DS3): ${AGENT} ${damaging},`,
  );
  await expect(
    page.getByRole('figure').filter({ hasText: `Episodes of ${AGENT} by month` }),
  ).toBeVisible();
  await expect(page.locator('script')).toHaveCount(0);
  await context.close();
});

test('an agent page lists its valid episodes; its rejected candidates have their own labelled page', async ({
  page,
  baseURL,
}) => {
  await page.goto('agents/claude-code/');
  const list = page.getByRole('region', { name: `Valid episodes of ${AGENT}` });
  const valid = countValid(ofAgent);
  await expect(list).toContainText(`${valid} episodes, newest first`);
  await expect(list.getByText('Rejected in validation')).toHaveCount(0);
  const rejected = invalidEpisodes.filter(ofAgent).length;
  expect(rejected).toBeGreaterThan(0);
  await page.getByRole('link', { name: `${rejected} rejected candidates` }).click();
  await expectPath(page, baseURL, 'agents/claude-code/rejected/');
  const apart = page.getByRole('region', { name: `Rejected candidates of ${AGENT}` });
  await expect(apart.getByText('Rejected in validation')).toHaveCount(rejected);
});

test('a count in an agent profile opens those episodes in Browse', async ({ page, baseURL }) => {
  await page.goto('agents/claude-code/');
  const row = page
    .getByRole('region', { name: 'Form' })
    .getByRole('row', { name: /S3 Developer Constraint Violation/ });
  await row.getByRole('link', { name: new RegExp(`${AGENT} episodes with S3`) }).click();
  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'agent', AGENT);
  await expectParam(page, 'symptom', 'S3');
  await expectResultCount(
    page,
    countValid((e) => ofAgent(e) && hasSymptom('S3')(e)),
  );
});

/** The compare view's group picker. */
function group(page: Page, n: number) {
  return page.getByRole('form', { name: 'Groups to compare' }).getByRole('group', {
    name: `Group ${n}`,
  });
}

test('the compare view compares the groups a reader picks, keeps them in the URL, and Back restores them', async ({
  page,
}) => {
  await page.goto('compare/');
  await expect(page.getByRole('heading', { name: 'IDE agents vs CLI agents' })).toBeVisible();
  await group(page, 1).getByRole('combobox', { name: 'Kind' }).selectOption('Agent');
  await group(page, 1).getByRole('combobox', { name: 'Agent' }).selectOption(AGENT);
  await expect(page.getByRole('heading', { name: `${AGENT} vs CLI agents` })).toBeVisible();
  expect(params(page).getAll('g')).toEqual([`agent:${AGENT}`, 'platform:CLI']);
  const form = page.getByRole('region', { name: 'Form' });
  const row = form.getByRole('row', { name: /S3 Developer Constraint Violation/ });
  const own = countValid((e) => ofAgent(e) && hasSymptom('S3')(e));
  const cli = countValid((e) => e.platform === 'CLI' && hasSymptom('S3')(e));
  await expect(row.getByRole('cell').nth(0)).toContainText(percent(own, countValid(ofAgent)));
  await expect(row.getByRole('cell').nth(1)).toContainText(
    percent(
      cli,
      countValid((e) => e.platform === 'CLI'),
    ),
  );
  await expect(form.getByRole('columnheader', { name: /Difference/ })).toBeVisible();

  await page.getByRole('button', { name: 'Add a group' }).click();
  await expect(group(page, 3)).toBeVisible();
  expect(params(page).getAll('g')).toHaveLength(3);
  // With three groups there is no single difference: a chi-square test per label instead.
  await expect(form.getByRole('columnheader', { name: /Difference/ })).toHaveCount(0);
  await expect(page.getByText(/chi-square test/)).toBeVisible();

  await page.goBack();
  await expect(group(page, 3)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `${AGENT} vs CLI agents` })).toBeVisible();
  // Reloading the address gives the same comparison.
  await page.reload();
  await expect(page.getByRole('heading', { name: `${AGENT} vs CLI agents` })).toBeVisible();
});

test('the compare view compares two date ranges and opens a count in Browse', async ({
  page,
  baseURL,
}) => {
  const dates = episodes.map((e) => e.timestamp.slice(0, 10)).sort();
  const mid = dates[Math.floor(dates.length / 2)] ?? '';
  const first = dates[0] ?? '';
  const last = dates[dates.length - 1] ?? '';
  await page.goto(`compare/?g=dates:${first}..${mid}&g=dates:${mid}..${last}`);
  const early = (e: Episode) =>
    e.timestamp.slice(0, 10) >= first && e.timestamp.slice(0, 10) <= mid;
  const form = page.getByRole('region', { name: 'Form' });
  const row = form.getByRole('row', { name: /S3 Developer Constraint Violation/ });
  await row.getByRole('link', { name: new RegExp(`${first} to ${mid} episodes with S3`) }).click();
  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'from', first);
  await expectParam(page, 'to', mid);
  await expectResultCount(
    page,
    countValid((e) => early(e) && hasSymptom('S3')(e)),
  );
});

test('compare and trends switch to the full corpus by links, and trends cover causes', async ({
  page,
  baseURL,
}) => {
  await page.goto('compare/ide-vs-cli/');
  await page
    .getByRole('navigation', { name: 'Data shown' })
    .getByRole('link', { name: /Full corpus/ })
    .click();
  await expectPath(page, baseURL, 'corpus/compare/ide-vs-cli/');
  await expect(page.getByRole('region', { name: 'Resolver' })).toBeVisible();
  // The corpus has no text: nothing on the page opens Browse.
  await expect(page.locator('main a[href*="browse/"]')).toHaveCount(0);

  await page.goto('trends/');
  await page
    .getByRole('navigation', { name: 'Which labels' })
    .getByRole('link', { name: 'Cause' })
    .click();
  await expectPath(page, baseURL, 'trends/cause/');
  await expect(
    page.getByRole('heading', { level: 3, name: /C6 Instruction-Following Failure/ }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Whose trends' })
    .getByRole('link', { name: 'CLI agents' })
    .click();
  await expectPath(page, baseURL, 'trends/cause/cli/');
  await expect(
    page.getByText(`${countValid((e) => e.platform === 'CLI')} valid episodes of CLI agents`),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Data shown' })
    .getByRole('link', { name: /Full corpus/ })
    .click();
  await expectPath(page, baseURL, 'corpus/trends/cause/cli/');
});
