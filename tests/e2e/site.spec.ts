/**
 * The server-rendered pages as a reader meets them: the overview and its charts, an episode page
 * (every field, no JavaScript), the taxonomy and agent pages, About and the 404 page. Expected
 * figures come from the sample data (see helpers.ts), never from the page itself.
 */
import { test, expect, type Page } from '@playwright/test';
import { labelName, labelTitle } from '../../src/lib/taxonomy.ts';
import type { Episode } from '../../src/lib/schema.ts';
import {
  countValid,
  escape,
  episodes,
  expectParam,
  expectPath,
  expectResultCount,
  facetValue,
  hasSymptom,
  invalidEpisodes,
  longDate,
  pick,
  report,
  results,
  slug,
  validEpisodes,
} from './helpers.ts';

/**
 * An episode page's only script is the copy buttons' module: a file every page shares (and a
 * browser caches), not inline code repeated in each of them.
 */
async function expectOnlyCopyScript(page: Page): Promise<void> {
  await expect(page.locator('script')).toHaveCount(1);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  const src = (await page.locator('script').getAttribute('src')) ?? '';
  const response = await page.request.get(new URL(src, page.url()).href);
  expect(await response.text()).toContain('data-copy');
}

/** The episode page's facts as term → shown value. */
async function facts(page: Page): Promise<Record<string, string>> {
  const main = page.getByRole('main');
  // textContent, not innerText: the terms are upper-cased by CSS only.
  const terms = await main.getByRole('term').allTextContents();
  const values = await main.getByRole('definition').allTextContents();
  expect(values).toHaveLength(terms.length);
  return Object.fromEntries(terms.map((term, i) => [term.trim(), (values[i] ?? '').trim()]));
}

