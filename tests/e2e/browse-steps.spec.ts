/**
 * Browse at every step: quick clicks, Back and Forward, returning from an episode, the keyboard,
 * the page title, a failed search and a browser without JavaScript. Expected counts come from
 * the sample data (helpers.ts).
 */
import { test, expect, type Page } from '@playwright/test';
import { labelName, labelTitle } from '../../src/lib/taxonomy.ts';
import {
  countValid,
  expectParam,
  expectResultCount,
  facetValue,
  hasSymptom,
  openBrowse,
  results,
  resultsHeading,
  validEpisodes,
} from './helpers.ts';

const FORM = 'Form (symptom)';

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search episodes' });
}

/** The centre of an element on screen, where a pointer would press it. */
async function centre(page: Page, label: string): Promise<{ x: number; y: number }> {
  const box = await facetValue(page, FORM, labelTitle(label)).boundingBox();
  if (!box) throw new Error(`${label} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('two quick clicks at fixed places tick the two values that were there', async ({ page }) => {
  await openBrowse(page);
  await facetValue(page, FORM, labelTitle('S8')).scrollIntoViewIfNeeded();
  const s5 = await centre(page, 'S5');
  const s2 = await centre(page, 'S2');
  await page.mouse.click(s5.x, s5.y);
  // Let the first click take effect fully before the second, as a slower reader's would.
  await expectParam(page, 'symptom', 'S5');
  await expect(resultsHeading(page)).toHaveText(/^\d+ episodes?$/);
  expect(await centre(page, 'S5')).toEqual(s5);
  await page.mouse.click(s2.x, s2.y);
  await expectParam(page, 'symptom', 'S5,S2');
  await expect(facetValue(page, FORM, labelTitle('S2'))).toBeChecked();
  await expectResultCount(page, countValid(hasSymptom('S5', 'S2')));
});

test('a click shows its results first and writes its history step a task later, one step per click', async ({
  page,
}) => {
  await openBrowse(page);
  const before = await page.evaluate(() => window.history.length);
  // Two clicks in one task: each renders at once, and each is a step of its own once written.
  const seen = await page.evaluate(
    (labels) => {
      const box = (label: string) =>
        [...document.querySelectorAll('fieldset.facet label')]
          .find((l) => l.querySelector('.facet-label')?.textContent === label)
          ?.querySelector('input');
      const heading = document.getElementById('browse-results-heading');
      const first = heading?.textContent;
      box(labels[0] ?? '')?.click();
      box(labels[1] ?? '')?.click();
      return new Promise<{ changed: boolean; search: string }>((resolve) => {
        // The render of the clicks comes in a microtask; the history write in a task after it.
        queueMicrotask(() => {
          queueMicrotask(() => {
            resolve({
              changed: heading?.textContent !== first,
              search: window.location.search,
            });
          });
        });
      });
    },
    [labelTitle('S5'), labelTitle('S2')],
  );
  expect(seen.changed).toBe(true);
  expect(seen.search).toBe('');
  await expectParam(page, 'symptom', 'S5,S2');
  expect(await page.evaluate(() => window.history.length)).toBe(before + 2);
  await expectResultCount(page, countValid(hasSymptom('S5', 'S2')));
  await page.goBack();
  await expectParam(page, 'symptom', 'S5');
  await expectResultCount(page, countValid(hasSymptom('S5')));
});

test('Back after typing a query returns to the view before the query', async ({ page }) => {
  await openBrowse(page);
  await facetValue(page, FORM, labelTitle('S3')).check();
  await expectParam(page, 'symptom', 'S3');
  // Typed letter by letter, as a person types: the first keystroke starts one history step.
  await searchBox(page).pressSequentially('docker', { delay: 60 });
  await expectParam(page, 'q', 'docker');
  await page.goBack();
  await expectParam(page, 'q', null);
  await expectParam(page, 'symptom', 'S3');
  await expect(searchBox(page)).toHaveValue('');
  await expect(facetValue(page, FORM, labelTitle('S3'))).toBeChecked();
  await expectResultCount(page, countValid(hasSymptom('S3')));
  await page.goForward();
  await expectParam(page, 'q', 'docker');
  await expect(searchBox(page)).toHaveValue('docker');
});

test('Back from an episode returns to the same place in the results, focused on that episode', async ({
  page,
}) => {
  expect(validEpisodes.length).toBeGreaterThan(25 + 10);
  await openBrowse(page, 'page=2');
  const links = results(page).getByRole('link');
  // A card becomes a link when its text chunk arrives, and chunks arrive one by one: wait for
  // every card of the page, or "the last link" may be another episode by the time it is clicked.
  await expect(links).toHaveCount(Math.min(25, validEpisodes.length - 25));
  const last = links.last();
  const title = (await last.textContent()) ?? '';
  await last.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(500);
  await last.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await page.goBack();
  await expectParam(page, 'page', '2');
  const opened = results(page).getByRole('link', { name: title, exact: true });
  await expect(opened).toBeFocused();
  await expect(opened).toBeInViewport();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 200);
});

test('the page title names the view', async ({ page }) => {
  await openBrowse(page);
  await expect(page).toHaveTitle('Browse episodes · Coding Agent Misalignment Atlas');
  await facetValue(page, FORM, labelTitle('S3')).check();
  const agent = page
    .getByRole('group', { name: /^Agent/ })
    .getByRole('checkbox')
    .first();
  const agentName = ((await agent.getAttribute('aria-label')) ??
    (await agent.evaluate(
      (e) => e.closest('label')?.querySelector('.facet-label')?.textContent,
    ))) as string;
  await agent.check();
  await expect(page).toHaveTitle(
    `S3 · ${agentName} — Browse episodes · Coding Agent Misalignment Atlas`,
  );
  await page.goBack();
  await expect(page).toHaveTitle('S3 — Browse episodes · Coding Agent Misalignment Atlas');
});

test('skip links lead from the top of the page to the results and to the filters', async ({
  page,
}) => {
  await openBrowse(page);
  await page.keyboard.press('Tab');
  let presses = 1;
  const skip = page.getByRole('link', { name: 'Skip to results' });
  while (!(await skip.evaluate((e) => e === document.activeElement)) && presses < 20) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await page.keyboard.press('Tab');
  await expect(results(page).getByRole('link').first()).toBeFocused();
  expect(presses + 2).toBeLessThanOrEqual(15);
  expect(new URL(page.url()).hash).toBe('');

  await page.keyboard.press('Shift+Tab');
  await page.getByRole('link', { name: 'Skip to filters' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox').first()).toBeFocused();
});

test('a search whose files fail to load says so and does not pretend to apply the query', async ({
  page,
}) => {
  await page.route(/\/data\/search-[^/]+\//, (route) => route.abort('internetdisconnected'));
  await openBrowse(page, 'q=docker');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Search is unavailable: its index could not be downloaded');
  await expect(alert).toContainText('not searched for “docker”');
  await expect(alert).not.toContainText(/TypeError|Error:/);
  await expect(
    page.getByRole('button', { name: /Remove filter Search: “docker” \(not applied\)/ }),
  ).toBeVisible();
  await expectResultCount(page, validEpisodes.length);

  await page.unroute(/\/data\/search-[^/]+\//);
  await alert.getByRole('button', { name: 'Try the search again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove filter Search: “docker”' })).toBeVisible();
});

// Playwright's text and role queries skip <noscript> content, so these read the rendered text.
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Browse says what works instead of loading forever', async ({ page }) => {
    await page.goto('browse/');
    const main = await page.getByRole('main').innerText();
    expect(main).not.toContain('Loading');
    expect(main).toContain('Browse needs JavaScript, which is off in this browser.');
    const note = page.locator('.no-js-note');
    await expect(note).toBeVisible();
    await expect(note.locator('a')).toHaveCount(2);
    await note.locator('a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taxonomy');
  });

  for (const [name, path] of [
    ['the overview', './'],
    ['the 404 page', 'no-such-page/'],
  ] as const) {
    test(`${name} offers the taxonomy instead of a search form that cannot work`, async ({
      page,
    }) => {
      await page.goto(path);
      await expect(page.locator('form[role="search"]')).toBeHidden();
      expect(await page.getByRole('main').innerText()).toContain('Search needs JavaScript');
      await expect(page.locator('.no-js-note a').first()).toBeVisible();
    });
  }
});

test('the table names every code it shows, in a key under it and on hover', async ({ page }) => {
  await openBrowse(page, 'view=table');
  const table = results(page).getByRole('table');
  await expect(table).toBeVisible();
  const codes = [...new Set(await table.locator('.pill .code').allTextContents())];
  expect(codes.length).toBeGreaterThan(5);
  const key = results(page)
    .getByRole('listitem')
    .filter({ hasText: /^[A-Z]{1,2}\d / });
  const shown = (await key.allInnerTexts()).map((t) => t.trim());
  expect(shown.sort()).toEqual(codes.map((code) => `${code} ${labelName(code)}`).sort());
  await expect(key.first()).toBeVisible();
  const pill = table.locator('.pill').first();
  const code = (await pill.locator('.code').textContent()) ?? '';
  await expect(pill).toHaveAttribute('title', labelName(code));
});
