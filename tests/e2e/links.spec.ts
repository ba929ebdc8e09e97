import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test, expect, type APIRequestContext } from '@playwright/test';
import { watch } from './payloads.ts';

/**
 * Links and the base path. Every built page of the site this project serves (.e2e/root at `/`,
 * .e2e/atlas at `/atlas/`) is read from disk; every internal link, asset, island module, canonical
 * and sitemap URL in it is requested from the server, and every `#fragment` must name an element
 * of its target page. Then Browse is driven so that each URL it fetches (browse file, text
 * chunks, search index) is seen to resolve.
 */

/** The site's absolute URL (ATLAS_SITE's default): canonical, Open Graph and sitemap URLs use it. */
const SITE_ORIGIN = 'https://atlas.example.org';

/** Attributes that hold a URL the browser will follow or fetch. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'component-url',
  'renderer-url',
  'before-hydration-url',
];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** The path a built file is served at, under `base`. */
function pagePath(base: string, file: string): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every URL a page refers to, with the attribute that holds it. */
function urlsIn(html: string): Array<{ attr: string; value: string }> {
  const found: Array<{ attr: string; value: string }> = [];
  for (const tag of html.matchAll(/<[a-z][^>]*>/gi)) {
    for (const m of tag[0].matchAll(/\s([a-z:-]+)="([^"]*)"/gi)) {
      const attr = (m[1] ?? '').toLowerCase();
      const value = decode(m[2] ?? '');
      if (URL_ATTRIBUTES.includes(attr)) found.push({ attr, value });
      if (attr === 'srcset')
        for (const part of value.split(','))
          found.push({ attr, value: part.trim().split(/\s+/)[0] ?? '' });
      if (attr === 'content' && value.startsWith(SITE_ORIGIN)) found.push({ attr, value });
    }
  }
  return found.filter((u) => u.value !== '');
}

function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decode(m[1] ?? '')));
}

interface Target {
  from: string;
  url: URL;
}

/** Fetches each distinct target once; returns what failed. */
async function unresolved(request: APIRequestContext, targets: Target[]): Promise<string[]> {
  const failures: string[] = [];
  const pages = new Map<string, { status: number; ids: Set<string> }>();
  for (const { from, url } of targets) {
    const key = `${url.origin}${url.pathname}${url.search}`;
    let page = pages.get(key);
    if (!page) {
      const response = await request.get(key);
      const type = response.headers()['content-type'] ?? '';
      page = {
        status: response.status(),
        ids: type.includes('html') ? idsIn(await response.text()) : new Set(),
      };
      pages.set(key, page);
    }
    if (page.status !== 200)
      failures.push(`${from} → ${url.pathname}${url.search}: HTTP ${page.status}`);
    else if (url.hash && !page.ids.has(decodeURIComponent(url.hash.slice(1))))
      failures.push(`${from} → ${url.pathname}${url.hash}: no such fragment`);
  }
  return failures;
}

test('every internal link, asset and page URL of every page resolves', async ({
  request,
  baseURL,
}, info) => {
  const site = new URL(baseURL ?? '/');
  const base = site.pathname;
  const dir = join('.e2e', info.project.name);
  const files = htmlFiles(dir);
  expect(files.length).toBeGreaterThan(20);
  const targets: Target[] = [];
  const outside: string[] = [];
  for (const file of files) {
    const from = pagePath(base, file);
    const pageUrl = new URL(from, site);
    const html = readFileSync(join(dir, file), 'utf8');
    for (const { attr, value } of urlsIn(html)) {
      if (/^(?:mailto|tel|data|blob):/i.test(value)) continue;
      let url = new URL(value, pageUrl);
      // Absolute URLs of the site itself (canonical, og:url) must also point into the built site.
      if (url.origin === SITE_ORIGIN)
        url = new URL(`${url.pathname}${url.search}${url.hash}`, site);
      if (url.origin !== site.origin) continue;
      if (!url.pathname.startsWith(base))
        outside.push(`${from}: ${attr}="${value}" is outside ${base}`);
      targets.push({ from, url });
    }
  }
  expect(outside).toEqual([]);
  expect(targets.length).toBeGreaterThan(files.length);
  expect(await unresolved(request, targets)).toEqual([]);
});

