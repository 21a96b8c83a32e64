import { expect, type Page } from '@playwright/test';
import { followerRows } from '../support/app';
import type { Shot } from './shot';

const sidebar = (page: Page) => page.getByRole('navigation', { name: '标签和分组' });
const group = (page: Page, name: string) =>
  sidebar(page).getByRole('button', { name: new RegExp(`^${name} [\\d,]+$`) });

/** With the demo account open: create, rename and delete a tag, meeting the validation on the way. */
export async function groupsFlow(page: Page, shot: Shot): Promise<void> {
  await expect(group(page, '会员')).toBeVisible();

  // Create: the counter and the rules show while typing.
  await sidebar(page).getByRole('button', { name: '新建标签' }).click();
  const dialog = page.getByRole('dialog', { name: '新建标签' });
  const name = dialog.getByLabel('标签名称');
  await expect(dialog.getByText('0 / 30 个字')).toBeVisible();
  await name.fill('会员');
  await expect(dialog.getByText('已经有叫“会员”的标签了，换一个名字吧')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '保存' })).toBeDisabled();
  await shot('group-duplicate-zh');
  await name.fill('一'.repeat(31));
  await expect(dialog.getByText('太长了：最多 30 个字，现在是 31 个字')).toBeVisible();
  await expect(dialog.getByText('31 / 30 个字')).toBeVisible();
  await name.fill('');
  await expect(dialog.getByText('请输入名称')).toBeVisible();
  await name.fill('春节活动');
  await expect(dialog.getByRole('button', { name: '保存' })).toBeEnabled();
  await name.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已新建“春节活动”')).toBeVisible();
  await expect(group(page, '春节活动')).toHaveAccessibleName('春节活动 0');

  // Rename: the same rules, against the other names.
  await sidebar(page).getByRole('button', { name: '“春节活动”的操作' }).click();
  await page.getByRole('menuitem', { name: '重命名' }).click();
  const rename = page.getByRole('dialog', { name: '重命名标签' });
  await expect(rename.getByLabel('标签名称')).toHaveValue('春节活动');
  await rename.getByLabel('标签名称').fill('老顾客');
  await expect(rename.getByText('已经有叫“老顾客”的标签了，换一个名字吧')).toBeVisible();
  await rename.getByLabel('标签名称').fill('春节活动 2026');
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(rename).toBeHidden();
  await expect(group(page, '春节活动 2026')).toBeVisible();
  await expect(group(page, '春节活动')).toHaveCount(0);

  // Delete: the confirmation says how many followers lose the tag.
  const members = (await group(page, '会员').textContent())?.replace(/\D/g, '') ?? '';
  await sidebar(page).getByRole('button', { name: '“会员”的操作' }).click();
  await page.getByRole('menuitem', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除标签“会员”？' });
  await expect(confirm).toContainText(`${members} 位粉丝会被移出这个标签`);
  await expect(confirm).toContainText('删除后不能恢复');
  await shot('group-delete-zh');
  // Enter does not delete (the focus is on 取消): a deleted tag cannot come back.
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(group(page, '会员')).toBeVisible();
  await sidebar(page).getByRole('button', { name: '“会员”的操作' }).click();
  await page.getByRole('menuitem', { name: '删除' }).click();
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(confirm).toBeHidden();
  await expect(group(page, '会员')).toHaveCount(0);

  // Reserved groups say why they can't change.
  await sidebar(page).getByRole('button', { name: '为什么不能修改“星标组”？' }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('这是微信的系统分组，不能重命名或删除。');
  await expect(followerRows(page).first()).toBeVisible();
}
