/**
 * The compare view's update: `compareRows` (src/lib/compare-groups.ts) timed in Node on the built
 * browse file for a spread of group choices, and, in Chromium, a group changed on /compare/ to
 * the page showing the new comparison (React and layout included). The budget is 50 ms p95 at
 * 16,000 episodes.
 *
 * Alone: `node scripts/bench/compare.ts <built site> [--browser]` prints the figures as JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { decodeColumns, type BrowseColumns } from '../../src/lib/browse-columns.ts';
import { compareQuery, compareRows, type GroupSpec } from '../../src/lib/compare-groups.ts';
import { buildFacetIndex } from '../../src/lib/facets.ts';
import { launch } from './browser.ts';
import { serveSite } from './server.ts';
import { percentile } from './stats.ts';

export interface CompareFigures {
  episodes: number;
  /** One `compareRows` over every axis: p50 and p95 over the group choices, ms. */
  computeP50: number;
  computeP95: number;
  samples: number;
  /**
   * In Chromium: a group's select changed → the new comparison in the DOM (as Browse's facet
   * toggle is measured), ms; and → the next frame laid out with it.
   */
  pageP50: number | null;
  pageP95: number | null;
  framedP50: number | null;
  framedP95: number | null;
  pageSamples: number;
}

const agent = (value: string): GroupSpec => ({ kind: 'agent', value });

/** Two, three and four groups of every kind, over the agents the data has. */
function choices(agents: readonly string[], first: string, last: string): GroupSpec[][] {
  const mid = `${first.slice(0, 4)}-${first.slice(5, 7)}-28`;
  const out: GroupSpec[][] = [
    [
      { kind: 'platform', value: 'IDE' },
      { kind: 'platform', value: 'CLI' },
    ],
    [
      { kind: 'source', value: 'specstory' },
      { kind: 'source', value: 'swe' },
    ],
    [
      { kind: 'dates', value: `${first}..${mid}` },
      { kind: 'dates', value: `${mid}..${last}` },
    ],
  ];
  for (let i = 0; i + 1 < agents.length; i++)
    out.push(agents.slice(i, i + 2).map(agent), agents.slice(i, i + 4).map(agent));
  return out;
}

function loadIndex(site: string) {
  const dir = join(site, 'data');
  const name = readdirSync(dir).find((f) => f.startsWith('browse.'));
  if (!name) throw new Error('no browse file');
  const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as BrowseColumns;
  return buildFacetIndex(decodeColumns(data), data.dict);
}

function day(d: number): string {
  return new Date(d * 86_400_000).toISOString().slice(0, 10);
}

/** `compareRows` in Node, after the JIT has warmed up on a few runs. */
function computeTimes(site: string): { episodes: number; samples: number[]; sets: GroupSpec[][] } {
  const index = loadIndex(site);
  const order = Int32Array.from({ length: index.rows.length }, (_, i) => i);
  const sets = choices(index.dict.agent, day(index.minDay), day(index.maxDay));
  for (let i = 0; i < 5; i++) compareRows(index, sets[0] ?? [], order);
  const samples: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const groups of sets) {
      const start = performance.now();
      compareRows(index, groups, order);
      samples.push(performance.now() - start);
    }
  return { episodes: index.rows.length, samples, sets };
}

/**
 * In the page: each step picks another agent in group 2's select and waits until the heading
 * names the new comparison and a frame has been laid out.
 */
async function pageTimes(browser: Browser, origin: string, agents: readonly string[]) {
  const page = await browser.newPage();
  try {
    const start = agents.slice(0, 2).map(agent);
    await page.goto(`${origin}/compare/?${compareQuery(start)}`);
    await page.locator('.compare-table').first().waitFor({ timeout: 60_000 });
    const samples: Array<[number, number]> = [];
    for (let i = 0; i < 40; i++) {
      const value = agents[(i % Math.max(1, agents.length - 1)) + 1] ?? '';
      const ms = await page.evaluate(async (next) => {
        const select = document.querySelectorAll<HTMLSelectElement>('.group-picker select')[3];
        const heading = document.querySelector('.compare-title');
        if (!select || !heading) throw new Error('no group picker');
        if (select.value === next) return null;
        const before = heading.textContent;
        const t0 = performance.now();
        select.value = next;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        // A change that never shows (it should not happen) ends the step after 10 s. React
        // commits a select's change synchronously, so the DOM is usually new on the first check.
        while (heading.textContent === before && performance.now() - t0 < 10_000)
          await new Promise((r) => setTimeout(r, 0));
        const committed = performance.now() - t0;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return [committed, performance.now() - t0] as [number, number];
      }, value);
      if (ms !== null) samples.push(ms);
    }
    return samples;
  } finally {
    await page.close();
  }
}

/** Both measures; the browser one only when `browser` is given. */
export async function measureCompare(
  site: string,
  browser: Browser | null,
  origin: string | null,
): Promise<CompareFigures> {
  const compute = computeTimes(site);
  const agents = [
    ...new Set(compute.sets.flat().flatMap((g) => (g.kind === 'agent' ? [g.value] : []))),
  ];
  const inPage = browser && origin ? await pageTimes(browser, origin, agents) : [];
  const committed = inPage.map(([c]) => c);
  const framed = inPage.map(([, f]) => f);
  return {
    episodes: compute.episodes,
    computeP50: percentile(compute.samples, 50),
    computeP95: percentile(compute.samples, 95),
    samples: compute.samples.length,
    pageP50: inPage.length ? percentile(committed, 50) : null,
    pageP95: inPage.length ? percentile(committed, 95) : null,
    framedP50: inPage.length ? percentile(framed, 50) : null,
    framedP95: inPage.length ? percentile(framed, 95) : null,
    pageSamples: inPage.length,
  };
}

if (import.meta.main) {
  const [site, ...rest] = process.argv.slice(2);
  if (!site) {
    console.error('usage: node scripts/bench/compare.ts <built site> [--browser]');
    process.exit(2);
  }
  const withBrowser = rest.includes('--browser');
  const server = withBrowser ? await serveSite(site, {}) : null;
  const browser = withBrowser ? await launch() : null;
  try {
    console.log(
      JSON.stringify(await measureCompare(site, browser, server?.origin ?? null), null, 2),
    );
  } finally {
    await browser?.close();
    await server?.close();
  }
}
