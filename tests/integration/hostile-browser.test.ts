/**
 * The hostile fixtures in a real browser: a site built under /atlas/ from records whose every text
 * field (agent names included) holds script-injection payloads and secrets. Every page, Browse's
 * cards, table cells and search highlights, and the CSV/JSON exports are opened in Chromium:
 * nothing may execute, no payload may become an element, no secret may reach a download.
 *
 * This drives playwright-core directly because the browser suite in tests/e2e runs against the
 * sample site only; here the site is built from tests/fixtures/hostile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSecrets } from '../../src/lib/scrub.ts';
import { injected, QUERY_PAYLOADS, watch, type Watch } from '../e2e/payloads.ts';
import {
  NODE,
  ROOT,
  buildSite,
  fixturePath,
  listFiles,
  readJson,
  recordsIn,
  writeRelease,
} from './support.ts';

const BASE = '/atlas/';
const INJECTION = recordsIn(fixturePath('hostile/injection.json'));
const HOSTILE = [
  ...recordsIn(fixturePath('hostile/secrets.json')),
  ...recordsIn(fixturePath('hostile/licence-mix.json')),
  ...INJECTION,
  ...recordsIn(fixturePath('hostile/lookalikes.json')),
];
const PLANTED = readJson<Array<{ kind: string; secret: string }>>(
  fixturePath('hostile/secrets.planted.json'),
);

/** RFC 4180 CSV: rows of cells, quotes undone. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text.charAt(i + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start`);
}

describe('the hostile site in Chromium', () => {
  let input = '';
  let dist = '';
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let origin = '';

  beforeAll(async () => {
    input = writeRelease('hostile.json', HOSTILE);
    dist = buildSite(input, { base: BASE });
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn(NODE, ['tests/e2e/serve.ts', dist, BASE, String(port)], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    await waitForServer(`${origin}${BASE}`);
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    for (const dir of [input, dist].filter(Boolean))
      rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ page: Page; w: Watch; close: () => Promise<void> }> {
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const w = watch(page);
    await page.goto(`${origin}${BASE}${path}`, { waitUntil: 'load' });
    return { page, w, close: () => context.close() };
  }

  /** Opens Browse at `query` and waits until the episodes are shown. */
  async function openBrowse(query: string) {
    const opened = await open(`browse/${query}`);
    await opened.page
      .getByRole('heading', { level: 2, name: /episodes?$|^Searching/ })
      .first()
      .waitFor();
    await opened.page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    return opened;
  }

  it('runs nothing and injects nothing on any page of the site', async () => {
    if (!browser) throw new Error('no browser');
    const paths = listFiles(dist)
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.replace(/(^|\/)index\.html$/, '$1'));
    expect(paths.length).toBeGreaterThan(50);
    const problems: string[] = [];
    const queue = [...paths];
    // A few tabs walk the pages side by side; each keeps its own record of what happened.
    const context = await browser.newContext();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        const page = await context.newPage();
        const w = watch(page);
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          w.events.length = 0;
          await page.goto(`${origin}${BASE}${path}`, { waitUntil: 'load' });
          // Browse hydrates and fetches; give it the moment a reader would.
          if (path.startsWith('browse')) await page.waitForLoadState('networkidle');
          for (const found of [...(await injected(page)), ...w.events])
            problems.push(`${path || '/'}: ${found}`);
        }
      }),
    );
    await context.close();
    expect(problems).toEqual([]);
  }, 180_000);

  it('renders payloads as text in Browse cards, with every record shown', async () => {
    const { page, w, close } = await openBrowse('?validation=all&q=zqinj');
    // Every published injection record, and not the one excluded by its licence.
    const expected = INJECTION.filter((r) => r['license_type'] === 'MIT').length;
    await expect.poll(() => page.locator('.result-card').count()).toBe(expected);
    const cards = await page.locator('.result-card').allTextContents();
    expect(cards.join('\n')).not.toContain('zqinjlicence');
    expect(cards.join('\n')).toContain('<img src=x onerror=');
    expect(await injected(page)).toEqual([]);
    expect(w.events).toEqual([]);
    await close();
  });

  it('renders payloads as text in table cells', async () => {
    const { page, w, close } = await openBrowse('?validation=all&view=table&q=zqinj');
    await page.getByRole('table').waitFor();
    const text = await page.getByRole('table').textContent();
    expect(text).toContain('<script>');
    expect(await injected(page)).toEqual([]);
    expect(w.events).toEqual([]);
    await close();
  });

  it('highlights search matches inside payloads without running them', async () => {
    for (const term of ['onerror', 'script', 'textarea', 'svg onload', 'javascript']) {
      const { page, w, close } = await openBrowse('?validation=all');
      await page.getByRole('searchbox', { name: /search/i }).fill(term);
      await page.getByRole('searchbox', { name: /search/i }).press('Enter');
      await expect.poll(() => page.locator('mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await injected(page), term).toEqual([]);
      expect(w.events, term).toEqual([]);
      await close();
    }
  });

  it('treats payloads in the URL parameters and the search box as text', async () => {
    for (const payload of QUERY_PAYLOADS) {
      const q = encodeURIComponent(payload);
      const { page, w, close } = await open(
        `browse/?q=${q}&symptom=${q}&agent=${q}&sort=${q}&view=${q}&page=${q}&from=${q}`,
      );
      await page.waitForLoadState('networkidle');
      const box = page.getByRole('searchbox', { name: /search/i });
      expect(await box.inputValue()).toBe(payload.slice(0, 200));
      await box.fill(payload);
      await box.press('Enter');
      await page.waitForLoadState('networkidle');
      expect(await injected(page), payload).toEqual([]);
      expect(w.events, payload).toEqual([]);
      await close();
    }
  });

  async function download(page: Page, format: 'CSV' | 'JSON'): Promise<string> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: new RegExp(`as ${format}$`) }).click(),
    ]);
    return readFileSync(await file.path(), 'utf8');
  }

  it('exports CSV and JSON with no planted secret and no live spreadsheet formula', async () => {
    const { page, w, close } = await openBrowse('?validation=all');
    const csv = await download(page, 'CSV');
    const json = await download(page, 'JSON');
    const records = JSON.parse(json) as Array<Record<string, unknown>>;
    const published = (await (await fetch(`${origin}${BASE}data/report.json`)).json()) as {
      published: number;
    };
    expect(records).toHaveLength(published.published);
    for (const text of [csv, json]) {
      expect(PLANTED.filter((p) => text.includes(p.secret)).map((p) => p.secret)).toEqual([]);
      expect(findSecrets(text).map((f) => `${f.kind} ${f.match}`)).toEqual([]);
    }
    // A cell a spreadsheet would evaluate starts with = + - @ (or a tab or carriage return).
    const cells = parseCsv(csv).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells.filter((cell) => cell.startsWith(`'=HYPERLINK(`)).length).toBeGreaterThan(0);
    expect(cells).toContain(`'=cmd|' /C calc'!A0`);
    expect(w.events).toEqual([]);
    await close();
  });
});
