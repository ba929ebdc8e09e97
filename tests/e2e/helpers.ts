/**
 * What the browser tests expect, computed from the data rather than copied from the page: the
 * bundled sample goes through the project's own pipeline (parse → licence → scrub), exactly as
 * the e2e build does, and the tests count over the episodes it publishes. Also a few page helpers
 * that read the site the way a person does.
 */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { runPipeline, type Report } from '../../src/lib/pipeline.ts';
import type { Episode } from '../../src/lib/schema.ts';
import { TEST_REDACTION_KEY } from '../unit/helpers.ts';

const SAMPLE = 'content/sample/misalignments.json';

function load() {
  const result = runPipeline(readFileSync(SAMPLE), {
    inputName: SAMPLE,
    sample: true,
    skipInvalid: false,
    redactionKey: TEST_REDACTION_KEY,
  });
  if (!result.ok) throw new Error(`the sample does not parse:\n${result.problems.join('\n')}`);
  return result;
}

const pipeline = load();
/** What the data step reports about the sample: records in, published, excluded. */
export const report: Report = pipeline.report;
/** Every published episode of the sample, in file order. */
export const episodes: readonly Episode[] = pipeline.episodes;
export const validEpisodes = episodes.filter((e) => e.validation.label === 'VALID');
export const invalidEpisodes = episodes.filter((e) => e.validation.label === 'INVALID');

export function symptomsOf(episode: Episode): readonly string[] {
  return episode.annotation?.symptom.labels ?? [];
}

export function severityOf(episode: Episode): string | undefined {
  return episode.annotation?.outcome.severity;
}

/** How many VALID episodes pass a test: what Browse shows by default. */
export function countValid(test: (episode: Episode) => boolean): number {
  return validEpisodes.filter(test).length;
}

export const hasSymptom =
  (...codes: string[]) =>
  (episode: Episode): boolean =>
    symptomsOf(episode).some((code) => codes.includes(code));

export function episodeById(id: string): Episode {
  const found = episodes.find((e) => e.id === id);
  if (!found) throw new Error(`no published episode ${id} in the sample`);
  return found;
}

/** The first episode that fits, or a clear failure naming what the sample lacks. */
export function pick(what: string, test: (episode: Episode) => boolean): Episode {
  const found = episodes.find(test);
  if (!found) throw new Error(`the sample has no ${what}`);
  return found;
}

/** `2025-12-11 15:25:14` → `11 December 2025`, worked out independently of the site's code. */
export function longDate(timestamp: string): string {
  return new Date(`${timestamp.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => /^\p{L}{7,}$/u.test(w) && w !== 'redacted');

/**
 * A word that occurs in the evidence quotes of exactly one VALID episode and nowhere in any
 * title, description, evidence context or reasoning: only the evidence can make search find it.
 */
export function evidenceOnlyWord(): { word: string; episode: Episode } {
  const elsewhere = episodes
    .flatMap((e) => [
      e.name,
      e.description,
      ...e.evidence.map((q) => q.context),
      e.annotation?.symptom.reasoning ?? '',
      e.annotation?.cause.reasoning ?? '',
      e.annotation?.outcome.reasoning ?? '',
      e.annotation?.resolution.reasoning ?? '',
      e.validation.note ?? '',
    ])
    .join('\n')
    .toLowerCase();
  const owners = new Map<string, Set<Episode>>();
  for (const episode of episodes)
    for (const quote of episode.evidence)
      for (const word of words(quote.quote))
        owners.set(word, (owners.get(word) ?? new Set()).add(episode));
  const candidates = [...owners]
    .filter(([word, set]) => set.size === 1 && !elsewhere.includes(word))
    .flatMap(([word, set]) => [...set].map((episode) => ({ word, episode })))
    .filter(({ episode }) => episode.validation.label === 'VALID')
    .sort((a, b) => (a.word < b.word ? -1 : 1));
  const first = candidates[0];
  if (!first) throw new Error('the sample has no word that only an evidence quote holds');
  return first;
}

// ——— Page helpers ———

/** Site path of the current page with the base taken off: `browse/` under `/` or `/atlas/`. */
export function sitePath(page: Page, baseURL: string | undefined): string {
  const base = new URL(baseURL ?? '/').pathname;
  const path = new URL(page.url()).pathname;
  return path.startsWith(base) ? path.slice(base.length) : `(outside ${base}) ${path}`;
}

/** Waits until the page is at a site path under the project's base (`browse/`). */
export async function expectPath(page: Page, baseURL: string | undefined, path: string) {
  await expect.poll(() => sitePath(page, baseURL), { message: 'page address' }).toBe(path);
}

/** The query parameters of the current page. */
export function params(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Waits for a query parameter of the current URL to read `value` (null: absent). */
export async function expectParam(page: Page, name: string, value: string | null): Promise<void> {
  await expect.poll(() => params(page).get(name), { message: `URL parameter ${name}` }).toBe(value);
}

/** The Browse results heading, e.g. `18 episodes`, once the island has loaded. */
export function resultsHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 2, name: /^[\d,]+ episodes?$/ });
}

/** Opens Browse at a query string and waits until it shows a result count. */
export async function openBrowse(page: Page, query = ''): Promise<void> {
  await page.goto(`browse/${query ? `?${query}` : ''}`);
  await expect(resultsHeading(page)).toBeVisible();
}

export async function expectResultCount(page: Page, count: number): Promise<void> {
  await expect(resultsHeading(page)).toHaveText(`${count} ${count === 1 ? 'episode' : 'episodes'}`);
}

/** A facet of Browse: the fieldset whose legend starts with `legend`. */
export function facet(page: Page, legend: string): Locator {
  return page.getByRole('group', { name: new RegExp(`^${escape(legend)}( \\(|$)`) });
}

/** A facet value's checkbox, by the label it reads before its count: `S3 · Developer …`. */
export function facetValue(page: Page, legend: string, label: string): Locator {
  return facet(page, legend).getByRole('checkbox', {
    name: new RegExp(`^${escape(label)} \\([\\d,]+\\)$`),
  });
}

/** Checks that a facet value reads `label (count)` beside its checkbox. */
export async function expectFacetCount(
  page: Page,
  legend: string,
  label: string,
  count: number,
): Promise<void> {
  await expect(facetValue(page, legend, label)).toHaveAccessibleName(`${label} (${count})`);
}

/** The Browse results: the region named after the result count. */
export function results(page: Page): Locator {
  return page.getByRole('region', { name: /^[\d,]+ episodes?$/ });
}

/** A label code or agent name as a URL segment: `S3` → `s3`, `Claude Code` → `claude-code`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A string as a literal inside a regular expression. */
export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
