/**
 * How Browse's first view arrives: the browse file is requested with the page (a preload the
 * island then uses, not a second download), and the room kept for the facets and results does
 * not leave a blank screen when JavaScript is off.
 */
import { test, expect } from '@playwright/test';
import { expectResultCount, validEpisodes } from './helpers.ts';

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
