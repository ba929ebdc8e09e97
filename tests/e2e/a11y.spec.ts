import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';

/**
 * Accessibility: axe (WCAG 2.1 A and AA rules) on every kind of page, in the light and the dark
 * theme, must find no serious or critical violation; and Browse can be used with the keyboard
 * alone, from the skip link to an episode, with a visible focus indicator at every stop.
 */

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Each kind of page, with what to wait for before it is ready to check. */
const PAGES: Array<{ name: string; path: string; ready: (page: Page) => Promise<void> }> = [
  { name: 'the overview', path: './', ready: heading1 },
  {
    name: 'Browse with filters applied',
    path: 'browse/?q=config&symptom=S3,S4&cause=C6',
    ready: browseReady,
  },
  {
    name: 'Browse in the table view',
    path: 'browse/?validation=all&view=table',
    ready: tableReady,
  },
  { name: 'an episode', path: 'episodes/specstory-1000203391-s002-m001/', ready: heading1 },
  { name: 'a taxonomy label', path: 'taxonomy/form/s3/', ready: heading1 },
  { name: 'the taxonomy', path: 'taxonomy/', ready: heading1 },
  { name: 'an agent', path: 'agents/claude-code/', ready: heading1 },
  { name: 'a comparison', path: 'compare/ide-vs-cli/', ready: heading1 },
  {
    name: 'the compare view with four groups',
    path: 'compare/?g=agent:Claude+Code&g=agent:Codex&g=platform:IDE&g=dates:2025-01-01..2025-12-31',
    ready: compareReady,
  },
  { name: 'the trends', path: 'trends/', ready: heading1 },
  { name: 'the trends of causes', path: 'trends/cause/', ready: heading1 },
  { name: "an agent's rejected candidates", path: 'agents/claude-code/rejected/', ready: heading1 },
  { name: 'a full-corpus comparison', path: 'corpus/compare/ide-vs-cli/', ready: heading1 },
  { name: 'about', path: 'about/', ready: heading1 },
  { name: 'the paper reproduction', path: 'paper/', ready: heading1 },
  { name: 'the full-corpus overview', path: 'corpus/', ready: heading1 },
  { name: 'a full-corpus agent', path: 'corpus/agents/claude-code/', ready: heading1 },
  { name: 'the method page', path: 'method/', ready: heading1 },
  { name: 'the 404 page', path: 'no-such-page/', ready: heading1 },
];

/** Relative luminance (0 black … 1 white) of a CSS `rgb(…)` colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function compareReady(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Resolver' })).toBeVisible();
}

async function heading1(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function browseReady(page: Page): Promise<void> {
  await heading1(page);
  await expect(page.getByRole('heading', { level: 2, name: /\d+ episodes?$/ })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function tableReady(page: Page): Promise<void> {
  await browseReady(page);
  await expect(page.getByRole('table')).toBeVisible();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const { name, path, ready } of PAGES) {
      test(`${name} has no serious or critical violation`, async ({ page }) => {
        // axe on a large page takes a while, more so while the machine is busy.
        test.slow();
        await page.goto(path);
        await ready(page);
        // The theme really is the one asked for: a light page on a light background, and so on.
        const background = await page.evaluate(
          () => getComputedStyle(document.body).backgroundColor,
        );
        expect(luminance(background) > 0.5, `${colorScheme} theme background ${background}`).toBe(
          colorScheme === 'light',
        );
        const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({
            rule: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
          }));
        expect(serious).toEqual([]);
      });
    }
  });
}

interface Focused {
  tag: string;
  type: string;
  name: string;
  href: string;
  visibleFocus: boolean;
}

/** The focused element: what it is, its name as a user would read it, and whether focus shows. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body)
      return { tag: 'body', type: '', name: '', href: '', visibleFocus: false };
    const input = el as HTMLInputElement;
    const label =
      el.getAttribute('aria-label') ??
      input.labels?.[0]?.textContent ??
      el.closest('label')?.textContent ??
      el.textContent;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type,
      name: label.replace(/\s+/g, ' ').trim(),
      href: el.getAttribute('href') ?? '',
      visibleFocus: outline || ring,
    };
  });
}

/** Presses Tab until `wanted` holds for the focused element; fails if it never does. */
async function tabTo(
  page: Page,
  what: string,
  wanted: (f: Focused) => boolean,
  max = 250,
): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) {
      expect(now.visibleFocus, `${what} shows no focus indicator`).toBe(true);
      return now;
    }
  }
  throw new Error(`${what} cannot be reached with Tab`);
}

test('Browse can be used with the keyboard alone', async ({ page }) => {
  await page.goto('browse/');
  await browseReady(page);

  // The first stop is the skip link, and it lands in the main content.
  await page.keyboard.press('Tab');
  const skip = await focused(page);
  expect(skip.name).toMatch(/skip to content/i);
  expect(skip.visibleFocus).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);

  await tabTo(page, 'the search box', (f) => f.tag === 'input' && f.type === 'search');
  await page.keyboard.type('config');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]q=config/);
  await browseReady(page);

  await tabTo(
    page,
    'the Developer Constraint Violation checkbox',
    (f) => f.type === 'checkbox' && /Developer Constraint Violation/.test(f.name),
  );
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/[?&]symptom=S3/);
  await expect(
    page.getByRole('checkbox', { name: /Developer Constraint Violation/ }),
  ).toBeChecked();
  await browseReady(page);

  await tabTo(page, 'the Table view button', (f) => f.tag === 'button' && f.name === 'Table');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]view=table/);
  await expect(page.getByRole('table')).toBeVisible();

  const link = await tabTo(
    page,
    'an episode link in the table',
    (f) => f.tag === 'a' && /\/episodes\//.test(f.href),
  );
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${link.href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await heading1(page);

  // Back returns to the same view, filters and all.
  await page.goBack();
  await expect(page).toHaveURL(/[?&]view=table/);
  await expect(page).toHaveURL(/[?&]symptom=S3/);
  await expect(page.getByRole('table')).toBeVisible();
});

test('the overview costs one Tab stop per bar and keeps dense charts in their tables', async ({
  page,
}) => {
  await page.goto('./');
  await heading1(page);
  const stops = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary')]
      .filter((e) => e.tabIndex >= 0 && e.checkVisibility())
      .map((e) => e.closest('figure')?.id ?? ''),
  );
  const perChart = (id: string) => stops.filter((s) => s === id).length;
  // A bar chart: one stop per bar (its label, bar and value are one link) plus "Show as table".
  expect(perChart('chart-form')).toBe(8 + 1);
  // The heatmap and the monthly chart: only "Show as table"; their links wait in the table.
  expect(perChart('chart-form-cause')).toBe(1);
  expect(perChart('chart-month')).toBe(1);
  for (const id of ['chart-form-cause', 'chart-month']) {
    const figure = page.locator(`#${id}`);
    const inChart = await figure
      .locator('svg a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const inTable = await figure
      .locator('table a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(inChart.length).toBeGreaterThan(0);
    expect(new Set(inTable)).toEqual(new Set(inChart));
  }
  expect(stops.length).toBeLessThan(100);
});
