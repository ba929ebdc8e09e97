/**
 * The in-browser measurements: headless Chromium through playwright-core, bytes and throttling
 * through the DevTools protocol. Cold runs use a fresh browser context (empty cache); warm runs
 * reuse the page after the cold query, without throttling.
 */
import { FIRST_RESULTS } from './queries.ts';
import { CHROMIUM_LAUNCH } from '../chromium.ts';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Request,
} from 'playwright-core';
import { installHooks, type Settled } from './hooks.ts';

/** A "Fast 3G"-like profile: 150 ms round-trip latency, 1.6 Mbit/s down, 750 kbit/s up. */
export const THROTTLE = {
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};

export async function launch(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

export interface Transfer {
  bytes: number;
  requests: number;
  /** Bytes by resource type (document, script, stylesheet, fetch, …). */
  byType: Record<string, number>;
  /** Every request: path and bytes. */
  items: { path: string; bytes: number }[];
}

/**
 * Counts bytes on the wire of the requests started after `mark()`: Playwright's request sizes,
 * which it takes from the DevTools protocol's `Network.loadingFinished` `encodedDataLength` in
 * every target it attaches to, Web Workers included (a CDP session on the page alone misses
 * requests made by a worker). Throttling is set on the page's CDP session; Chromium applies it in
 * the network service, so a dedicated worker's requests are throttled too (checked by timing a
 * worker's download).
 */
class NetLog {
  readonly #since = new Set<Request>();
  readonly #sizes: Promise<void>[] = [];
  readonly #done = new Map<Request, number>();
  #marked = false;
  readonly cdp: CDPSession;

  constructor(cdp: CDPSession, context: BrowserContext) {
    this.cdp = cdp;
    context.on('request', (request) => {
      if (this.#marked) this.#since.add(request);
    });
    context.on('requestfinished', (request) => {
      this.#sizes.push(
        request.sizes().then(
          (size) => void this.#done.set(request, size.responseHeadersSize + size.responseBodySize),
          () => undefined,
        ),
      );
    });
  }

  mark(): void {
    this.#since.clear();
    this.#marked = true;
  }

  /** Requests started since `mark()` and finished so far. */
  async transfer(): Promise<Transfer> {
    await Promise.all(this.#sizes);
    const out: Transfer = { bytes: 0, requests: 0, byType: {}, items: [] };
    for (const request of this.#since) {
      const bytes = this.#done.get(request);
      if (bytes === undefined) continue;
      const type = request.resourceType();
      out.bytes += bytes;
      out.requests += 1;
      out.byType[type] = (out.byType[type] ?? 0) + bytes;
      const path = request.url().startsWith('data:') ? 'data:' : new URL(request.url()).pathname;
      out.items.push({ path, bytes });
    }
    return out;
  }

  throttle(on: boolean): Promise<unknown> {
    return this.cdp.send(
      'Network.emulateNetworkConditions',
      on
        ? { offline: false, ...THROTTLE }
        : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
    );
  }
}

async function openPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; net: NetLog }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(installHooks);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  return { context, page, net: new NetLog(cdp, context) };
}

export interface ColdLoad {
  /** ms from navigation start until results and facets are usable. */
  readyMs: number;
  transfer: Transfer;
}

export interface ColdSearch {
  /** ms from focusing the search box (typing starts) until the results show with their text. */
  ms: number;
  transfer: Transfer;
  heading: string;
}

export interface Latency {
  samples: number[];
  timedOut: number;
  /** Per sample: what the results heading said (or the result count for Pagefind). */
  outcomes: string[];
}

const COLD_TIMEOUT = 300_000;

async function untilReady(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__bench.ready !== null, undefined, {
    timeout: COLD_TIMEOUT,
    polling: 50,
  });
  return page.evaluate(() => window.__bench.ready ?? NaN);
}

