import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { followerRows, openApp } from './support/app';
import { snap } from './support/screenshots';
import { startHost, type RunningHost } from './support/webhost';

// What the desktop shell tells the owner when things go wrong, seen through the browser host (the
// same core and contract): a settings file that cannot be read, and where the log is.

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

/** Cuts settings.json short, as a power cut during a write would, and starts the host again. */
async function breakSettingsAndRestart(): Promise<void> {
  await host.stop();
  const file = join(host.dataDir, 'settings.json');
  writeFileSync(file, readFileSync(file, 'utf8').slice(0, 30));
  host = await startHost({ dataDir: host.dataDir });
}

async function atWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await snap(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

for (const { locale, lang, title, body, ok } of [
  {
    locale: 'zh-CN',
    lang: 'zh',
    title: '设置文件损坏，已恢复默认设置',
    body: /1 个公众号已找回/,
    ok: '知道了',
  },
  {
    locale: 'en-US',
    lang: 'en',
    title: 'The settings file was damaged; settings are back to their defaults',
    body: /1 account was found again/,
    ok: 'Got it',
  },
] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });

    test('an unreadable settings file: told once, the account is kept, the damaged file is named', async ({
      page,
    }) => {
      await openApp(page, host.url);
      await expect(followerRows(page).first()).toBeVisible({ timeout: 20_000 });

      await breakSettingsAndRestart();
      await openApp(page, host.url);
      const notice = page.getByRole('dialog', { name: title });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(body);
      await expect(notice).toContainText(join(host.dataDir, 'settings.unreadable-'));
      await atWidths(page, `settings-reset-${lang}`);
      await notice.getByRole('button', { name: ok }).click();
      await expect(notice).toBeHidden();
      // The demo account came back with its cache: the followers are listed.
      await expect(followerRows(page).first()).toBeVisible({ timeout: 20_000 });

      // Once: a reload of the window does not show it again.
      await page.reload();
      await expect(page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 20_000 });
      await expect(followerRows(page).first()).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('dialog', { name: title })).toHaveCount(0);

      // Nor does the next start: the file it reads now is fine.
      await host.stop();
      host = await startHost({ dataDir: host.dataDir });
      await openApp(page, host.url);
      await expect(followerRows(page).first()).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('dialog', { name: title })).toHaveCount(0);
    });

    test('About shows the log folder and offers to open it', async ({ page }) => {
      await openApp(page, host.url);
      const settingsName = lang === 'zh' ? '设置' : 'Settings';
      await page.getByRole('button', { name: settingsName }).click();
      const settings = page.getByRole('dialog', { name: settingsName });
      const logDir = join(host.dataDir, 'logs');
      await expect(
        settings.getByText(lang === 'zh' ? '日志文件夹' : 'Log folder', { exact: true }),
      ).toBeVisible();
      await expect(settings.getByText(logDir, { exact: true })).toBeVisible();
      const open = settings.getByRole('button', {
        name: lang === 'zh' ? '打开日志文件夹' : 'Open log folder',
      });
      await open.scrollIntoViewIfNeeded();
      await atWidths(page, `about-logs-${lang}`);
      // The browser host cannot open a folder on the owner's screen: it says what to do instead.
      await open.click();
      await expect(
        page.getByText(lang === 'zh' ? '这里无法直接打开文件夹' : 'The folder cannot be opened from here', {
          exact: false,
        }),
      ).toBeVisible();
      // The log is really there, and has no secret in it.
      const log = readFileSync(join(logDir, 'main.log'), 'utf8');
      expect(log.length).toBeGreaterThan(0);
      expect(log).not.toMatch(/access_token=[^*&\s"]/);
    });
  });
}
