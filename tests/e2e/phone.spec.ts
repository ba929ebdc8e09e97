/**
 * Every kind of page on a 360 px phone, light and dark: nothing may make the page wider than the
 * screen (a table too wide scrolls inside its own box or stacks its rows; pills and links wrap).
 */
import { test, expect, type Page } from '@playwright/test';
import { labelTitle } from '../../src/lib/taxonomy.ts';
import {
  countValid,
  expectResultCount,
  facetValue,
  hasSymptom,
  openBrowse,
  pick,
  resultsHeading,
  slug,
} from './helpers.ts';

const longest = pick('episode', () => true);

/** Page kinds, each with what to wait for before measuring. */
const PAGES: Array<{ name: string; path: string; ready?: (page: Page) => Promise<void> }> = [
  { name: 'overview', path: './' },
  {
    name: 'Browse list',
    path: 'browse/',
    ready: (page) => expect(resultsHeading(page)).toBeVisible(),
  },
  {
    name: 'Browse table',
    path: 'browse/?view=table',
    ready: (page) => expect(page.getByRole('table')).toBeVisible(),
  },
  { name: 'an episode', path: `episodes/${longest.id}/` },
  { name: 'taxonomy index', path: 'taxonomy/' },
  { name: 'an axis', path: 'taxonomy/form/' },
  { name: 'a label', path: 'taxonomy/form/s3/' },
  { name: 'agents index', path: 'agents/' },
  { name: 'an agent', path: `agents/${slug(longest.agent)}/` },
  {
    name: 'the compare view',
    path: 'compare/?g=agent:Claude+Code&g=agent:Codex&g=platform:IDE&g=source:swe',
    ready: (page) => expect(page.getByRole('region', { name: 'Resolver' })).toBeVisible(),
  },
  { name: 'a comparison', path: 'compare/ide-vs-cli/' },
  { name: 'the trends of causes', path: 'trends/cause/' },
  { name: 'about', path: 'about/' },
  { name: '404', path: 'no-such-page/' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`360 px, ${colorScheme} theme`, () => {
    test.use({ viewport: { width: 360, height: 740 }, colorScheme });
    for (const { name, path, ready } of PAGES) {
      test(`${name} is no wider than the screen`, async ({ page }) => {
        await page.goto(path);
        await ready?.(page);
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          // What sticks out of the page, not out of a box that scrolls or clips it.
          const clipped = (e: Element): boolean => {
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
              if (getComputedStyle(p).overflowX !== 'visible') return true;
            return false;
          };
          const wide = [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !clipped(e))
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
          return { width: document.documentElement.scrollWidth, wide };
        });
        expect(overflow.width, `sticking out: ${overflow.wide.join(', ')}`).toBe(360);
      });
    }
  });
}

test.describe('Browse on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the filters open as a sheet whose button shows the live count and leads back to the results', async ({
    page,
  }) => {
    await openBrowse(page);
    await page.getByRole('button', { name: 'Show filters' }).click();
    const sheet = page.getByRole('dialog', { name: 'Filters' });
    await expect(sheet).toBeVisible();
    const s3 = facetValue(page, 'Form (symptom)', labelTitle('S3'));
    await s3.scrollIntoViewIfNeeded();
    await s3.check();
    const count = countValid(hasSymptom('S3'));
    const show = sheet.getByRole('button', { name: `Show ${count} results` });
    // The count is in sight right beside the ticked box's screen, not thousands of pixels below.
    await expect(show).toBeInViewport();
    await show.click();
    await expect(sheet).toBeHidden();
    await expect(resultsHeading(page)).toBeFocused();
    await expect(resultsHeading(page)).toBeInViewport();
    await expectResultCount(page, count);
  });

  test('Escape closes the filter sheet and returns to its button', async ({ page }) => {
    await openBrowse(page);
    await page.getByRole('button', { name: 'Show filters' }).click();
    await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Filters' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Show filters' })).toBeFocused();
  });
});
