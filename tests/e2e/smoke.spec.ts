import { test, expect } from '@playwright/test';

test('the overview names the atlas and links to Browse', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Coding Agent Misalignment Atlas/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
  await expect(page).toHaveURL(/\/browse\/$/);
});
