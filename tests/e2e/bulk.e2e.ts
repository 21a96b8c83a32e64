import { expect, test } from '@playwright/test';
import { followerRows, followersTable, openApp } from './support/app';
import { snap } from './support/screenshots';
import { bulkMoveFlow, countOf, group } from './flows/bulkMoveFlow';
import { startHost, type RunningHost } from './support/webhost';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

test.use({ locale: 'zh-CN' });

test('select 120 followers, move them to another tag with progress, counts follow, undo restores them', async ({
  page,
}) => {
  await openApp(page, host.url);
  await bulkMoveFlow(page, (name) => snap(page, name));
});

test('blacklist two followers in bulk, then take them off again', async ({ page }) => {
  await openApp(page, host.url);
  await expect(page.getByTestId('last-synced')).toContainText('上次同步', { timeout: 20_000 });
  const before = await countOf(page, '黑名单');
  await followerRows(page).nth(0).getByRole('checkbox').check();
  await followerRows(page).nth(1).getByRole('checkbox').check();
  await expect(page.getByText('已选择 2 位粉丝')).toBeVisible();

  await page.getByRole('button', { name: '批量操作' }).click();
  await page.getByRole('menuitem', { name: /^拉入黑名单/ }).click();
  const dialog = page.getByRole('dialog', { name: '把 2 位粉丝拉入黑名单？' });
  // Nothing to choose: the action can start at once, and its button says what it does.
  await expect(dialog.getByRole('button', { name: '拉黑 2 位粉丝' })).toBeEnabled();
  await dialog.getByRole('button', { name: '拉黑 2 位粉丝' }).click();
  const jobs = page.getByRole('dialog', { name: '任务' });
  await expect(jobs.getByText('已完成 2 / 2').first()).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(group(page, '黑名单')).toHaveAccessibleName(`黑名单 ${before + 2}`);

  await group(page, '黑名单').click();
  await followersTable(page).getByRole('checkbox').first().waitFor();
  await page.getByRole('checkbox', { name: '选择全部符合条件的粉丝' }).check();
  await page.getByRole('button', { name: '批量操作' }).click();
  await page.getByRole('menuitem', { name: /^移出黑名单/ }).click();
  await page
    .getByRole('dialog', { name: /移出黑名单？$/ })
    .getByRole('button', { name: `把 ${before + 2} 位粉丝移出黑名单` })
    .click();
  await expect(jobs.getByText(`已完成 ${before + 2} / ${before + 2}`).first()).toBeVisible({
    timeout: 30_000,
  });
  await page.keyboard.press('Escape');
  await expect(group(page, '黑名单')).toHaveAccessibleName('黑名单 0');
});
