/**
 * The full corpus as a reader meets it, on the synthetic core the e2e build uses (no content/core/
 * here): /paper/ names what it was built from and sets each figure beside the paper's, marked;
 * the overview, taxonomy and agent views switch to the full corpus by plain links, and every page
 * that shows the synthetic core says so. Expected figures come from the core files themselves.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { CORE_FILES, type CoreKind } from '../../src/lib/core/schema.ts';
import { SAMPLE_CORE_DIR } from '../../src/lib/core/step.ts';

type Row = Record<string, unknown>;
function rows(kind: CoreKind): Row[] {
  return JSON.parse(readFileSync(`${SAMPLE_CORE_DIR}/${CORE_FILES[kind]}`, 'utf8')) as Row[];
}
const sessions = rows('sessions');
const validated = rows('validated');
const annotated = rows('annotated');
const grouped = (n: number) => n.toLocaleString('en-US');

// The links must work with no script at all: they are the switch.
test.use({ javaScriptEnabled: false });

test('the paper page names the core it was built from and says it is synthetic', async ({
  page,
}) => {
  await page.goto('paper/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reproducing the paper');
  await expect(page.getByRole('complementary', { name: 'Synthetic corpus notice' })).toBeVisible();
  const builtFrom = page.locator('ul.files');
  await expect(builtFrom).toContainText(
    `${CORE_FILES.annotated}: ${grouped(annotated.length)} rows`,
  );
  await expect(builtFrom).toContainText(
    `${CORE_FILES.validated}: ${grouped(validated.length)} rows`,
  );
  await expect(builtFrom).toContainText(`${CORE_FILES.sessions}: ${grouped(sessions.length)} rows`);
});

test('the paper page sets each figure beside the printed one with a match mark', async ({
  page,
}) => {
  await page.goto('paper/');
  const table = page.getByRole('table', { name: /Corpus and pipeline/ });
  const row = table.getByRole('row', { name: /^Sessions / });
  await expect(row).toContainText(String(sessions.length));
  await expect(row).toContainText('paper 20,574');
  await expect(row).toContainText(`✗ −${grouped(20_574 - sessions.length)}`);
  const valid = table.getByRole('row', { name: /^Valid episodes / });
  await expect(valid).toContainText(`${annotated.length} paper 16,118`);
  // Every section of the contents has its table.
  const sections = await page
    .getByRole('navigation', { name: 'Contents' })
    .getByRole('link')
    .count();
  expect(sections).toBeGreaterThan(15);
  await expect(page.getByRole('table')).toHaveCount(sections);
});

test('the overview switches to the full corpus and back by links', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('complementary', { name: 'Synthetic corpus notice' })).toHaveCount(0);
  const views = page.getByRole('navigation', { name: 'Data shown' });
  await expect(views.getByRole('link', { name: /Published episodes/ })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await views.getByRole('link', { name: /Full corpus/ }).click();
  await expect(page).toHaveURL(/\/corpus\/$/);
  await expect(page.getByRole('complementary', { name: 'Synthetic corpus notice' })).toBeVisible();
  const figures = page.getByRole('main').locator('dl');
  // Words and figures are separate elements; the page keeps the space between them.
  await expect(figures).toContainText(new RegExp(`Sessions\\s*${grouped(sessions.length)}`));
  await expect(figures).toContainText(new RegExp(`Valid episodes\\s*${grouped(annotated.length)}`));
  await page
    .getByRole('navigation', { name: 'Data shown' })
    .getByRole('link', { name: /Published episodes/ })
    .click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Coding Agent Misalignment Atlas',
  );
});

test('the full-corpus overview links its charts to the full-corpus views', async ({ page }) => {
  await page.goto('corpus/');
  const main = page.getByRole('main');
  const links = {
    'The eight forms, defined': /\/corpus\/taxonomy\/form\/$/,
    'IDE and CLI compared on every axis, with tests': /\/corpus\/compare\/ide-vs-cli\/$/,
    'Episodes by agent': /\/corpus\/agents\/$/,
    "Each form's share by month, beside the paper's reading": /\/corpus\/trends\/$/,
    'The whole taxonomy': /\/corpus\/taxonomy\/$/,
  };
  for (const [name, href] of Object.entries(links))
    await expect(main.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  // The link leads somewhere: the corpus comparison is built.
  await main.getByRole('link', { name: 'IDE and CLI compared on every axis, with tests' }).click();
  await expect(page.getByRole('complementary', { name: 'Synthetic corpus notice' })).toBeVisible();
});

test('a taxonomy axis counts the whole corpus in its full-corpus view', async ({ page }) => {
  await page.goto('taxonomy/form/');
  await page
    .getByRole('navigation', { name: 'Data shown' })
    .getByRole('link', { name: /Full corpus/ })
    .click();
  await expect(page).toHaveURL(/\/corpus\/taxonomy\/form\/$/);
  const s3 = annotated.filter((row) => row['S3'] === true).length;
  await expect(page.getByRole('row', { name: /Developer Constraint Violation/ })).toContainText(
    grouped(s3),
  );
  await expect(
    page.getByText(`Shares are of the ${grouped(annotated.length)} valid episodes`),
  ).toBeVisible();
});

test('an agent page switches to the agent’s profile over the full corpus', async ({ page }) => {
  await page.goto('agents/claude-code/');
  await page
    .getByRole('navigation', { name: 'Data shown' })
    .getByRole('link', { name: /Full corpus/ })
    .click();
  await expect(page).toHaveURL(/\/corpus\/agents\/claude-code\/$/);
  const own = sessions.filter((row) => row['agent'] === 'Claude Code').length;
  const candidates = validated.filter((row) => row['agent'] === 'Claude Code').length;
  await expect(page.getByRole('main')).toContainText(
    `${grouped(own)} sessions (CLI) and ${grouped(candidates)} candidate episodes`,
  );
  const form = page.getByRole('region', { name: 'Profile' }).getByRole('region', { name: 'Form' });
  await expect(
    form.getByRole('table', {
      name: /^Shares of valid episodes: Claude Code [\d,]+, whole corpus/,
    }),
  ).toBeVisible();
  // The corpus has no text to read: its profile's counts link nowhere into Browse.
  await expect(form.locator('a[href*="browse/"]')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Synthetic corpus notice' })).toBeVisible();
});
