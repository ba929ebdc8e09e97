/**
 * How Browse's first view arrives: the browse file is requested with the page (a preload the
 * island then uses, not a second download), and the room kept for the facets and results does
 * not leave a blank screen when JavaScript is off.
 */
import { test, expect } from '@playwright/test';
import { expectResultCount, results, validEpisodes } from './helpers.ts';

test('Browse downloads its browse file once, the one the page preloads', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (/\/data\/browse\.[0-9a-f]+\.json$/.test(request.url())) requests.push(request.url());
  });
  await page.goto('browse/');
  await expectResultCount(page, validEpisodes.length);
  const preload = page.locator('link[rel="preload"][as="fetch"]');
  await expect(preload).toHaveCount(1);
  const href = new URL((await preload.getAttribute('href')) ?? '', page.url()).href;
  expect(requests).toEqual([href]);
});

const LATER = /\/data\/browse-later\.[0-9a-f]+\.json$/;
const CHUNK = /\/data\/chunk-[0-9a-f]+\/\d+\.json\.gz$/;

test('the turn counts come in a second file, fetched once the first view is complete', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('browse/');
  await expectResultCount(page, validEpisodes.length);
  await expect.poll(() => requests.filter((url) => LATER.test(url)).length).toBe(1);
  const firstChunk = requests.findIndex((url) => CHUNK.test(url));
  expect(firstChunk).toBeGreaterThanOrEqual(0);
  expect(requests.findIndex((url) => LATER.test(url))).toBeGreaterThan(firstChunk);
});

test('a turns sort in the URL orders the first view by the turn counts', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('browse/?sort=turns&view=table');
  const most = Math.max(
    ...validEpisodes.map((e) => Math.max(e.userTurns ?? 0, 0) + Math.max(e.agentTurns ?? 0, 0)),
  );
  const firstTurns = page.locator('tbody tr').first().locator('td').last();
  await expect(firstTurns).toHaveText(String(most));
  // Fetched at once, not after the first view's text.
  const later = requests.findIndex((url) => LATER.test(url));
  const firstChunk = requests.findIndex((url) => CHUNK.test(url));
  expect(later).toBeGreaterThanOrEqual(0);
  expect(firstChunk === -1 || later < firstChunk).toBe(true);
});

/** The word most of the episodes' titles and descriptions share (at least six letters). */
function commonWord(): string {
  const counts = new Map<string, number>();
  for (const episode of validEpisodes) {
    const words = new Set(
      `${episode.name} ${episode.description}`.toLowerCase().match(/[a-z]{6,}/g),
    );
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

test('a query in the URL has its first cards’ text fetched by the search worker, and no text file twice', async ({
  page,
  context,
}) => {
  const all: string[] = [];
  // The context hears the search worker's requests as well as the page's.
  context.on('request', (request) => all.push(request.url()));
  const word = commonWord();
  await page.goto(`browse/?q=${word}`);
  const cards = results(page).getByRole('article');
  await expect(cards).toHaveCount(25);
  await expect(results(page).getByText(/^Loading/)).toHaveCount(0);
  await expect(cards.first().getByRole('link')).toBeVisible();
  const requested = all.filter((url) => CHUNK.test(url));
  expect(requested.length).toBeGreaterThan(0);
  // Nothing was fetched for the view without the query, which is never shown: the first text
  // requested comes after the search index.
  const firstSearch = all.findIndex((url) => /\/data\/search-[0-9a-f]+\//.test(url));
  expect(firstSearch).toBeGreaterThanOrEqual(0);
  expect(all.findIndex((url) => CHUNK.test(url))).toBeGreaterThan(firstSearch);
  // Nor by both the page and the worker.
  expect(new Set(requested).size).toBe(requested.length);
  // The page's own resource timings do not hold what its worker fetched.
  const byPage = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  const byWorker = requested.filter((url) => !byPage.includes(url));
  expect(byWorker.length).toBeGreaterThan(0);
  // The worker fetches the first ten cards' text; the page, the rest (the sample's 25 cards span
  // more chunks than its first ten do).
  expect(byWorker.length).toBeLessThan(requested.length);
});

test.describe('with scripts off', () => {
  test.use({ javaScriptEnabled: false });

  test('Browse shows its note and then the footer, with no blank room kept for results', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto('browse/');
    // Playwright's text queries skip <noscript> content; the note is found by its class.
    await expect(page.locator('.no-js-note')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeInViewport();
  });
});

interface Staged {
  cards: number;
  pending: number;
  newCardsPastTen: number;
  pendingTall: boolean;
}

test('a changed page renders its first ten new cards at once and the rest a task later, in held places', async ({
  page,
}) => {
  await page.goto('browse/');
  await expectResultCount(page, validEpisodes.length);
  const perPage = Math.min(25, validEpisodes.length);
  // Oldest first brings a page of mostly other episodes (the sample has more than 35).
  expect(validEpisodes.length).toBeGreaterThan(35);
  const list = page.locator('ol.result-list');
  await expect(list.locator(':scope > li > .result-card')).toHaveCount(perPage);
  // Every card's text in, so that the next change to the list's items is the new page's.
  await expect(list.locator('[aria-busy="true"]')).toHaveCount(0);
  // What the list holds when its items first change, before any later task has run.
  await list.evaluate((ol) => {
    const before = new Set(ol.children);
    const observer = new MutationObserver(() => {
      observer.disconnect();
      const items = [...ol.children] as HTMLElement[];
      const pending = items.filter((li) => li.classList.contains('result-pending'));
      const seen: Staged = {
        cards: items.filter((li) => li.querySelector('.result-card')).length,
        pending: pending.length,
        // Past the first ten, a card is one kept from the page before, never a new one.
        newCardsPastTen: items
          .slice(10)
          .filter((li) => li.querySelector('.result-card') && !before.has(li)).length,
        pendingTall: pending.every((li) => li.getBoundingClientRect().height > 50),
      };
      (window as unknown as { staged: Staged }).staged = seen;
    });
    observer.observe(ol, { childList: true });
  });
  await page.getByLabel('Sort by').selectOption('date-asc');
  const seen = (await page
    .waitForFunction(() => (window as unknown as { staged?: Staged }).staged)
    .then((handle) => handle.jsonValue())) as Staged;
  expect(seen.pending).toBeGreaterThan(0);
  expect(seen.cards + seen.pending).toBe(perPage);
  expect(seen.newCardsPastTen).toBe(0);
  expect(seen.pendingTall).toBe(true);
  // Then every place fills with its card, and none is left busy.
  await expect(list.locator(':scope > li > .result-card')).toHaveCount(perPage);
  await expect(list.locator('.result-pending')).toHaveCount(0);
  await expect(list.locator('[aria-busy="true"]')).toHaveCount(0);
});