/** Checks the title, description, facts and every evidence item of an episode page. */
async function expectEpisodeBasics(page: Page, episode: Episode, baseURL: string | undefined) {
  await expect(page).toHaveTitle(`${episode.name} · Coding Agent Misalignment Atlas`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(episode.name);
  await expect(page.getByText(`Episode ${episode.id}`, { exact: true })).toBeVisible();
  await expect(page.getByText(episode.description, { exact: true })).toBeVisible();
  // Search engines and link previews both get the start of the description: Lighthouse's SEO
  // audit marks a page without a meta description (91 instead of 100), so it stays.
  await expect(page.locator('meta[name="description"]')).toHaveCount(1);
  const meta = (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
  expect(meta.length).toBeGreaterThan(40);
  expect(episode.description.startsWith(meta.replace(/…$/, ''))).toBe(true);
  // Link previews fall back to the meta description; an og:description would be its copy.
  await expect(page.locator('meta[property="og:description"]')).toHaveCount(0);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', episode.name);
  // The no-JS stylesheet is linked only from the pages that have parts needing JavaScript.
  await expect(page.locator('link[href$="no-js.css"]')).toHaveCount(0);
  // Nothing inline runs here, so the policy allows no hash: only files from the site itself.
  const policy = await page
    .locator('meta[http-equiv="content-security-policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self';");
  expect(policy).not.toContain('sha256');

  const turns = (n: number | null) => (n === null ? 'not recorded' : String(n));
  expect(await facts(page)).toMatchObject({
    Date: longDate(episode.timestamp),
    Agent: episode.agent,
    Platform: episode.platform,
    Source: labelName(episode.key.source),
    'Alignment goal': labelName(episode.alignmentGoal),
    Confidence: labelName(episode.confidence),
    Turns: `${turns(episode.userTurns)} developer · ${turns(episode.agentTurns)} agent`,
    Licence: episode.licence,
    Record: `${episode.key.source} / ${episode.key.repository} / ${episode.key.session} / ${episode.key.misalignment}`,
  });
  const agent = page.getByRole('main').getByRole('link', { name: episode.agent, exact: true });
  await expect(agent).toHaveAttribute('href', path(baseURL, `agents/${slug(episode.agent)}/`));

  await expect(page.getByRole('heading', { name: 'Evidence from the conversation' })).toBeVisible();
  const items = page
    .getByRole('main')
    .getByRole('list')
    .filter({ has: page.getByRole('blockquote') })
    .getByRole('listitem');
  await expect(items).toHaveCount(episode.evidence.length);
  for (const [i, evidence] of episode.evidence.entries()) {
    const item = items.nth(i);
    await expect(item.getByText(shownTurn(evidence.turn), { exact: true })).toBeVisible();
    // innerText, unlike toHaveText, keeps line breaks: a quote over several lines must keep them.
    expect(await item.getByRole('blockquote').innerText()).toBe(evidence.quote);
    if (evidence.context)
      await expect(item.getByText(evidence.context, { exact: true })).toBeVisible();
  }
}

/** `TURN 3 | USER` or `Turn 3 | User` as the page should show it: `Turn 3 · User`. */
function shownTurn(turn: string): string {
  const [label = '', speaker = ''] = turn.split('|').map((part) => part.trim().toLowerCase());
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(label)} · ${cap(speaker)}`;
}

/** `1 episode`, `7 episodes`. */
function episodeCount(n: number): string {
  return `${n} episode${n === 1 ? '' : 's'}`;
}

/** A site path under the project's base, as it appears in an `href`. */
function path(baseURL: string | undefined, sitePathname: string): string {
  return new URL(sitePathname, baseURL).pathname;
}

test('the overview names the atlas, shows the data at a glance and links to Browse', async ({
  page,
  baseURL,
}) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Coding Agent Misalignment Atlas/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Coding Agent Misalignment Atlas',
  );
  const glance = page.getByRole('region', { name: 'The data at a glance' });
  await expect(
    glance.getByRole('link', { name: String(episodes.length), exact: true }),
  ).toBeVisible();
  await expect(
    glance.getByRole('link', { name: String(validEpisodes.length), exact: true }),
  ).toBeVisible();
  await expect(glance.getByText(`computed from the ${episodes.length} episodes`)).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Browse' })
    .click();
  await expectPath(page, baseURL, 'browse/');
  await expectResultCount(page, validEpisodes.length);
});

test('every bar of the form chart states the share and count the data gives', async ({ page }) => {
  await page.goto('./');
  const chart = page.getByRole('figure', { name: /^Forms of misalignment/ });
  for (const code of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8']) {
    const count = countValid(hasSymptom(code));
    const share = ((count / validEpisodes.length) * 100).toFixed(1);
    const name = `${labelTitle(code)}: ${share}% of valid episodes (${count} episode${count === 1 ? '' : 's'})`;
    await expect(
      chart.getByRole('link', { name: new RegExp(`^${escape(labelTitle(code))}: `) }),
    ).toHaveAccessibleName(new RegExp(`^${escape(name)}`));
  }
});

test('clicking the S3 bar lands on Browse filtered to S3 with the data’s count', async ({
  page,
  baseURL,
}) => {
  await page.goto('./');
  const chart = page.getByRole('figure', { name: /^Forms of misalignment/ });
  await chart.getByRole('link', { name: /^S3 · Developer Constraint Violation: / }).click();

  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'symptom', 'S3');
  await expectResultCount(page, countValid(hasSymptom('S3')));
  await expect(
    facetValue(page, 'Form (symptom)', 'S3 · Developer Constraint Violation'),
  ).toBeChecked();
});

test('a valid episode page shows every field, links each label and ships only the copy script', async ({
  page,
  baseURL,
}) => {
  // An episode that exercises every part of the page: a damage locus, a resolver, an evidence
  // quote over several lines, a context on every quote and a validator's note.
  const episode = pick(
    'VALID episode with locus, resolver, multi-line quote, contexts and note',
    (e) =>
      e.validation.label === 'VALID' &&
      !!e.annotation?.outcome.locus &&
      !!e.annotation.resolution.resolver &&
      e.evidence.some((q) => q.quote.includes('\n')) &&
      e.evidence.every((q) => q.context !== '') &&
      !!e.validation.note,
  );
  const a = episode.annotation;
  if (!a) throw new Error('a VALID episode carries an annotation');
  await page.goto(`episodes/${episode.id}/`);
  await expectEpisodeBasics(page, episode, baseURL);
  await expect(page.getByRole('heading', { level: 2, name: 'Annotation' })).toBeVisible();
  const axes: Array<{
    title: string;
    pills: Array<{ axis: string; code: string; note?: string }>;
    reasoning: string;
  }> = [
    {
      title: 'Form',
      pills: a.symptom.labels.map((code) => ({ axis: 'form', code })),
      reasoning: a.symptom.reasoning,
    },
    {
      title: 'Cause',
      pills: a.cause.labels.map((c) => ({
        axis: 'cause',
        code: c.code,
        ...(c.tier ? { note: `${labelName(c.tier)} evidence` } : {}),
      })),
      reasoning: a.cause.reasoning,
    },
    {
      title: 'Cost',
      pills: [
        { axis: 'cost', code: a.outcome.severity },
        ...(a.outcome.locus ? [{ axis: 'locus', code: a.outcome.locus }] : []),
      ],
      reasoning: a.outcome.reasoning,
    },
    {
      title: 'Resolution',
      pills: [
        { axis: 'resolution', code: a.resolution.status },
        ...(a.resolution.resolver ? [{ axis: 'resolver', code: a.resolution.resolver }] : []),
      ],
      reasoning: a.resolution.reasoning,
    },
  ];
  for (const axis of axes) {
    const section = page.getByRole('region', { name: axis.title, exact: true });
    const links = section.getByRole('link');
    await expect(links).toHaveCount(axis.pills.length);
    for (const [i, pill] of axis.pills.entries()) {
      const name = `${pill.code} ${labelName(pill.code)}${pill.note ? ` · ${pill.note}` : ''}`;
      await expect(links.nth(i)).toHaveAccessibleName(name);
      await expect(links.nth(i)).toHaveAttribute(
        'href',
        path(baseURL, `taxonomy/${pill.axis}/${slug(pill.code)}/`),
      );
    }
    await expect(section.getByText(axis.reasoning, { exact: true })).toBeVisible();
  }
  await expect(page.getByText(`Validator's note: ${episode.validation.note}`)).toBeVisible();
  await expectOnlyCopyScript(page);

  // A pill is a way into the taxonomy.
  const first = a.symptom.labels[0] ?? 'S1';
  await page
    .getByRole('region', { name: 'Form', exact: true })
    .getByRole('link', { name: `${first} ${labelName(first)}` })
    .click();
  await expectPath(page, baseURL, `taxonomy/form/${slug(first)}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(labelTitle(first));
});

test('an invalid episode page shows why it was rejected and ships only the copy script', async ({
  page,
  baseURL,
}) => {
  const episode = pick(
    'INVALID episode with a known category, a note and a multi-line quote',
    (e) =>
      e.validation.label === 'INVALID' &&
      !!e.validation.note &&
      !e.validation.category?.startsWith('custom:') &&
      e.evidence.some((q) => q.quote.includes('\n')),
  );
  const category = episode.validation.category ?? '';
  await page.goto(`episodes/${episode.id}/`);
  await expectEpisodeBasics(page, episode, baseURL);

  const notice = page.getByRole('note', { name: 'Rejected by validation' });
  await expect(notice).toContainText('Rejected in validation.');
  const pill = notice.getByRole('link', { name: labelName(category), exact: true });
  await expect(pill).toHaveAttribute(
    'href',
    path(baseURL, `taxonomy/validation/${slug(category)}/`),
  );
  await expect(notice.getByText(episode.validation.note ?? '', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Annotation' })).toHaveCount(0);
  await expectOnlyCopyScript(page);
});

test('the taxonomy lists every form with its count and each label page lists its episodes', async ({
  page,
  baseURL,
}) => {
  await page.goto('taxonomy/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taxonomy');
  const form = page.getByRole('region', { name: /^Form / });
  for (const code of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8']) {
    await expect(form.getByRole('link', { name: new RegExp(`^${code} `) })).toHaveAccessibleName(
      `${code} ${labelName(code)} · ${episodeCount(countValid(hasSymptom(code)))}`,
    );
  }

  await form.getByRole('link', { name: /^S3 / }).click();
  await expectPath(page, baseURL, 'taxonomy/form/s3/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(labelTitle('S3'));
  await expect(page.locator('script')).toHaveCount(0);
  const s3 = validEpisodes.filter(hasSymptom('S3'));
  const listing = page.getByRole('region', { name: `Episodes labelled ${labelTitle('S3')}` });
  await expect(listing.getByText(`${s3.length} episodes, newest first`)).toBeVisible();
  const shown = await listing.getByRole('heading', { level: 3 }).allInnerTexts();
  // 20 a page: the first page holds the newest ones.
  expect(shown).toHaveLength(Math.min(20, s3.length));
  for (const title of shown) expect(s3.map((e) => e.name)).toContain(title);

  await page.getByRole('link', { name: 'Open in Browse with this filter' }).click();
  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'symptom', 'S3');
  await expectResultCount(page, s3.length);
});

test('a label with more episodes than a page lists the newest 20 and goes on in Browse with them all', async ({
  page,
  baseURL,
}) => {
  // Listings are built one page long (issue 14: Browse serves the rest); RS1 is the sample's longest.
  const resolved = episodes.filter((e) => e.annotation?.resolution.status === 'RS1');
  expect(resolved.length).toBeGreaterThan(20);
  await page.goto('taxonomy/resolution/rs1/');
  const listing = page.getByRole('region', { name: `Episodes labelled ${labelTitle('RS1')}` });
  await expect(
    listing.getByText(`${resolved.length} episodes, newest first; the newest 20 are listed here.`),
  ).toBeVisible();
  const shown = await listing.getByRole('heading', { level: 3 }).allInnerTexts();
  expect(shown).toHaveLength(20);
  for (const title of shown) expect(resolved.map((e) => e.name)).toContain(title);
  await expect(listing.getByRole('navigation')).toHaveCount(0);
  await expect(listing.getByText(`The other ${resolved.length - 20} are in Browse:`)).toBeVisible();
  expect((await page.request.get('taxonomy/resolution/rs1/2/')).status()).toBe(404);

  await listing
    .getByRole('link', { name: `all ${resolved.length} episodes, newest first`, exact: true })
    .click();
  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'status', 'RS1');
  await expectParam(page, 'validation', 'all');
  await expectResultCount(page, resolved.length);
  for (const e of resolved.filter((x) => !shown.includes(x.name)))
    await expect(results(page).getByRole('link', { name: e.name, exact: true })).toBeVisible();
});

test('each axis page states how many episodes its shares are of, with the paper’s denominators', async ({
  page,
}) => {
  // The paper's denominators: locus over damaging episodes, resolver over resolved ones.
  const damaging = validEpisodes.filter((e) =>
    ['DS2', 'DS3'].includes(e.annotation?.outcome.severity ?? ''),
  );
  const resolved = validEpisodes.filter((e) => e.annotation?.resolution.status === 'RS1');
  const populations: Array<[string, string, boolean]> = [
    ['form', `${validEpisodes.length} valid episodes`, true],
    ['cause', `${validEpisodes.length} valid episodes`, true],
    ['cost', `${validEpisodes.length} valid episodes`, false],
    ['locus', `${damaging.length} damaging episodes (DS2 or DS3)`, false],
    ['resolver', `${resolved.length} resolved episodes (RS1)`, false],
    ['validation', `${invalidEpisodes.length} rejected candidates`, false],
  ];
  for (const [axis, population, multi] of populations) {
    await page.goto(`taxonomy/${axis}/`);
    const lead = page.getByRole('paragraph').filter({ hasText: 'Shares are of the' });
    await expect(lead, `taxonomy/${axis}/`).toContainText(
      `Shares are of the ${population} in this atlas`,
    );
    await expect(lead, `taxonomy/${axis}/`).toContainText(
      multi ? 'an episode can carry more than one label' : 'one label each',
    );
  }

  // A locus's share on its own page is of the damaging episodes too.
  const dl1 = damaging.filter((e) => e.annotation?.outcome.locus === 'DL1').length;
  await page.goto('taxonomy/locus/dl1/');
  const share = page
    .getByRole('term')
    .filter({ hasText: /^Share of damaging episodes \(DS2 or DS3\)$/ });
  await expect(share.locator('xpath=following-sibling::dd')).toHaveText(
    `${((100 * dl1) / damaging.length).toFixed(1)}%`,
  );

  // The paper's figures beside ours, over the same denominator (Table 3: DL1 of DS2 + DS3).
  const paper = page.getByRole('term').filter({ hasText: 'Paper: share of damaging episodes' });
  await expect(paper.locator('xpath=following-sibling::dd')).toHaveText('75.80%');
  const platforms = page.getByRole('table', { name: /by platform/ });
  await expect(platforms.getByRole('row', { name: /^IDE / })).toContainText('83.67%');
  await expect(platforms.getByRole('row', { name: /^CLI / })).toContainText('58.85%');

  await page.goto('taxonomy/resolver/');
  await expect(page.getByRole('row', { name: /^RV2 / })).toContainText('91.49%');
  await page.goto('taxonomy/locus/');
  await expect(page.getByRole('row', { name: /^DL4 / })).toContainText('3.57%');
});

test('the validation page counts the rejected candidates of each category', async ({ page }) => {
  await page.goto('taxonomy/validation/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validation');
  const table = page.getByRole('table');
  for (const category of new Set(invalidEpisodes.map((e) => e.validation.category ?? ''))) {
    const count = invalidEpisodes.filter((e) => e.validation.category === category).length;
    const row = table.getByRole('row').filter({
      has: page.getByRole('link', { name: labelName(category), exact: true }),
    });
    await expect(row.getByRole('cell').nth(1), category).toHaveText(String(count));
  }
});

test('the agents page counts each agent’s episodes and leads to its Browse view', async ({
  page,
  baseURL,
}) => {
  await page.goto('agents/');
  const agents = [...new Set(episodes.map((e) => e.agent))];
  const table = page.getByRole('table', { name: 'Agents and their episode counts' });
  await expect(table.getByRole('row')).toHaveCount(agents.length + 1);
  for (const agent of agents) {
    const own = episodes.filter((e) => e.agent === agent);
    const valid = own.filter((e) => e.validation.label === 'VALID').length;
    const row = table.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: agent, exact: true }),
    });
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(own.length));
    await expect(row.getByRole('cell').nth(2)).toHaveText(String(valid));
  }

  const agent = 'Claude Code';
  const own = episodes.filter((e) => e.agent === agent);
  const valid = own.filter((e) => e.validation.label === 'VALID').length;
  await table.getByRole('link', { name: agent, exact: true }).click();
  await expectPath(page, baseURL, 'agents/claude-code/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(agent);
  await expect(
    page.getByText(
      `${valid} valid episodes of ${agent} in this atlas, and ${own.length - valid} rejected candidates, listed apart`,
    ),
  ).toBeVisible();
  await expect(page.locator('script')).toHaveCount(0);
  const listing = page.getByRole('region', { name: `Valid episodes of ${agent}` });
  await expect(listing.getByRole('heading', { level: 3 })).toHaveCount(Math.min(20, valid));

  await page.getByRole('link', { name: `${valid} valid episodes`, exact: true }).click();
  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'agent', agent);
  await expectResultCount(page, valid);
  await expect(facetValue(page, 'Agent', agent)).toBeChecked();
  for (const e of validEpisodes.filter((x) => x.agent === agent).slice(0, 3))
    await expect(results(page).getByRole('link', { name: e.name, exact: true })).toBeVisible();
});

test('About accounts for every record of the input', async ({ page }) => {
  await page.goto('about/');
  const records = page.getByRole('table', { name: 'Records' });
  const expected: Array<[string, number]> = [
    ['Records in the input', report.input],
    ['Published', report.published],
    ['of which valid episodes', validEpisodes.length],
    ['of which rejected in validation', invalidEpisodes.length],
    ['Excluded: Licence not permissive', report.excluded.license],
  ];
  for (const [label, count] of expected)
    await expect(
      records.getByRole('row', { name: `${label} ${count}`, exact: true }),
    ).toBeVisible();
  expect(report.published).toBe(episodes.length);
});

test('an unknown address shows the 404 page, whose search leads to Browse', async ({
  page,
  baseURL,
}) => {
  const response = await page.goto('episodes/no-such-episode/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

  // Search by the longest word of the newest valid episode's title.
  const episode = validEpisodes.reduce((a, b) => (b.timestamp > a.timestamp ? b : a));
  const word = episode.name.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a));
  await page.getByRole('searchbox', { name: 'Search the episodes' }).fill(word);
  await page.getByRole('button', { name: 'Search' }).click();
  await expectPath(page, baseURL, 'browse/');
  await expectParam(page, 'q', word);
  await expect(page.getByRole('searchbox', { name: 'Search episodes' })).toHaveValue(word);
  await expect(results(page).getByRole('link', { name: episode.name, exact: true })).toBeVisible();
});
