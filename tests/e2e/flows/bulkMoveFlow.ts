import { expect, type Page } from '@playwright/test';
import { followerRows, followersTable } from '../support/app';
import { expectControlsNamed } from '../support/a11y';
import type { Shot } from './shot';

export const sidebar = (page: Page) => page.getByRole('navigation', { name: '标签和分组' });
export const group = (page: Page, name: string) =>
  sidebar(page).getByRole('button', { name: new RegExp(`^${name} [\\d,]+$`) });
export const countOf = async (page: Page, name: string) =>
  Number((await group(page, name).textContent())?.replace(/\D/g, ''));

/**
 * With the demo account open: select 120 followers, move them to another tag with visible
 * progress, counts follow, undo restores them.
 */
export async function bulkMoveFlow(page: Page, shot: Shot): Promise<void> {
  await expect(page.getByTestId('last-synced')).toContainText('上次同步', { timeout: 20_000 });
  const regularsBefore = await countOf(page, '老顾客');
  const membersBefore = await countOf(page, '会员');

  // The judge: which of the first 120 regulars already are members.
  const overlap = await page.evaluate(async () => {
    const groups = await window.wxg.groupsList({ accountId: 'demo' });
    if (!groups.ok) throw new Error(groups.error.code);
    const id = (name: string) => groups.data.groups.find((g) => g.name === name)?.id ?? -1;
    const page = await window.wxg.followersQuery({
      accountId: 'demo',
      query: { groups: { mode: 'any', ids: [id('老顾客')] }, limit: 120 },
    });
    if (!page.ok) throw new Error(page.error.code);
    return page.data.rows.filter((r) => r.groupIds.includes(id('会员'))).length;
  });

  await group(page, '老顾客').click();
  await expect(page.getByTestId('follower-count')).toHaveText(`共 ${regularsBefore} 位粉丝`);
  // Tick the first, then shift-tick the 120th: a range, as in a file manager.
  await followerRows(page).first().getByRole('checkbox').check();
  await page.getByTestId('followers-scroll').evaluate((el) => el.scrollTo(0, 110 * 56));
  await followersTable(page)
    .locator('[role="row"][aria-rowindex="121"]')
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('已选择 120 位粉丝')).toBeVisible();

  await page.getByRole('button', { name: '批量操作' }).click();
  await page.getByRole('menuitem', { name: '移动到标签…' }).click();
  const dialog = page.getByRole('dialog', { name: '把 120 位粉丝移动到…' });
  await expect(dialog.getByText('老顾客')).toBeVisible(); // "from" is the tag being shown
  // 开始 is not pressable yet, and the dialog says why.
  await expect(dialog.getByRole('button', { name: '开始' })).toBeDisabled();
  await expect(dialog.getByText('请先选择标签。')).toBeVisible();
  await dialog.getByRole('combobox', { name: '到' }).click();
  await page.keyboard.type('会员');
  await page.keyboard.press('Enter');
  await shot('bulk-move-zh');
  await expectControlsNamed(page);
  await dialog.getByRole('button', { name: '开始' }).click();

  // The jobs panel: progress, then the result.
  const jobs = page.getByRole('dialog', { name: '任务' });
  const job = jobs.getByRole('region', { name: '移动到“会员”（原“老顾客”）' });
  await expect(job).toBeVisible();
  await expect(job.getByText('已完成 120 / 120')).toBeVisible({ timeout: 30_000 });
  await expect(job.getByText('已完成', { exact: true })).toBeVisible();
  await expect(job).toContainText(/成功 \d+，失败 0/);
  await shot('jobs-zh');
  await expectControlsNamed(page);
  await page.keyboard.press('Escape');

  await expect(group(page, '老顾客')).toHaveAccessibleName(`老顾客 ${regularsBefore - 120}`);
  await expect(group(page, '会员')).toHaveAccessibleName(`会员 ${membersBefore + 120 - overlap}`);

  // Undo puts everyone back.
  await page.getByRole('button', { name: '任务' }).click();
  await job.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '撤销' }).click();
  const undo = jobs.getByRole('region', { name: '撤销：移动到“会员”（原“老顾客”）' });
  await expect(undo.getByText('已完成', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(job.getByText('已撤销')).toBeVisible();
  // One status per job, and undoing the undo is called what it is.
  const original = jobs.getByRole('region', { name: '移动到“会员”（原“老顾客”）', exact: true });
  await expect(original.getByText('已完成', { exact: true })).toHaveCount(0);
  await expect(undo.getByRole('button', { name: '重做' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(group(page, '老顾客')).toHaveAccessibleName(`老顾客 ${regularsBefore}`);
  await expect(group(page, '会员')).toHaveAccessibleName(`会员 ${membersBefore}`);
}
