import { expect, test, type Page } from '@playwright/test';
import { followerRows, openApp } from './support/app';
import { connectAccount } from './support/accounts';
import { SERVICE } from './support/emulator';
import { snap } from './support/screenshots';
import { startHost } from './support/webhost';
import { fillWizard } from './support/wizard';
import { useEmulatorAndHost } from './support/emulatorAndHost';

// Issue 15's "should" findings, on one emulated account.
const env = useEmulatorAndHost();

test.use({ locale: 'zh-CN' });

async function openConnected(page: Page): Promise<void> {
  await openApp(page, env.host.url);
  const has = await page.evaluate(async () => {
    const list = await window.wxg.accountsList();
    return list.ok && list.data.accounts.length > 0;
  });
  if (!has)
    await connectAccount(page, env.host.url, { ...SERVICE, baseUrl: env.emulator.url, name: '小店公众号' });
}

/** Names a screen reader would read that are English words (antd's icon file names, say). */
async function englishNames(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  return (
    tree
      .split('\n')
      .map((line) => /^\s*- (\w+) "([^"]+)"/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .filter((m) => /[A-Za-z]{3,}/.test(m[2] ?? '') && !/[\u4e00-\u9fff]/.test(m[2] ?? ''))
      .map((m) => `${m[1]} "${m[2]}"`)
      // Language names are meant to be read in their own language.
      .filter((line) => !line.includes('"English"'))
  );
}

test('one follower is tagged and blacklisted from their own panel, with buttons that say what they do', async ({
  page,
}) => {
  await openConnected(page);
  const row = followerRows(page).filter({ hasText: '未设置备注' }).first();
  const openid = (await row.getAttribute('data-openid')) ?? '';
  await row.click();
  // The follower's panel (a confirmation may be open over it).
  const drawer = page.getByRole('dialog').filter({ hasText: '本地笔记' });
  await drawer.getByRole('button', { name: '标签和黑名单' }).click();
  await page.getByRole('menuitem', { name: '加入标签…' }).click();
  const add = page.getByRole('dialog', { name: '给 1 位粉丝加上…' });
  await expect(add.getByRole('combobox', { name: '标签' })).toBeVisible();
  await expect(add).not.toContainText('移到');
  await add.getByRole('combobox', { name: '标签' }).click();
  await page.keyboard.type('北京');
  await page.keyboard.press('Enter');
  await add.getByRole('button', { name: '开始' }).click();
  // The panel stays open and shows the tag once WeChat has it.
  await expect(drawer.locator('.ant-tag').filter({ hasText: '北京' })).toBeVisible({ timeout: 20_000 });
  const state = env.emulator.control.state(SERVICE.appid);
  expect(state.follower(openid)?.tagIds).toContain(state.tags().find((t) => t.name === '北京')?.id);

  await drawer.getByRole('button', { name: '标签和黑名单' }).click();
  await page.getByRole('menuitem', { name: '拉入黑名单' }).click();
  const confirm = page.getByRole('dialog', { name: '把 1 位粉丝拉入黑名单？' });
  await snap(page, 'blacklist-one-zh');
  await confirm.getByRole('button', { name: '拉黑 1 位粉丝' }).click();
  await expect(drawer).toContainText('在黑名单中', { timeout: 20_000 });
  expect(env.emulator.control.state(SERVICE.appid).follower(openid)?.blacklisted).toBe(true);
});

test('选择这一屏 ticks the rows on screen, beside 选择全部; Shift-click is hinted', async ({ page }) => {
  await openConnected(page);
  await page.getByRole('button', { name: '选择这一屏' }).click();
  const ticked = page.getByRole('row', { selected: true });
  const count = await ticked.count();
  expect(count).toBeGreaterThan(3);
  await expect(page.getByText(`已选择 ${count} 位粉丝`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^选择全部 [\d,]+ 位符合条件的粉丝$/ })).toBeVisible();
  await expect(page.getByText('按住 Shift 勾选可连选')).toBeVisible();
  // Every ticked row is on screen.
  for (const row of await ticked.all()) await expect(row).toBeInViewport();
  await snap(page, 'select-screen-zh');
});

test('date filter: presets, and it opens on last month and this one', async ({ page }) => {
  await openConnected(page);
  await page.getByPlaceholder('开始日期').click();
  for (const preset of ['最近 7 天', '最近 30 天', '本月', '上个月'])
    await expect(page.getByText(preset, { exact: true })).toBeVisible();
  const now = new Date();
  const thisMonth = `${now.getFullYear()}年${now.getMonth() + 1}月`;
  await expect(page.locator('.ant-picker-header-view').filter({ hasText: thisMonth })).toBeVisible();
  await snap(page, 'date-presets-zh');
  await page.getByText('上个月', { exact: true }).click();
  await expect(page.getByTestId('follower-count')).toHaveText(/^共 [\d,]+ 位粉丝$/);
});

