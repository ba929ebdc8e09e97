/**
 * Browse as a reader uses it: search, facets (OR within a facet, AND across facets) with their
 * counts, the shareable URL and Back, table sorting, pagination, and CSV/JSON export. Every
 * expected count and order is computed from the sample data (see helpers.ts).
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Download, type Locator, type Page } from '@playwright/test';
import { labelTitle, SEVERITY_RANK, SYMPTOMS, type SeverityCode } from '../../src/lib/taxonomy.ts';
import {
  countValid,
  escape,
  evidenceOnlyWord,
  expectFacetCount,
  expectParam,
  expectPath,
  expectResultCount,
  facet,
  facetValue,
  hasSymptom,
  invalidEpisodes,
  openBrowse,
  results,
  resultsHeading,
  severityOf,
  validEpisodes,
} from './helpers.ts';
import { parseCsv } from '../../src/lib/export.ts';

const PAGE_SIZE = 25;
const FORM = 'Form (symptom)';
const S3 = labelTitle('S3');
const S4 = labelTitle('S4');
const CLAUDE = 'Claude Code';

/** The columns of an export, in file order: the contract a spreadsheet user relies on. */
const EXPORT_HEADER = [
  'id',
  'url',
  'title',
  'date',
  'agent',
  'platform',
  'source',
  'alignment_goal',
  'confidence',
  'validation',
  'category',
  'validator_note',
  'symptoms',
  's8_descriptor',
  'symptom_reasoning',
  'causes',
  'cause_reasoning',
  'tiers',
  'cause_tiers',
  'severity',
  'locus',
  'outcome_reasoning',
  'status',
  'resolver',
  'resolution_reasoning',
  'user_turns',
  'agent_turns',
  'licence',
  'description',
  'evidence',
];

function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search episodes' });
}

async function showAllAgents(page: Page): Promise<void> {
  await facet(page, 'Agent')
    .getByRole('button', { name: /^Show all \d+ Agent values$/ })
    .click();
}

/** Waits until every visible result has its text (titles load in chunks after the counts). */
async function expectLoaded(page: Page): Promise<void> {
  await expect(results(page).getByText(/^Loading/)).toHaveCount(0);
}

/** The titles of the visible results, in order, in either view. */
async function visibleTitles(page: Page): Promise<string[]> {
  await expectLoaded(page);
  // Result titles are the only links among the results.
  return (await results(page).getByRole('link').allTextContents()).map((t) => t.trim());
}

/** The text of one column of the results table, row by row. */
async function column(page: Page, header: string): Promise<string[]> {
  const table = results(page).getByRole('table');
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `the table has a ${header} column`).toBeGreaterThanOrEqual(0);
  return table
    .getByRole('rowgroup')
    .nth(1)
    .getByRole('row')
    .evaluateAll(
      (rows, i) => rows.map((row) => (row as HTMLTableRowElement).cells[i]?.innerText ?? ''),
      index,
    );
}

async function download(page: Page, format: 'CSV' | 'JSON'): Promise<[Download, string]> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download results as ${format}` }).click(),
  ]);
  return [file, readFileSync(await file.path(), 'utf8')];
}

test('search finds an episode by a word that only its evidence holds', async ({ page }) => {
  const { word, episode } = evidenceOnlyWord();
  expect(episode.name.toLowerCase()).not.toContain(word);
  await openBrowse(page);
  await searchBox(page).fill(word);
  await searchBox(page).press('Enter');

  await expectParam(page, 'q', word);
  await expect(page.getByRole('button', { name: `Remove filter Search: “${word}”` })).toBeVisible();
  const card = results(page)
    .getByRole('article')
    .filter({ has: page.getByRole('link', { name: episode.name, exact: true }) });
  await expect(card).toBeVisible();

  // The card shows the matching passage, names the field and marks the word.
  const quote = episode.evidence.find((q) => q.quote.toLowerCase().includes(word));
  if (!quote) throw new Error(`no quote of ${episode.id} holds ${word}`);
  const passage = card.locator('.result-passage');
  await expect(passage).toContainText(`Evidence quote (${quote.turn}):`);
  await expect(passage.locator('mark').first()).toHaveText(new RegExp(`^${escape(word)}`, 'i'));
  await expect(card).not.toContainText('Also matches in evidence quotes');

  // Its link carries the match to the episode page as a text fragment of the quote's own words.
  const href =
    (await card.getByRole('link', { name: episode.name, exact: true }).getAttribute('href')) ?? '';
  const [path, fragment] = href.split('#:~:text=');
  expect(path?.endsWith(`/episodes/${episode.id}/`)).toBe(true);
  const phrase = decodeURIComponent(fragment ?? '');
  expect(phrase.toLowerCase()).toContain(word);
  expect(quote.quote).toContain(phrase);
  await card.getByRole('link', { name: episode.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(episode.name);
  await expect(page.getByRole('blockquote').filter({ hasText: phrase })).toHaveCount(1);
});

test('swapped letters are forgiven, even in a word’s first three, and say so', async ({ page }) => {
  const { word, episode } = evidenceOnlyWord();
  // "accounts" → "acocunts": the swap moves the word out of its own index shard.
  const typed = `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
  await openBrowse(page);
  await searchBox(page).fill(typed);
  await searchBox(page).press('Enter');
  await expectParam(page, 'q', typed);
  await expect(
    page.getByText(`No episode matches “${typed}”; showing results for ${word}.`),
  ).toBeVisible();
  await expect(results(page).getByRole('link', { name: episode.name, exact: true })).toBeVisible();
});

