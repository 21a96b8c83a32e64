import { expect, test } from '@playwright/test';
import { followerRows, openApp } from './support/app';
import { expectControlsNamed } from './support/a11y';
import { snap } from './support/screenshots';
import { startHost, type RunningHost } from './support/webhost';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

test.use({ locale: 'zh-CN' });

test('the language can be switched in settings, and the choice is kept', async ({ page }) => {
  await openApp(page, host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('粉丝分组助手');
  await expect(followerRows(page).first()).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: '设置' }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await expect(settings.getByRole('radiogroup', { name: '语言' })).toBeVisible();
  await expect(settings.getByText('数据文件夹')).toBeVisible();
  await expect(settings.getByText(host.dataDir, { exact: true })).toBeVisible();
  await snap(page, 'settings-zh');
  await expectControlsNamed(page);

  // Dark, then back to following the system.
  await settings.getByText('深色', { exact: true }).click();
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
  await page.keyboard.press('Escape');
  await snap(page, 'main-dark-zh');
  await page.getByRole('button', { name: '设置' }).click();
  await settings.getByText('跟随系统', { exact: true }).last().click();
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'light');

  await settings.getByRole('radio', { name: 'English' }).click();
  const english = page.getByRole('dialog', { name: 'Settings' });
  await expect(english.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(english.getByRole('radiogroup', { name: 'Language' })).toBeVisible();
  await snap(page, 'settings-en');
  await page.keyboard.press('Escape');
  await expect(english).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Follower Groups');
  await expect(
    page
      .getByRole('navigation', { name: 'Tags and groups' })
      .getByRole('button', { name: /^All followers / }),
  ).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Followed on' })).toBeVisible();
  await expect(page.getByTestId('follower-count')).toHaveText(/^[\d,]+ followers$/);

  // Kept across a restart of the window.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Follower Groups');
  await snap(page, 'main-en');

  // And back to Chinese.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: '简体中文' }).click();
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('粉丝分组助手');
});
