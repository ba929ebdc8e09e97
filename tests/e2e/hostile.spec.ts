/**
 * The hostile fixtures in a real browser: a site built under /atlas/ from records whose every text
 * field (agent names included) holds script-injection payloads and secrets (tests/e2e/hostile-site.ts).
 * Every page, Browse's cards, table cells and search highlights, and the CSV/JSON exports are
 * opened in Chromium: nothing may execute, no payload may become an element, no secret may reach
 * a download. Runs in the `hostile` project only.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { findSecrets } from '../../src/lib/scrub.ts';
import { fixturePath, listFiles, readJson } from '../integration/support.ts';
import { occursIn, readingsOfText } from '../../scripts/site-text.ts';
import { parseCsv } from '../../src/lib/export.ts';
import { HOSTILE_DIST, INJECTION } from './hostile-site.ts';
import { injected, QUERY_PAYLOADS, watch, type Watch } from './payloads.ts';

const PLANTED = readJson<Array<{ kind: string; secret: string }>>(
  fixturePath('hostile/secrets.planted.json'),
);

let w: Watch;
test.beforeEach(({ page }) => {
  w = watch(page);
});

/** Opens Browse at `query` and waits until the episodes are shown. */
async function openBrowse(page: Page, query: string): Promise<void> {
  await page.goto(`browse/${query}`, { waitUntil: 'load' });
  await page
    .getByRole('heading', { level: 2, name: /episodes?$|^Searching/ })
    .first()
    .waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

test('runs nothing and injects nothing on any page of the site', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const paths = listFiles(HOSTILE_DIST)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/(^|\/)index\.html$/, '$1'));
  expect(paths.length).toBeGreaterThan(50);
  const problems: string[] = [];
  const queue = [...paths];
  // A few tabs walk the pages side by side; each keeps its own record of what happened.
  if (!baseURL) throw new Error('the hostile project has no baseURL');
  const context = await browser.newContext({ baseURL });
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      const page = await context.newPage();
      const tab = watch(page);
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        tab.events.length = 0;
        await page.goto(path, { waitUntil: 'load' });
        // Browse hydrates and fetches; give it the moment a reader would.
        if (path.startsWith('browse')) await page.waitForLoadState('networkidle');
        for (const found of [...(await injected(page)), ...tab.events])
          problems.push(`${path || '/'}: ${found}`);
      }
    }),
  );
  await context.close();
  expect(problems).toEqual([]);
});

test('renders payloads as text in Browse cards, with every record shown', async ({ page }) => {
  await openBrowse(page, '?validation=all&q=zqinj');
  // Every published injection record, and not the one excluded by its licence.
  const expected = INJECTION.filter((r) => r['license_type'] === 'MIT').length;
  await expect.poll(() => page.locator('.result-card').count()).toBe(expected);
  const cards = await page.locator('.result-card').allTextContents();
  expect(cards.join('\n')).not.toContain('zqinjlicence');
  expect(cards.join('\n')).toContain('<img src=x onerror=');
  expect(await injected(page)).toEqual([]);
  expect(w.events).toEqual([]);
});

test('renders payloads as text in table cells', async ({ page }) => {
  await openBrowse(page, '?validation=all&view=table&q=zqinj');
  await page.getByRole('table').waitFor();
  const text = await page.getByRole('table').textContent();
  expect(text).toContain('<script>');
  expect(await injected(page)).toEqual([]);
  expect(w.events).toEqual([]);
});

test('highlights search matches inside payloads without running them', async ({ page }) => {
  for (const term of ['onerror', 'script', 'textarea', 'svg onload', 'javascript']) {
    await openBrowse(page, '?validation=all');
    await page.getByRole('searchbox', { name: /search/i }).fill(term);
    await page.getByRole('searchbox', { name: /search/i }).press('Enter');
    await expect.poll(() => page.locator('mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await injected(page), term).toEqual([]);
    expect(w.events, term).toEqual([]);
  }
});

test('treats payloads in the URL parameters and the search box as text', async ({ page }) => {
  for (const payload of QUERY_PAYLOADS) {
    const q = encodeURIComponent(payload);
    await page.goto(
      `browse/?q=${q}&symptom=${q}&agent=${q}&sort=${q}&view=${q}&page=${q}&from=${q}`,
      { waitUntil: 'load' },
    );
    await page.waitForLoadState('networkidle');
    const box = page.getByRole('searchbox', { name: /search/i });
    expect(await box.inputValue()).toBe(payload.slice(0, 200));
    await box.fill(payload);
    await box.press('Enter');
    await page.waitForLoadState('networkidle');
    expect(await injected(page), payload).toEqual([]);
    expect(w.events, payload).toEqual([]);
  }
});

async function download(page: Page, format: 'CSV' | 'JSON'): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: new RegExp(`as ${format}$`) }).click(),
  ]);
  return readFileSync(await file.path(), 'utf8');
}

test('exports CSV and JSON with no planted secret and no live spreadsheet formula', async ({
  page,
}) => {
  await openBrowse(page, '?validation=all');
  const csv = await download(page, 'CSV');
  const json = await download(page, 'JSON');
  const records = (JSON.parse(json) as { episodes: Array<Record<string, unknown>> }).episodes;
  const report = (await (await page.request.get('data/report.json')).json()) as {
    published: number;
  };
  expect(records).toHaveLength(report.published);
  // Read as the site scan reads files: JSON strings and CSV cells with their escapes undone.
  for (const readings of [readingsOfText(csv, '.csv'), readingsOfText(json, '.json')]) {
    expect(PLANTED.filter((p) => occursIn(readings, p.secret)).map((p) => p.secret)).toEqual([]);
    expect(findSecrets(readings.text).map((f) => `${f.kind} ${f.match}`)).toEqual([]);
  }
  // A cell a spreadsheet would evaluate starts with = + - @ (or a tab or carriage return).
  const cells = parseCsv(csv).flat();
  expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  expect(cells.filter((cell) => cell.startsWith(`'=HYPERLINK(`)).length).toBeGreaterThan(0);
  expect(cells).toContain(`'=cmd|' /C calc'!A0`);
  expect(w.events).toEqual([]);
});