test('a misspelt word that finds nothing offers “Did you mean” from the index’s words', async ({
  page,
}) => {
  const { word, episode } = evidenceOnlyWord();
  const typed = `x${word.slice(1)}`;
  await openBrowse(page);
  await searchBox(page).fill(typed);
  await searchBox(page).press('Enter');
  await expectResultCount(page, 0);
  await page.getByRole('button', { name: word, exact: true }).click();
  await expectParam(page, 'q', word);
  await expect(results(page).getByRole('link', { name: episode.name, exact: true })).toBeVisible();
});

test('search puts the episode first when the query is its id or its release key', async ({
  page,
}) => {
  const episode = validEpisodes[validEpisodes.length - 1] ?? validEpisodes[0];
  if (!episode) throw new Error('the sample has no valid episode');
  const key = [
    episode.key.source,
    episode.key.repository,
    episode.key.session,
    episode.key.misalignment,
  ];
  for (const query of [episode.id, key.join('/'), key.slice(1).join('/')]) {
    await openBrowse(page);
    await searchBox(page).fill(query);
    await searchBox(page).press('Enter');
    await expectParam(page, 'q', query);
    await expect(results(page).getByRole('article').first().getByRole('heading')).toHaveText(
      episode.name,
    );
  }
});

test('facet counts beside each checkbox match the data', async ({ page }) => {
  await openBrowse(page);
  await expectResultCount(page, validEpisodes.length);
  await expectFacetCount(page, 'Validation', 'Valid', validEpisodes.length);
  await expectFacetCount(page, 'Validation', 'Invalid', invalidEpisodes.length);
  for (const { code } of SYMPTOMS)
    await expectFacetCount(page, FORM, labelTitle(code), countValid(hasSymptom(code)));
  for (const platform of ['IDE', 'CLI'])
    await expectFacetCount(
      page,
      'Platform',
      platform,
      countValid((e) => e.platform === platform),
    );
  await showAllAgents(page);
  for (const agent of new Set(validEpisodes.map((e) => e.agent)))
    await expectFacetCount(
      page,
      'Agent',
      agent,
      countValid((e) => e.agent === agent),
    );
});

test('with a form selected, the other facets count within it and the form keeps its counts', async ({
  page,
}) => {
  await openBrowse(page, 'symptom=S3');
  await expectResultCount(page, countValid(hasSymptom('S3')));
  await showAllAgents(page);
  for (const agent of new Set(validEpisodes.map((e) => e.agent)))
    await expectFacetCount(
      page,
      'Agent',
      agent,
      countValid((e) => e.agent === agent && hasSymptom('S3')(e)),
    );
  // Within the selected facet, each value counts as if it were chosen instead: OR semantics.
  for (const { code } of SYMPTOMS)
    await expectFacetCount(page, FORM, labelTitle(code), countValid(hasSymptom(code)));
});

test('values within a facet widen the result (OR) and chips remove them', async ({ page }) => {
  await openBrowse(page);
  await facetValue(page, FORM, S3).check();
  await expectParam(page, 'symptom', 'S3');
  await expectResultCount(page, countValid(hasSymptom('S3')));

  await facetValue(page, FORM, S4).check();
  await expectParam(page, 'symptom', 'S3,S4');
  await expectResultCount(page, countValid(hasSymptom('S3', 'S4')));
  await expect(facet(page, FORM)).toHaveAccessibleName(`${FORM} (2 selected)`);

  await page.getByRole('button', { name: `Remove filter ${FORM}: ${S3}` }).click();
  await expectParam(page, 'symptom', 'S4');
  await expectResultCount(page, countValid(hasSymptom('S4')));
  await expect(facetValue(page, FORM, S3)).not.toBeChecked();
  await expect(facetValue(page, FORM, S4)).toBeChecked();
});