test('every URL in the sitemap resolves, and it lists every page', async ({
  request,
  baseURL,
}, info) => {
  const site = new URL(baseURL ?? '/');
  const index = await request.get(new URL('sitemap-index.xml', site).href);
  expect(index.status()).toBe(200);
  const sitemaps = [...(await index.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (m) => m[1] ?? '',
  );
  expect(sitemaps.length).toBeGreaterThan(0);
  const targets: Target[] = [];
  for (const sitemap of sitemaps) {
    const local = new URL(new URL(sitemap).pathname, site);
    const response = await request.get(local.href);
    expect(response.status(), sitemap).toBe(200);
    for (const m of (await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const loc = new URL(m[1] ?? '');
      expect(loc.origin).toBe(SITE_ORIGIN);
      expect(loc.pathname.startsWith(site.pathname), loc.pathname).toBe(true);
      targets.push({ from: 'sitemap', url: new URL(loc.pathname, site) });
    }
  }
  expect(targets.length).toBeGreaterThan(20);
  expect(await unresolved(request, targets)).toEqual([]);
  // The episode pages are rendered by two processes and the sitemap written by one of them
  // (src/lib/build-part.ts): none may be missing from it, none listed twice.
  const listed = targets.map((t) => t.url.pathname);
  expect(new Set(listed).size).toBe(listed.length);
  const pages = htmlFiles(join('.e2e', info.project.name))
    .filter((file) => file !== '404.html')
    .map((file) => pagePath(site.pathname, file));
  expect([...listed].sort()).toEqual(pages.sort());
});

test('every file Browse fetches resolves under the base', async ({ page, context, baseURL }) => {
  const base = new URL(baseURL ?? '/').pathname;
  const w = watch(page);
  const requested: string[] = [];
  // On the context, so that requests from workers (the search index) are seen too.
  context.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // A request cut off by the next navigation (a text chunk still loading when page 2 opens) is
  // aborted, not failed: it is fetched again below and must resolve like any other.
  const aborted = new Set<string>();
  context.on('requestfailed', (r) => {
    if (r.failure()?.errorText === 'net::ERR_ABORTED') aborted.add(r.url());
    else w.events.push(`failed (${r.failure()?.errorText ?? 'unknown'}): ${r.url()}`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) w.events.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto('browse/?validation=all');
  await expect(page.getByRole('heading', { level: 2, name: /\d+ episodes?$/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const beforeSearch = requested.filter((p) => p.startsWith(`${base}data/`)).length;
  expect(beforeSearch, 'Browse fetched no data file').toBeGreaterThan(0);
  // The search index loads on the first query; a later page may need more episode text.
  await page.getByRole('searchbox', { name: /search/i }).fill('config');
  await page.getByRole('searchbox', { name: /search/i }).press('Enter');
  await expect(page.locator('mark').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const afterSearch = requested.filter((p) => p.startsWith(`${base}data/`)).length;
  expect(afterSearch, 'the search fetched no data file').toBeGreaterThan(beforeSearch);
  await page.goto('browse/?validation=all&page=2');
  await expect(page.getByRole('heading', { level: 2, name: /\d+ episodes?$/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => !p.startsWith(base))).toEqual([]);
  for (const url of aborted) {
    const response = await page.request.get(url);
    if (response.status() !== 200) w.events.push(`aborted, then HTTP ${response.status()}: ${url}`);
  }
  expect(w.events).toEqual([]);
});

/** String values of an island's serialised props (Astro writes `[type, value]` pairs). */
function propStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) propStrings(item, out);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) propStrings(item, out);
  return out;
}

test('every data file named in the pages is served', async ({ request, baseURL }) => {
  const site = new URL(baseURL ?? '/');
  const html = await (await request.get(new URL('browse/', site).href)).text();
  const names = [...html.matchAll(/<astro-island[^>]*\sprops="([^"]*)"/g)].flatMap((m) =>
    propStrings(JSON.parse(decode(m[1] ?? '{}')) as unknown).filter((v) =>
      /\.json(?:\.gz)?$/.test(v),
    ),
  );
  expect(names.length, 'Browse names no data file').toBeGreaterThan(0);
  for (const name of [...new Set(names), 'report.json']) {
    const response = await request.get(new URL(`data/${name}`, site).href);
    expect(response.status(), name).toBe(200);
    // Browse's data files but the browse file are stored gzip-compressed, sent as they are.
    const bytes = await response.body();
    const body = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    expect(() => JSON.parse(body) as unknown, name).not.toThrow();
  }
});
