import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveFolder } from './static-server';

let server: Awaited<ReturnType<typeof serveFolder>>;
test.beforeAll(async () => {
  server = await serveFolder(resolve('out/renderer'));
});
test.afterAll(async () => server.close());

test.describe('Chinese system', () => {
  test.use({ locale: 'zh-CN' });
  test('shows the product name in Chinese', async ({ page }) => {
    await page.goto(server.url);
    await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('粉丝分组助手');
    await expect(page).toHaveTitle('粉丝分组助手');
  });
});

test.describe('English system', () => {
  test.use({ locale: 'en-US' });
  test('shows the product name in English', async ({ page }) => {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Follower Groups');
  });
});
