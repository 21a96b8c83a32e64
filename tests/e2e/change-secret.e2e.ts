import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { connectAccount } from './support/accounts';
import { openApp } from './support/app';
import { SERVICE } from './support/emulator';
import { eachLanguageAndWidth } from './support/languagesAndWidths';
import { snap } from './support/screenshots';
import { startHost, type RunningHost } from './support/webhost';
import { useEmulatorAndLaterHost } from './support/emulatorAndHost';
import type { Emulator } from '../../electron/emulator';

const words = {
  zh: {
    syncNow: '立即同步',
    change: '更换 AppSecret',
    invalid: 'AppSecret 不正确',
    refused: '微信不接受这个 AppSecret，没有保存',
    saved: 'AppSecret 已更换，微信连接正常',
    save: '测试并保存',
    settings: '设置',
    section: '开发者密码（AppSecret）',
    synced: '上次同步',
  },
  en: {
    syncNow: 'Sync now',
    change: 'Change AppSecret',
    invalid: 'The AppSecret is wrong',
    refused: "WeChat doesn't accept this AppSecret, so nothing was saved",
    saved: 'AppSecret changed; WeChat answers',
    save: 'Test and save',
    settings: 'Settings',
    section: 'Developer password (AppSecret)',
    synced: 'Last synced',
  },
};

/**
 * An account whose saved AppSecret WeChat no longer accepts (the owner reset it in the console),
 * opened in a fresh host: the secret file is what the browser host's test-only store keeps.
 */
async function accountWithStaleSecret(page: Page, emulator: Emulator): Promise<RunningHost> {
  const first = await startHost();
  const id = await connectAccount(page, first.url, { ...SERVICE, baseUrl: emulator.url, name: '小店' });
  await first.stop();
  writeFileSync(join(first.dataDir, 'insecure-secrets', `${id}.secret`), 'c'.repeat(32));
  return startHost({ dataDir: first.dataDir });
}

eachLanguageAndWidth((lang, width) => {
  const env = useEmulatorAndLaterHost();

  test('a reset AppSecret: the failed sync leads to 更换 AppSecret, a wrong one is refused, the right one syncs', async ({
    page,
  }) => {
    const w = words[lang];
    env.host = await accountWithStaleSecret(page, env.emulator);
    await openApp(page, env.host.url);
    await page.getByRole('banner').getByRole('button', { name: w.syncNow }).click();
    const banner = page.getByTestId('sync-error');
    await expect(banner.getByText(w.invalid)).toBeVisible({ timeout: 20_000 });
    await snap(page, `secret-banner-${lang}-${width}`);

    await banner.getByRole('button', { name: w.change }).click();
    const dialog = page.getByRole('dialog', { name: w.change });
    await dialog.getByLabel(/AppSecret/).fill('d'.repeat(32));
    await dialog.getByRole('button', { name: w.save }).click();
    await expect(dialog.getByRole('alert')).toContainText(w.refused, { timeout: 20_000 });
    await snap(page, `secret-dialog-refused-${lang}-${width}`);

    await dialog.getByLabel(/AppSecret/).fill(SERVICE.secret);
    await dialog.getByRole('button', { name: w.save }).click();
    await expect(page.getByText(w.saved)).toBeVisible({ timeout: 20_000 });
    await expect(dialog).toBeHidden();
    await expect(page.getByText(w.saved)).toBeHidden({ timeout: 10_000 });
    await expect(banner).toBeHidden({ timeout: 20_000 });
    await expect(page.getByTestId('last-synced')).toContainText(w.synced);

    await page.getByRole('button', { name: w.settings, exact: true }).click();
    const settings = page.getByRole('dialog', { name: w.settings });
    await expect(settings.getByText(w.section)).toBeVisible();
    await settings.getByText(w.section).scrollIntoViewIfNeeded();
    await snap(page, `secret-settings-${lang}-${width}`);
    await settings.getByRole('button', { name: w.change }).click();
    const again = page.getByRole('dialog', { name: w.change });
    await expect(again.getByLabel(/AppSecret/)).toBeFocused();
    await expect(again.getByRole('button', { name: w.save })).toBeInViewport();
    await snap(page, `secret-dialog-${lang}-${width}`);
  });
});
