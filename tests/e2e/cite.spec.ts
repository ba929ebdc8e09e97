/**
 * Citing and reporting as a reader does it: copy the citation line and the BibTeX of an episode
 * and of the paper, read them with scripts off, and open a problem report about an episode.
 */
import { test, expect, type Page } from '@playwright/test';
import { PAPER_BIBTEX } from '../../src/lib/paper-figures.ts';
import { ISSUES_URL } from './build-env.ts';
import { pick } from './helpers.ts';

const episode = pick('VALID episode', (e) => e.validation.label === 'VALID');
const key = [
  episode.key.source,
  episode.key.repository,
  episode.key.session,
  episode.key.misalignment,
];

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe('with scripts on', () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(baseURL ?? '').origin,
    });
  });

  test('an episode page copies its citation line and its BibTeX entry', async ({ page }) => {
    await page.goto(`episodes/${episode.id}/`);
    const cite = page.getByRole('region', { name: 'Cite this episode' });
    const permalink = page.url();

    await cite.getByRole('button', { name: 'Copy citation' }).click();
    const line = await clipboard(page);
    expect(line).toContain(episode.name);
    expect(line).toContain(key.join('/'));
    await expect(cite.getByRole('status').first()).toHaveText('Copied.');

    await cite.getByRole('button', { name: 'Copy BibTeX' }).click();
    const bibtex = await clipboard(page);
    expect(bibtex.startsWith(`@misc{atlas-${episode.id},`)).toBe(true);
    expect(bibtex).toContain(`/episodes/${episode.id}/}`);
    expect(new URL(permalink).pathname.endsWith(`/episodes/${episode.id}/`)).toBe(true);
    expect(bibtex).toContain('arXiv:2605.29442');
    expect(await cite.locator('pre').innerText()).toBe(bibtex);
  });

  test('About copies the paper’s BibTeX', async ({ page }) => {
    await page.goto('about/');
    await page.getByRole('button', { name: 'Copy BibTeX' }).click();
    expect(await clipboard(page)).toBe(PAPER_BIBTEX);
  });
});

test.describe('with scripts off', () => {
  test.use({ javaScriptEnabled: false });

  test('the citation and BibTeX stay on the page as text and no dead button is offered', async ({
    page,
  }) => {
    await page.goto(`episodes/${episode.id}/`);
    const cite = page.getByRole('region', { name: 'Cite this episode' });
    await expect(cite.getByText(`@misc{atlas-${episode.id},`)).toBeVisible();
    await expect(cite.getByRole('button')).toHaveCount(0);
  });
});

test('an episode page and About link to a problem report on the issue tracker', async ({
  page,
}) => {
  await page.goto(`episodes/${episode.id}/`);
  const link = page.getByRole('link', { name: 'Report a problem with this episode' });
  const href = new URL((await link.getAttribute('href')) ?? '');
  expect(`${href.origin}${href.pathname}`).toBe(`${ISSUES_URL}/new`);
  expect(href.searchParams.get('title')).toBe(`Problem with episode ${episode.id}`);
  expect(href.searchParams.get('body')).toContain(`/episodes/${episode.id}/`);

  await page.goto('about/');
  const about = new URL(
    (await page
      .getByRole('link', { name: 'Report a problem', exact: true })
      .getAttribute('href')) ?? '',
  );
  expect(`${about.origin}${about.pathname}`).toBe(`${ISSUES_URL}/new`);
});