/** Types `query` into the search box and submits it, as a user pressing Enter would. */
function search(page: Page, query: string, cold: boolean): Promise<Settled> {
  return page.evaluate(
    async ({ query, cold, timeout, first }) => {
      const input = document.querySelector<HTMLInputElement>(
        'form[role="search"] input[type="search"]',
      );
      if (!input?.form) throw new Error('no search box');
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(input, …) below
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      let t0 = performance.now();
      // Focusing is what starts loading the index; a real user focuses before typing.
      if (cold) input.focus();
      setValue?.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Let React commit the typed draft before the submit reads it.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const before = window.__bench.signature();
      if (!cold) t0 = performance.now();
      input.form.requestSubmit();
      return window.__bench.wait(before, t0, timeout, first);
    },
    { query, cold, timeout: cold ? COLD_TIMEOUT : 10_000, first: FIRST_RESULTS },
  );
}

export interface BrowseRun {
  coldLoad: ColdLoad;
  coldSearch: ColdSearch;
  /** Warm queries until every card of the first page shows its text. */
  warm: Latency;
  /** Warm queries until the first FIRST_RESULTS cards show their text: Pagefind's measure. */
  warmFirst: Latency;
  /** Warm queries until the results are listed, before their texts arrive. */
  warmListed: Latency;
  facetList: Latency;
  facetSettled: Latency;
  /** Whether the warm queries actually reached the island (URL carried the query). */
  queryInUrl: boolean;
}

/** One cold load + cold query in a fresh context; with `warm`, the warm queries and facets too. */
export async function browseRun(
  browser: Browser,
  origin: string,
  coldQuery: string,
  warm: { queries: readonly string[]; warmUp: readonly string[]; toggles: number } | null,
): Promise<BrowseRun> {
  const { context, page, net } = await openPage(browser);
  try {
    await net.throttle(true);
    net.mark();
    await page.goto(`${origin}/browse/`, { waitUntil: 'commit', timeout: COLD_TIMEOUT });
    const readyMs = await untilReady(page);
    const coldLoad: ColdLoad = { readyMs, transfer: await net.transfer() };
    net.mark();
    const cold = await search(page, coldQuery, true);
    const coldSearch: ColdSearch = {
      ms: cold.settled,
      transfer: await net.transfer(),
      heading: cold.heading,
    };
    await net.throttle(false);
    const empty: Latency = { samples: [], timedOut: 0, outcomes: [] };
    if (!warm) {
      return {
        coldLoad,
        coldSearch,
        warm: empty,
        warmFirst: empty,
        warmListed: empty,
        facetList: empty,
        facetSettled: empty,
        queryInUrl: false,
      };
    }
    for (const query of warm.warmUp) await search(page, query, false);
    const warmLatency: Latency = { samples: [], timedOut: 0, outcomes: [] };
    const warmFirst: Latency = { samples: [], timedOut: 0, outcomes: [] };
    const warmListed: Latency = { samples: [], timedOut: 0, outcomes: [] };
    let queryInUrl = true;
    for (const query of warm.queries) {
      const result = await search(page, query, false);
      warmLatency.samples.push(result.settled);
      warmFirst.samples.push(result.firstShown ?? result.settled);
      warmListed.samples.push(result.listed ?? result.settled);
      warmLatency.outcomes.push(result.heading);
      if (result.timedOut) warmLatency.timedOut += 1;
      // A timed-out query never showed its first cards either.
      if (result.timedOut) warmFirst.timedOut += 1;
      const url = new URL(page.url());
      if (![...url.searchParams.values()].includes(query)) queryInUrl = false;
    }
    const facets = await toggleFacets(page, origin, warm.toggles);
    return {
      coldLoad,
      coldSearch,
      warm: warmLatency,
      warmFirst,
      warmListed,
      ...facets,
      queryInUrl,
    };
  } finally {
    await context.close();
  }
}

