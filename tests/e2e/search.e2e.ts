import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { FollowerQueryInput } from '#contract/followers';
import { followerRows, followersTable, openApp } from './support/app';
import { snap } from './support/screenshots';
import { startHost, type RunningHost } from './support/webhost';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

test.use({ locale: 'zh-CN' });

/** What the core says for a query (the judge for the counts the screen shows). */
async function countFor(page: Page, query: Omit<FollowerQueryInput, 'offset' | 'limit'>): Promise<number> {
  return page.evaluate(async (q) => {
    const r = await window.wxg.followersQuery({ accountId: 'demo', query: { ...q, limit: 1 } });
    if (!r.ok) throw new Error(r.error.code);
    return r.data.total;
  }, query);
}

const countText = (n: number) => `共 ${n.toLocaleString('en-US')} 位粉丝`;
const sidebar = (page: Page) => page.getByRole('navigation', { name: '标签和分组' });

test('search, filters, sort and "select all matching" on the followers list', async ({ page }) => {
  await openApp(page, host.url);
  // The demo's first sync runs when the window opens; the counts are compared once it is done.
  await expect(page.getByTestId('last-synced')).toContainText('上次同步', { timeout: 20_000 });
  const count = page.getByTestId('follower-count');
  const all = await countFor(page, {});
  await expect(count).toHaveText(countText(all));

  // Ctrl+F goes to the search box; the list narrows to remarks containing the word.
  const remark = await page.evaluate(async () => {
    const r = await window.wxg.followersQuery({
      accountId: 'demo',
      query: { sort: { by: 'remark', dir: 'asc' }, limit: 1 },
    });
    return r.ok ? (r.data.rows[0]?.remark ?? '') : '';
  });
  const word = remark.split(' ')[0] ?? remark;
  expect(word).not.toBe('');
  await page.keyboard.press('Control+f');
  const search = page.getByRole('searchbox', { name: '搜索粉丝' });
  await expect(search).toBeFocused();
  await page.keyboard.type(word);
  await expect(count).toHaveText(countText(await countFor(page, { text: word })));
  await expect(followerRows(page).first()).toContainText(word);
  await expect(page.getByRole('group', { name: '当前筛选' })).toContainText(`搜索：${word}`);
  await snap(page, 'search-zh');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(search).toHaveValue('');
  await expect(count).toHaveText(countText(all));

  // A tag from the sidebar, then a second tag with "all tags".
  const beijing = sidebar(page).getByRole('button', { name: /^北京 / });
  const inBeijing = Number((await beijing.textContent())?.replace(/\D/g, ''));
  await beijing.click();
  await expect(beijing).toHaveAttribute('aria-current', 'true');
  await expect(count).toHaveText(countText(inBeijing));
  await expect(followerRows(page).first()).toContainText('北京');
  const ids = await page.evaluate(async () => {
    const r = await window.wxg.groupsList({ accountId: 'demo' });
    return r.ok ? Object.fromEntries(r.data.groups.map((g) => [g.name, g.id])) : {};
  });
  await page.getByRole('combobox', { name: '按标签筛选' }).click();
  await page.keyboard.type('老顾客');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(count).toHaveText(
    countText(await countFor(page, { groups: { mode: 'any', ids: [ids['北京'], ids['老顾客']] } })),
  );
  await page.getByRole('radiogroup', { name: '匹配方式' }).getByText('同时有这些标签').click();
  await expect(count).toHaveText(
    countText(await countFor(page, { groups: { mode: 'all', ids: [ids['北京'], ids['老顾客']] } })),
  );

  // Back to everyone, then the source filter: every row shows the chosen source.
  await sidebar(page)
    .getByRole('button', { name: /^全部粉丝 / })
    .click();
  await expect(count).toHaveText(countText(all));
  await page.getByRole('combobox', { name: '按来源筛选' }).click();
  await page.keyboard.type('扫描二维码');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(count).toHaveText(countText(await countFor(page, { scenes: ['ADD_SCENE_QR_CODE'] })));
  for (const row of await followerRows(page).all()) await expect(row).toContainText('扫描二维码');
  await page.getByRole('button', { name: '去掉“来源：扫描二维码”' }).click();

  // Subscribe dates: typed into the range picker.
  await page.getByPlaceholder('开始日期').click();
  await page.keyboard.type('2025-12-01');
  await page.keyboard.press('Enter');
  await page.keyboard.type('2025-12-31');
  await page.keyboard.press('Enter');
  const from = Math.floor(new Date(2025, 11, 1).getTime() / 1000);
  const to = Math.floor(new Date(2025, 11, 31, 23, 59, 59).getTime() / 1000);
  await expect(count).toHaveText(countText(await countFor(page, { subscribedFrom: from, subscribedTo: to })));
  await expect(followerRows(page).first()).toContainText('2025/12/');
  await snap(page, 'filters-zh');
  await page.getByRole('button', { name: '清除筛选' }).click();

  // Blacklist from the sidebar: the rows say so.
  await sidebar(page)
    .getByRole('button', { name: /^黑名单 / })
    .click();
  await expect(count).toHaveText(countText(await countFor(page, { blacklisted: true })));
  await expect(followerRows(page).first()).toContainText('黑名单');

  // Export what the list shows: a CSV for Excel, one line per follower, in Chinese.
  const blacklisted = await countFor(page, { blacklisted: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel（CSV）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^粉丝列表-\d{8}-\d{4}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.replace(/\r\n$/, '').split('\r\n');
  expect(lines[0]).toBe('\uFEFF备注,本地笔记,标签,关注时间,来源,二维码参数,黑名单,仍在关注,openid,UnionID');
  expect(lines).toHaveLength(blacklisted + 1);
  for (const line of lines.slice(1)) expect(line).toMatch(/,是,(是|否),o[\w-]+,/);
  await expect(page.getByText(`已导出 ${blacklisted} 位粉丝`, { exact: false })).toBeVisible();
  await sidebar(page)
    .getByRole('button', { name: /^全部粉丝 / })
    .click();

  // Sort by remark: the header says so and the first row is the first remark.
  await followersTable(page).getByRole('button', { name: '备注' }).click();
  await expect(followersTable(page).getByRole('columnheader', { name: /备注/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(followerRows(page).first()).toContainText(remark);

  // Select all matching (more than ever loaded), then untick one.
  await page.getByRole('checkbox', { name: '选择全部符合条件的粉丝' }).check();
  await expect(page.getByText(`已选择全部 ${all.toLocaleString('en-US')} 位符合条件的粉丝`)).toBeVisible();
  await followerRows(page).first().getByRole('checkbox').uncheck();
  await expect(page.getByText(`已选择 ${(all - 1).toLocaleString('en-US')} 位粉丝`)).toBeVisible();
  await expect(
    page.getByRole('button', { name: `选择全部 ${all.toLocaleString('en-US')} 位符合条件的粉丝` }),
  ).toBeVisible();
  await snap(page, 'selection-zh');
  await page.getByRole('button', { name: '取消选择' }).click();

  // Virtualized: the last follower is reachable by scrolling, though only a window is loaded.
  await page.getByTestId('followers-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(
    followersTable(page).locator(`[role="row"][aria-rowindex="${all + 1}"][data-openid]`),
  ).toBeVisible();
  expect(await followerRows(page).count()).toBeLessThan(60);

  // From down there, a new search starts at its first match, not part-way down the results.
  await page.getByRole('searchbox', { name: '搜索粉丝' }).fill('VIP');
  await expect(count).toHaveText(countText(await countFor(page, { text: 'VIP' })));
  await expect(followersTable(page).locator('[role="row"][aria-rowindex="2"][data-openid]')).toBeInViewport();
  expect(await page.getByTestId('followers-scroll').evaluate((el) => el.scrollTop)).toBe(0);
});