test('filters on different facets narrow the result (AND)', async ({ page }) => {
  const expected = validEpisodes.filter((e) => hasSymptom('S3')(e) && e.agent === CLAUDE);
  expect(expected.length).toBeLessThanOrEqual(PAGE_SIZE);
  await openBrowse(page);
  await facetValue(page, FORM, S3).check();
  await showAllAgents(page);
  await facetValue(page, 'Agent', CLAUDE).check();

  await expectParam(page, 'symptom', 'S3');
  await expectParam(page, 'agent', CLAUDE);
  await expectResultCount(page, expected.length);
  expect((await visibleTitles(page)).sort()).toEqual(expected.map((e) => e.name).sort());

  await facetValue(page, FORM, S3).uncheck();
  await expectResultCount(
    page,
    countValid((e) => e.agent === CLAUDE),
  );
});

test('a Browse URL reopens the same view in a new page, and Back steps through the changes', async ({
  page,
  context,
  baseURL,
}) => {
  await openBrowse(page);
  await searchBox(page).fill('developer');
  await searchBox(page).press('Enter');
  await expect(page).toHaveURL(/[?&]q=developer/);
  await facetValue(page, FORM, S3).check();
  await facetValue(page, 'Platform', 'CLI').check();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Table' }).click();
  await results(page).getByRole('button', { name: 'Severity' }).click();
  await expectParam(page, 'sort', 'severity');

  const shared = new URL(page.url());
  expect(Object.fromEntries(shared.searchParams)).toEqual({
    q: 'developer',
    symptom: 'S3',
    platform: 'CLI',
    sort: 'severity',
    view: 'table',
  });
  const heading = await resultsHeading(page).textContent();
  const titles = await visibleTitles(page);
  expect(titles.length).toBeGreaterThan(0);

  const other = await context.newPage();
  await other.goto(shared.href);
  await expectPath(other, baseURL, 'browse/');
  await expect(resultsHeading(other)).toHaveText(heading ?? '');
  await expect(searchBox(other)).toHaveValue('developer');
  await expect(facetValue(other, FORM, S3)).toBeChecked();
  await expect(facetValue(other, 'Platform', 'CLI')).toBeChecked();
  await expect(other.getByRole('button', { name: 'Table' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(other.getByRole('columnheader', { name: 'Severity' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  expect(await visibleTitles(other)).toEqual(titles);
  await other.close();

  await page.goBack();
  await expectParam(page, 'sort', null);
  await expect(page.getByRole('columnheader', { name: 'Severity' })).not.toHaveAttribute(
    'aria-sort',
  );
  await page.goBack();
  await expectParam(page, 'view', null);
  await expect(page.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expectParam(page, 'platform', null);
  await expect(facetValue(page, 'Platform', 'CLI')).not.toBeChecked();
  await expect(facetValue(page, FORM, S3)).toBeChecked();
  await page.goBack();
  await expect(facetValue(page, FORM, S3)).not.toBeChecked();
  await expect(searchBox(page)).toHaveValue('developer');
  await expectParam(page, 'q', 'developer');
});

test('the table sorts by date both ways and by severity', async ({ page }) => {
  const dates = validEpisodes.map((e) => e.timestamp.slice(0, 10)).sort();
  // Ranked by the taxonomy's severity order (unobservable below no damage), ties kept in order.
  const severities = validEpisodes
    .map((e) => severityOf(e) ?? '')
    .sort((a, b) => SEVERITY_RANK[a as SeverityCode] - SEVERITY_RANK[b as SeverityCode]);
  await openBrowse(page, 'view=table');
  const header = (name: string) => results(page).getByRole('columnheader', { name });

  // Newest first is the default; the Date header turns it round.
  await expect(header('Date')).toHaveAttribute('aria-sort', 'descending');
  expect(await column(page, 'Date')).toEqual([...dates].reverse().slice(0, PAGE_SIZE));
  await results(page).getByRole('button', { name: 'Date' }).click();
  await expectParam(page, 'sort', 'date-asc');
  await expect(header('Date')).toHaveAttribute('aria-sort', 'ascending');
  expect(await column(page, 'Date')).toEqual(dates.slice(0, PAGE_SIZE));
  await results(page).getByRole('button', { name: 'Date' }).click();
  await expect(header('Date')).toHaveAttribute('aria-sort', 'descending');
  expect(await column(page, 'Date')).toEqual([...dates].reverse().slice(0, PAGE_SIZE));

  // The first click puts the most severe first (hard-to-reverse damage; unobservable last).
  await results(page).getByRole('button', { name: 'Severity' }).click();
  await expectParam(page, 'sort', 'severity');
  await expect(header('Severity')).toHaveAttribute('aria-sort', 'descending');
  const code = (cell: string) => /DS\d/.exec(cell)?.[0] ?? cell;
  const mostSevereFirst = [...severities].sort(
    (a, b) => SEVERITY_RANK[b as SeverityCode] - SEVERITY_RANK[a as SeverityCode],
  );
  expect(mostSevereFirst[0]).toBe('DS3');
  expect((await column(page, 'Severity')).map(code)).toEqual(mostSevereFirst.slice(0, PAGE_SIZE));
  await results(page).getByRole('button', { name: 'Severity' }).click();
  await expect(header('Severity')).toHaveAttribute('aria-sort', 'ascending');
  expect((await column(page, 'Severity')).map(code)).toEqual(severities.slice(0, PAGE_SIZE));
});

test('pages of results have their own URL and Back returns to the first', async ({ page }) => {
  const pages = Math.ceil(validEpisodes.length / PAGE_SIZE);
  expect(pages).toBeGreaterThan(1);
  await openBrowse(page);
  await expect(page.getByText(`Showing 1–${PAGE_SIZE} of ${validEpisodes.length}`)).toBeVisible();
  const first = await visibleTitles(page);
  expect(first).toHaveLength(PAGE_SIZE);

  await page
    .getByRole('navigation', { name: 'Result pages' })
    .getByRole('button', { name: /Next/ })
    .click();
  await expectParam(page, 'page', '2');
  const second = await visibleTitles(page);
  expect(second).toHaveLength(Math.min(PAGE_SIZE, validEpisodes.length - PAGE_SIZE));
  expect(new Set([...first, ...second]).size).toBe(first.length + second.length);

  await page.goBack();
  await expectParam(page, 'page', null);
  expect(await visibleTitles(page)).toEqual(first);
});

test('CSV export holds the whole result set, in result order, under the documented header', async ({
  page,
  baseURL,
}) => {
  await openBrowse(page);
  const shown = await visibleTitles(page);
  const [file, text] = await download(page, 'CSV');
  expect(file.suggestedFilename()).toBe('atlas_all-valid.csv');
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toHaveText(
    `Downloaded ${validEpisodes.length} episodes as CSV.`,
  );

  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual(EXPORT_HEADER);
  expect(rows).toHaveLength(validEpisodes.length);
  const records = rows.map((row) => Object.fromEntries(EXPORT_HEADER.map((c, i) => [c, row[i]])));
  expect(records.map((r) => r['id']).sort()).toEqual(validEpisodes.map((e) => e.id).sort());
  // The first rows are the first page of results, in the same order.
  expect(records.slice(0, shown.length).map((r) => r['title'])).toEqual(shown);

  const base = new URL(baseURL ?? '/').pathname;
  for (const record of records) {
    const episode = validEpisodes.find((e) => e.id === record['id']);
    expect(record['url']).toMatch(new RegExp(`${escape(`${base}episodes/${record['id']}/`)}$`));
    expect(record).toMatchObject({
      title: episode?.name,
      date: episode?.timestamp.slice(0, 10),
      agent: episode?.agent,
      validation: 'VALID',
      severity: episode?.annotation?.outcome.severity,
      licence: episode?.licence,
    });
    expect(record['symptoms']?.split(';').sort()).toEqual(
      [...(episode?.annotation?.symptom.labels ?? [])].sort(),
    );
  }
});

test('JSON export holds exactly the filtered episodes', async ({ page }) => {
  const expected = validEpisodes.filter((e) => hasSymptom('S3')(e) && e.agent === CLAUDE);
  await openBrowse(page, `symptom=S3&agent=${encodeURIComponent(CLAUDE)}`);
  await expectResultCount(page, expected.length);
  const [file, text] = await download(page, 'JSON');
  expect(file.suggestedFilename()).toBe('atlas_symptom-S3_agent-Claude-Code.json');

  const records = (JSON.parse(text) as { episodes: Array<Record<string, unknown>> }).episodes;
  expect(records).toHaveLength(expected.length);
  expect(records.map((r) => r['id']).sort()).toEqual(expected.map((e) => e.id).sort());
  for (const record of records) {
    expect(Object.keys(record)).toEqual(EXPORT_HEADER);
    const episode = expected.find((e) => e.id === record['id']);
    expect(record).toMatchObject({
      title: episode?.name,
      description: episode?.description,
      agent: CLAUDE,
      user_turns: episode?.userTurns,
      agent_turns: episode?.agentTurns,
    });
    expect(record['symptoms']).toContain('S3');
  }
});
