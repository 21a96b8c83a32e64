import { expect, test } from '@playwright/test';
import { followerRows, openApp } from './support/app';
import { SEEN_IP, SERVICE, UNVERIFIED } from './support/emulator';
import { snap } from './support/screenshots';
import { useEmulatorAndHost } from './support/emulatorAndHost';

// The main screens on an English system, start to finish: the English screenshots come from here
// (the Chinese ones from the other tests), and every step is read in English.
const env = useEmulatorAndHost();

test.use({ locale: 'en-US' });

test('an English-speaking owner connects an account, works with followers and goes offline', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page, env.host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Follower Groups');
  await snap(page, 'welcome-en');

  await page.getByRole('button', { name: 'Connect my Official Account' }).click();
  await expect(page.getByText('Before you reset the AppSecret')).toBeVisible();
  await snap(page, 'connect-en');
  await page.getByLabel('Developer ID (AppID)').fill(UNVERIFIED.appid);
  await page.getByLabel('Developer Password (AppSecret)').fill(UNVERIFIED.secret);
  await page.getByRole('button', { name: /How to connect/ }).click();
  await page.getByRole('radio', { name: /Custom API address/ }).check();
  await page.getByRole('textbox', { name: 'API address', exact: true }).fill(env.emulator.url);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: "This account can't use follower management yet" }),
  ).toBeVisible();
  await snap(page, 'connect-unverified-en');

  env.emulator.control.configure({
    ipWhitelist: { enabled: true, seenIp: SEEN_IP, scope: 'token', allowed: [] },
  });
  await page.getByLabel('Developer ID (AppID)').fill(SERVICE.appid);
  await page.getByLabel('Developer Password (AppSecret)').fill(SERVICE.secret);
  await page.getByLabel('Name (optional)').fill('Corner Shop');
  await page.getByRole('button', { name: 'Test connection' }).click();
  const ip = page.getByRole('alert').filter({ hasText: "Add this computer's IP to the whitelist" });
  await expect(ip.getByTestId('seen-ip')).toHaveText(SEEN_IP);
  await snap(page, 'connect-ip-en');
  env.emulator.control.configure({ ipWhitelist: { allowed: [SEEN_IP] } });
  await ip.getByRole('button', { name: 'Test again' }).click();
  await expect(page.getByText(/^Sync finished: [\d,]+ followers\.$/)).toBeVisible({ timeout: 20_000 });
  await snap(page, 'connect-synced-en');
  await page.getByRole('button', { name: 'Open the main window' }).click();

  await expect(followerRows(page).first()).toBeVisible();
  await expect(page.getByTestId('last-synced')).toContainText('Last synced');
  await snap(page, 'main-account-en');
  await followerRows(page).first().click();
  await expect(page.getByRole('dialog').getByText(/\d+ \/ 29 bytes/)).toBeVisible();
  await snap(page, 'drawer-en');
  await page.keyboard.press('Escape');

  const nav = page.getByRole('navigation', { name: 'Tags and groups' });
  await nav.getByRole('button', { name: 'New tag' }).click();
  const create = page.getByRole('dialog', { name: 'New tag' });
  await create.getByLabel('Name').fill('老顾客');
  await expect(
    create.getByText('There is already a tag called “老顾客”. Choose another name.'),
  ).toBeVisible();
  await snap(page, 'group-duplicate-en');
  await page.keyboard.press('Escape');

  await nav.getByRole('button', { name: /^老顾客 / }).click();
  for (const row of (await followerRows(page).all()).slice(0, 3)) await row.getByRole('checkbox').check();
  await expect(page.getByText('3 followers selected')).toBeVisible();
  await page.getByRole('button', { name: 'Bulk actions' }).click();
  await page.getByRole('menuitem', { name: 'Move to tag…' }).click();
  const move = page.getByRole('dialog', { name: 'Move 3 followers to…' });
  await move.getByRole('combobox', { name: 'To' }).click();
  await page.keyboard.type('会员');
  await page.keyboard.press('Enter');
  await snap(page, 'bulk-move-en');
  await move.getByRole('button', { name: 'Start' }).click();
  const job = page
    .getByRole('dialog', { name: 'Jobs' })
    .getByRole('region', { name: 'Move to “会员” (from “老顾客”)' });
  await expect(job.getByText('3 / 3 done')).toBeVisible({ timeout: 20_000 });
  await expect(job).toContainText('3 succeeded, 0 failed');
  await snap(page, 'jobs-en');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Settings' }).getByText('This account: Corner Shop'),
  ).toBeVisible();
  await snap(page, 'settings-account-en');
  await page.keyboard.press('Escape');

  await env.emulator.close();
  await page.getByRole('banner').getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('offline-banner')).toContainText(/WeChat can't be reached \(since .+\)/, {
    timeout: 45_000,
  });
  await expect(page.getByTestId('net-status')).toContainText('Offline since');
  await snap(page, 'offline-en');

  // Deleting the account's local data (it works offline) leads back to the start.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: "Delete this account's local data" }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the local data of “Corner Shop”?' });
  await expect(confirm).toContainText('Nothing changes on WeChat');
  await confirm.getByRole('button', { name: 'Delete local data' }).click();
  await expect(page.getByRole('button', { name: 'Try the demo account' })).toBeVisible();
});
