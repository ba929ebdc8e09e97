/**
 * What a developer comparing agents sees: similar episodes on an episode page. Expected facts
 * come from the sample data (helpers.ts), never from the page itself.
 */
import { test, expect } from '@playwright/test';
import type { Episode } from '../../src/lib/schema.ts';
import { sessionId } from '../../src/lib/ids.ts';
import { episodeById, pick } from './helpers.ts';

function labelsOf(episode: Episode): string[] {
  const a = episode.annotation;
  return a ? [...a.symptom.labels, ...a.cause.labels.map((c) => c.code)] : [];
}

test('an episode page lists up to five similar valid episodes of other sessions, without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const episode = pick('a VALID episode', (e) => e.validation.label === 'VALID');
  await page.goto(`episodes/${episode.id}/`);
  const section = page.getByRole('region', { name: 'Similar episodes' });
  const items = section.getByRole('listitem').filter({ has: page.getByRole('link') });
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    const href = (await items.nth(i).getByRole('link').first().getAttribute('href')) ?? '';
    const id = /episodes\/([^/]+)\/$/.exec(href)?.[1] ?? '';
    const other = episodeById(id);
    expect(other.validation.label).toBe('VALID');
    expect(sessionId(other.key)).not.toBe(sessionId(episode.key));
    const shared = labelsOf(other).filter((code) => labelsOf(episode).includes(code));
    expect(shared.length).toBeGreaterThan(0);
    // The shared labels are named, so a reader sees why it was suggested.
    const why = items.nth(i).getByRole('list', { name: 'Why it is similar' });
    for (const code of shared) await expect(why).toContainText(code);
    await expect(items.nth(i)).toContainText(other.agent);
  }
  await context.close();
});