test('no English screen-reader names in the Chinese window', async ({ page }) => {
  await openConnected(page);
  await page.getByRole('searchbox', { name: '搜索粉丝' }).fill('王');
  expect(await englishNames(page)).toEqual([]);
  await followerRows(page).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await englishNames(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '任务' }).click();
  await expect(page.getByRole('dialog', { name: '任务' })).toBeVisible();
  expect(await englishNames(page)).toEqual([]);
  await page.keyboard.press('Escape');
  // A tag picked in the filter brings the filter's clear button (rc-select names it "Clear").
  await page.getByRole('combobox', { name: '按标签筛选' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '老顾客' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('标签：老顾客')).toBeVisible();
  expect(await englishNames(page)).toEqual([]);
});

test('connecting an account that is already there offers to open it', async ({ page }) => {
  await openConnected(page);
  await page.getByRole('combobox', { name: '当前公众号' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '添加公众号' }).click();
  await fillWizard(page, { appId: SERVICE.appid, appSecret: SERVICE.secret, baseUrl: env.emulator.url });
  await page.getByRole('button', { name: '测试连接' }).click();
  const exists = page.getByRole('alert').filter({ hasText: '这个公众号已经连接过了' });
  await expect(exists).toBeVisible();
  await snap(page, 'account-exists-zh');
  await exists.getByRole('button', { name: '打开这个公众号' }).click();
  await expect(page.getByRole('combobox', { name: '当前公众号' })).toBeVisible();
  await expect(followerRows(page).first()).toBeVisible();
});

test('a row has its own menu: blacklist one follower from the list, as in the console', async ({ page }) => {
  await openConnected(page);
  const row = followerRows(page).filter({ hasNotText: '黑名单' }).nth(2);
  const openid = (await row.getAttribute('data-openid')) ?? '';
  const name = (
    (await row.locator('[role="cell"]').nth(1).locator('span').first().textContent()) ?? ''
  ).trim();
  const shown = name === '未设置备注' ? `${openid.slice(0, 6)}…${openid.slice(-4)}` : name;
  await row.getByRole('button', { name: `“${shown}”的操作` }).click();
  await expect(page.getByRole('menuitem', { name: '加入标签…' })).toBeVisible();
  await snap(page, 'row-menu-zh');
  await page.getByRole('menuitem', { name: '拉入黑名单' }).click();
  await page
    .getByRole('dialog', { name: '把 1 位粉丝拉入黑名单？' })
    .getByRole('button', { name: '拉黑 1 位粉丝' })
    .click();
  await expect(page.getByRole('dialog', { name: '任务' }).getByText('已完成 1 / 1').first()).toBeVisible({
    timeout: 20_000,
  });
  expect(env.emulator.control.state(SERVICE.appid).follower(openid)?.blacklisted).toBe(true);
});

test('filter by the channel QR code (二维码参数)', async ({ page }) => {
  await openConnected(page);
  const state = env.emulator.control.state(SERVICE.appid);
  const withCode = state
    .openids()
    .map((o) => state.follower(o))
    .filter((f) => f?.qrSceneStr);
  const code = withCode[0]?.qrSceneStr ?? '';
  const expected = withCode.filter((f) => f?.qrSceneStr === code).length;
  await page.getByRole('button', { name: '筛选' }).click();
  const input = page.getByRole('textbox', { name: '二维码参数（渠道码）' });
  await input.fill(code);
  await input.press('Enter');
  await expect(page.getByTestId('follower-count')).toHaveText(`共 ${expected} 位粉丝`);
  await expect(page.getByText(`二维码参数：${code}`)).toBeVisible();
  await snap(page, 'qr-filter-zh');
});

test('while the first sync reads, counts show a placeholder, not 0', async ({ page }) => {
  const host = await startHost();
  try {
    env.emulator.control.addFault({ path: '/cgi-bin/user/info/batchget', kind: 'latency', ms: 3_000 });
    await openApp(page, host.url);
    await page.evaluate(
      async (a) => {
        const added = await window.wxg.accountsAdd({
          name: '新店',
          appId: a.appid,
          appSecret: a.secret,
          network: { mode: 'custom-base', baseUrl: a.baseUrl },
        });
        if (!added.ok) throw new Error(added.error.code);
        await window.wxg.accountsSetDefault({ id: added.data.id });
        await window.wxg.syncStart({ accountId: added.data.id });
      },
      { ...SERVICE, baseUrl: env.emulator.url },
    );
    await openApp(page, host.url);
    const nav = page.getByRole('navigation', { name: '标签和分组' });
    await expect(nav.getByRole('button', { name: '全部粉丝 —' })).toBeVisible();
    await expect(nav.getByRole('button', { name: /^全部粉丝 0$/ })).toHaveCount(0);
    await expect(page.getByTestId('follower-count')).toHaveText('正在读取粉丝…');
    await snap(page, 'first-load-counts-zh');
    env.emulator.control.clearFaults();
    const total = env.emulator.control.state(SERVICE.appid).followerCount();
    await expect(nav.getByRole('button', { name: `全部粉丝 ${total}` })).toBeVisible({ timeout: 20_000 });
  } finally {
    env.emulator.control.clearFaults();
    await host.stop();
  }
});