/** Clicks facet checkboxes on and off on a fresh Browse (no query), timing each click. */
async function toggleFacets(
  page: Page,
  origin: string,
  count: number,
): Promise<{ facetList: Latency; facetSettled: Latency }> {
  await page.goto(`${origin}/browse/`);
  await untilReady(page);
  // Unchecked values with episodes, in panel order, skipping the default validation filter.
  const targets = await page.evaluate(() =>
    [...document.querySelectorAll('fieldset.facet')].flatMap((fieldset, group) =>
      [...fieldset.querySelectorAll('label')].flatMap((label) => {
        const input = label.querySelector<HTMLInputElement>('input[type="checkbox"]');
        const name = label.querySelector('.facet-label')?.textContent ?? '';
        const count = Number(
          (label.querySelector('.facet-count')?.textContent ?? '').replace(/\D/g, ''),
        );
        return input && !input.checked && count > 0 && group > 0 ? [{ group, name }] : [];
      }),
    ),
  );
  const facetList: Latency = { samples: [], timedOut: 0, outcomes: [] };
  const facetSettled: Latency = { samples: [], timedOut: 0, outcomes: [] };
  for (let i = 0; i < count; i++) {
    const target = targets[Math.floor(i / 2) % Math.max(1, targets.length)];
    if (!target) break;
    const result = await page.evaluate(
      ({ group, name, first }) => {
        const fieldset = document.querySelectorAll('fieldset.facet')[group];
        const label = [...(fieldset?.querySelectorAll('label') ?? [])].find(
          (l) => l.querySelector('.facet-label')?.textContent === name,
        );
        const input = label?.querySelector<HTMLInputElement>('input[type="checkbox"]');
        if (!input) throw new Error(`no checkbox ${name}`);
        const before = window.__bench.signature();
        const t0 = performance.now();
        input.click();
        return window.__bench.wait(before, t0, 10_000, first);
      },
      { ...target, first: FIRST_RESULTS },
    );
    facetList.samples.push(result.changed ?? result.settled);
    facetSettled.samples.push(result.settled);
    facetList.outcomes.push(result.heading);
    if (result.timedOut) facetList.timedOut += 1;
    // Let stray work (chunk fetches of the new page) finish before the next click.
    await page.waitForTimeout(50);
  }
  return { facetList, facetSettled };
}

export interface PagefindRun {
  coldMs: number;
  transfer: Transfer;
  results: number;
  warm: Latency;
}

/**
 * Pagefind's JS API on a blank page: a cold search (import, search, the first FIRST_RESULTS
 * results' data),
 * then warm queries. With `noWorker` (Pagefind's own option) the search runs on the main thread,
 * so its requests go through the page's DevTools throttling and byte count; requests from its
 * default Web Worker would escape both. Warm latency is measured in either mode.
 */
export async function pagefindRun(
  browser: Browser,
  origin: string,
  coldQuery: string,
  noWorker: boolean,
  warm: { queries: readonly string[]; warmUp: readonly string[] } | null,
): Promise<PagefindRun> {
  const { context, page, net } = await openPage(browser);
  const run = (query: string) =>
    page.evaluate(
      async ({ query, noWorker, first }) => {
        const t0 = performance.now();
        const url = '/pagefind/pagefind.js';
        const pf = (await import(url)) as {
          options: (o: Record<string, unknown>) => Promise<void>;
          search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
        };
        const flagged = window as unknown as { __pagefindReady?: boolean };
        if (!flagged.__pagefindReady) {
          await pf.options({ noWorker });
          flagged.__pagefindReady = true;
        }
        const found = await pf.search(query);
        await Promise.all(found.results.slice(0, first).map((r) => r.data()));
        return { ms: performance.now() - t0, results: found.results.length };
      },
      { query, noWorker, first: FIRST_RESULTS },
    );
  try {
    await net.throttle(true);
    await page.goto(`${origin}/__bench/pagefind.html`);
    net.mark();
    const cold = await run(coldQuery);
    const out: PagefindRun = {
      coldMs: cold.ms,
      transfer: await net.transfer(),
      results: cold.results,
      warm: { samples: [], timedOut: 0, outcomes: [] },
    };
    await net.throttle(false);
    if (!warm) return out;
    for (const query of warm.warmUp) await run(query);
    for (const query of warm.queries) {
      const result = await run(query);
      out.warm.samples.push(result.ms);
      out.warm.outcomes.push(`${result.results} results`);
    }
    return out;
  } finally {
    await context.close();
  }
}

/** The blank page Pagefind's API is driven from. */
export const PAGEFIND_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind bench</title></head><body></body></html>';
