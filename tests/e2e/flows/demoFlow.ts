import { expect, type Page } from '@playwright/test';
import { followerRows } from '../support/app';
import { expectControlsNamed } from '../support/a11y';
import type { Shot } from './shot';

/**
 * A new user tries the demo, from the welcome screen: the main window, the detail drawer, a remark
 * and a local note. Shared by the browser-host suite and the Electron suite.
 */
export async function demoFlow(page: Page, shot: Shot): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('粉丝分组助手');
  await expect(page.getByRole('button', { name: '连接我的公众号' })).toBeVisible();
  await shot('welcome-zh');
  await expectControlsNamed(page);

  await page.getByRole('button', { name: '试用演示账号' }).click();

  // The main window: the demo account, its groups with counts, and the first followers.
  await expect(page.getByRole('combobox', { name: '当前公众号' })).toBeVisible();
  await expect(page.getByText('演示', { exact: true })).toBeVisible();
  const nav = page.getByRole('navigation', { name: '标签和分组' });
  await expect(nav.getByRole('button', { name: /^全部粉丝/ })).toBeVisible();
  await expect(nav.getByRole('button', { name: /^星标组/ })).toBeVisible();
  await expect(nav.getByRole('button', { name: /^未分组/ })).toBeVisible();
  await expect(nav.getByRole('button', { name: /^黑名单/ })).toBeVisible();
  await expect(followerRows(page).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('follower-count')).toHaveText(/共 [\d,]+ 位粉丝/);
  await expect(page.getByTestId('last-synced')).toContainText('上次同步', { timeout: 20_000 });
  await shot('main-zh');
  await expectControlsNamed(page);

  // The detail drawer: remark byte counter, openid with a copy button; Esc closes it.
  await followerRows(page).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('button', { name: '复制 openid' })).toBeVisible();
  await expect(drawer.getByText(/\d+ \/ 29 字节/)).toBeVisible();
  await shot('drawer-zh');
  await expectControlsNamed(page);

  // The remark: a live byte counter against WeChat's limit, then saved on WeChat.
  const remark = drawer.getByRole('textbox', { name: '备注（微信）' });
  await remark.fill('张阿姨住在幸福小区三号楼二单元');
  await expect(drawer.getByText('45 / 29 字节')).toBeVisible();
  await expect(
    drawer.getByText(
      '微信接口只接受 29 字节以内的备注（最多 9 个汉字），现在是 45 字节：请删掉 16 个字节（约 6 个汉字）再保存。',
    ),
  ).toBeVisible();
  await expect(drawer.getByRole('button', { name: '保存备注' })).toBeDisabled();
  await remark.fill('张阿姨 3号楼');
  await expect(drawer.getByText('17 / 29 字节')).toBeVisible();
  await remark.press('Enter');
  await expect(page.getByText('备注已保存（演示账号：保存在内置的模拟微信里）')).toBeVisible();
  await expect(drawer).toContainText('张阿姨 3号楼'); // the drawer's title follows the saved remark
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(followerRows(page).first()).toContainText('张阿姨 3号楼');

  // A local note typed and then closed with Esc is kept, not thrown away.
  await followerRows(page).first().click();
  await drawer.getByRole('textbox', { name: '本地笔记' }).fill('每周三来店');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(followerRows(page).first()).toContainText('每周三来店');
  await followerRows(page).first().click();
  await expect(drawer.getByRole('textbox', { name: '本地笔记' })).toHaveValue('每周三来店');

  // An edited remark is not sent to WeChat behind the user's back: closing asks first.
  await drawer.getByRole('textbox', { name: '备注（微信）' }).fill('王阿姨');
  await drawer.getByRole('button', { name: '关闭' }).click();
  const ask = page.getByRole('dialog', { name: '备注还没有保存' });
  await expect(ask).toBeVisible();
  await shot('drawer-unsaved-remark-zh');
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(drawer.getByRole('textbox', { name: '备注（微信）' })).toHaveValue('王阿姨');
  await drawer.getByRole('button', { name: '关闭' }).click();
  await page
    .getByRole('dialog', { name: '备注还没有保存' })
    .getByRole('button', { name: '放弃修改' })
    .click();
  await expect(drawer).toBeHidden();
  await expect(followerRows(page).first()).toContainText('张阿姨 3号楼');
}
