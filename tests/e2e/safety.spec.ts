import { test, expect, type Page } from '@playwright/test';
import { injected, QUERY_PAYLOADS, watch, type Watch } from './payloads.ts';

/**
 * Text from the chats and from the address bar is hostile. On the sample site: HTML quoted in
 * episodes, payloads in Browse's URL parameters and typed into the search boxes must stay text in
 * every view. (The hostile fixtures get the same checks in tests/integration/hostile-browser.)
 */

/** Sample episodes whose quotes hold HTML, among them a `<script>` block. */
const HTML_EPISODES = [
  'episodes/specstory-1000203391-s002-m001/',
  'episodes/specstory-1000203391-s005-m001/',
  'episodes/specstory-1000090305-s003-m001/',
  'episodes/specstory-1000274001-s002-m002/',
];

let w: Watch;

test.beforeEach(({ page }) => {
  w = watch(page);
});

async function expectInert(page: Page, what = ''): Promise<void> {
  expect(await injected(page), what).toEqual([]);
  expect(w.events, what).toEqual([]);
}

/** Waits until Browse has loaded its data and shows a result count. */
async function browseReady(page: Page): Promise<void> {
  await expect(page.getByRole('searchbox', { name: /search/i })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /\d+ episodes?$/ })).toBeVisible();
}

test('an episode page shows a quoted <script> block as text', async ({ page }) => {
  await page.goto('episodes/specstory-1000203391-s002-m001/');
  await expect(page.getByText('<script defer data-domain="widget.example.org"')).toBeVisible();
  await expect(page.getByText('window.plausible = window.plausible')).toBeVisible();
  await expectInert(page);
});

test('episode pages with HTML in their quotes run nothing', async ({ page }) => {
  for (const path of HTML_EPISODES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectInert(page, path);
  }
});

test('payloads in every Browse URL parameter stay text', async ({ page }) => {
  for (const payload of QUERY_PAYLOADS) {
    const q = encodeURIComponent(payload);
    await page.goto(
      `browse/?q=${q}&symptom=${q}&cause=S3,${q}&agent=${q}&sort=${q}&view=${q}&page=${q}&from=${q}&to=${q}`,
    );
    await expect(page.getByRole('searchbox', { name: /search/i })).toHaveValue(payload);
    await page.waitForLoadState('networkidle');
    await expectInert(page, payload);
  }
});

test('a payload in the URL of the table view stays text', async ({ page }) => {
  const q = encodeURIComponent(QUERY_PAYLOADS[0] ?? '');
  await page.goto(`browse/?view=table&validation=all&agent=${q}`);
  await page.waitForLoadState('networkidle');
  await expectInert(page);
});

test('payloads typed into Browse search stay text in list and table views', async ({ page }) => {
  await page.goto('browse/?validation=all');
  await browseReady(page);
  const box = page.getByRole('searchbox', { name: /search/i });
  for (const payload of QUERY_PAYLOADS) {
    await box.fill(payload);
    await box.press('Enter');
    await expect(page).toHaveURL(/[?&]q=/);
    await page.waitForLoadState('networkidle');
    await expectInert(page, `list: ${payload}`);
    await page.getByRole('button', { name: 'Table' }).click();
    await page.waitForLoadState('networkidle');
    await expectInert(page, `table: ${payload}`);
    await page.getByRole('button', { name: 'List' }).click();
  }
});

test('search highlights mark matches without turning them into markup', async ({ page }) => {
  await page.goto('browse/?validation=all');
  await browseReady(page);
  const box = page.getByRole('searchbox', { name: /search/i });
  for (const term of ['script', 'inline script', 'tooltip', 'navbar']) {
    await box.fill(term);
    await box.press('Enter');
    await expect(page.locator('mark').first()).toBeVisible();
    await expectInert(page, term);
    await page.getByRole('button', { name: 'Table' }).click();
    await expect(page.getByRole('table').locator('mark').first()).toBeVisible();
    await expectInert(page, `table: ${term}`);
    await page.getByRole('button', { name: 'List' }).click();
  }
});

test('a payload typed on the overview reaches Browse as text', async ({ page }) => {
  await page.goto('./');
  const payload = QUERY_PAYLOADS[1] ?? '';
  await page.getByRole('searchbox', { name: /search/i }).fill(payload);
  await page.getByRole('searchbox', { name: /search/i }).press('Enter');
  await expect(page).toHaveURL(/\/browse\/\?q=/);
  await expect(page.getByRole('searchbox', { name: /search/i })).toHaveValue(payload);
  await page.waitForLoadState('networkidle');
  await expectInert(page);
});

test('overview charts, taxonomy and agent pages render no injected element', async ({ page }) => {
  for (const path of [
    './',
    'taxonomy/',
    'taxonomy/form/s3/',
    'agents/',
    'agents/claude-code/',
    'about/',
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectInert(page, path);
  }
  await page.goto('./');
  // Chart labels are text in SVG: none of them may carry markup.
  const labels = await page.locator('svg text').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.filter((l) => /<[a-z/]/i.test(l))).toEqual([]);
});

test('a payload in an unknown address shows the 404 page and runs nothing', async ({ page }) => {
  const response = await page.goto(
    `episodes/${encodeURIComponent('<script>window.__pwned=1</script>')}/?q=${encodeURIComponent(QUERY_PAYLOADS[0] ?? '')}`,
  );
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect(await injected(page)).toEqual([]);
  // The 404 response itself is expected; nothing else may fail.
  expect(w.events.filter((e) => !/\b404\b/.test(e))).toEqual([]);
});

test('every page carries a Content-Security-Policy without unsafe-inline scripts', async ({
  page,
}) => {
  for (const path of ['./', 'browse/', HTML_EPISODES[0] ?? '', 'about/']) {
    await page.goto(path);
    const meta = page.locator('meta[http-equiv="content-security-policy" i]');
    await expect(meta, path).toHaveCount(1);
    const csp = await meta.getAttribute('content');
    expect(csp, path).toMatch(/script-src 'self'/);
    expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp, path).toMatch(/object-src 'none'/);
    // Browse runs islands, which Astro allows by hash; a page with no inline code (an episode)
    // allows only the site's own files (src/lib/csp.ts).
    if (path === 'browse/') expect(csp, path).toMatch(/script-src[^;]*'sha256-/);
    if (path === HTML_EPISODES[0]) expect(csp, path).toContain("script-src 'self';");
  }
});
