import { expect, test } from '@playwright/test';
import { followerRows, followersTable } from './support/app';
import { connectAccount } from './support/accounts';
import { SERVICE } from './support/emulator';
import { snap } from './support/screenshots';
import { useEmulatorAndHost } from './support/emulatorAndHost';

const env = useEmulatorAndHost();

test.use({ locale: 'zh-CN' });

test('an account on the 2014 groups API speaks of 分组 throughout, and 未分组 is not shown as a group', async ({
  page,
}) => {
  await connectAccount(page, env.host.url, {
    ...SERVICE,
    baseUrl: env.emulator.url,
    name: '老系统',
    groupApi: 'groups',
  });
  await expect(page.getByRole('navigation', { name: '标签和分组' })).toContainText('我的分组');
  await expect(followersTable(page).getByRole('columnheader', { name: '分组' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '按分组筛选' })).toBeVisible();
  await expect(followerRows(page).first()).toBeVisible();
  // Most followers are in 未分组 (group 0): that is "no group", not a chip in their row.
  await expect(followersTable(page).getByText('未分组', { exact: true })).toHaveCount(0);
  await snap(page, 'main-legacy-zh');

  await followerRows(page).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('分组', { exact: true })).toBeVisible();
  await expect(
    drawer.getByText('把这位粉丝移到别的分组或拉黑；一次改很多位，请在列表里勾选后用“批量操作”。'),
  ).toBeVisible();
  await expect(drawer.getByRole('button', { name: '分组和黑名单' })).toBeVisible();
});
