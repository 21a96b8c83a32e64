import { expect, test, type Page } from '@playwright/test';
import { connectAccount } from './support/accounts';
import { followerRows } from './support/app';
import { SERVICE, startTestEmulator } from './support/emulator';
import { snap } from './support/screenshots';
import { useEmulatorAndHost } from './support/emulatorAndHost';

const env = useEmulatorAndHost();

// The longest story in the suite: keep a trace when it fails, to see where it stopped.
test.use({ locale: 'zh-CN', trace: 'retain-on-failure' });

const sidebar = (page: Page) => page.getByRole('navigation', { name: '标签和分组' });

test('WeChat stops answering mid-job: one line says since when, saved lists stay browsable, the job finishes once WeChat is back', async ({
  page,
}) => {
  // The runner probes an offline job every 15 s; the whole story takes about half a minute.
  test.setTimeout(100_000);
  await connectAccount(page, env.host.url, { ...SERVICE, baseUrl: env.emulator.url, name: '小店公众号' });
  const port = env.emulator.port;

  // A move of everyone tagged 老顾客 (a query selection), slowed down so it is still running.
  env.emulator.control.addFault({ kind: 'latency', ms: 3_000, path: 'tags/members/batchtagging' });
  const regulars = sidebar(page).getByRole('button', { name: /^老顾客 / });
  await regulars.click();
  const total = Number((await regulars.textContent())?.replace(/\D/g, ''));
  await expect(page.getByTestId('follower-count')).toHaveText(`共 ${total} 位粉丝`);
  await page.getByRole('checkbox', { name: '选择全部符合条件的粉丝' }).check();
  await page.getByRole('button', { name: '批量操作' }).click();
  await page.getByRole('menuitem', { name: '移动到标签…' }).click();
  const dialog = page.getByRole('dialog', { name: `把 ${total} 位粉丝移动到…` });
  await dialog.getByRole('combobox', { name: '到' }).click();
  await page.keyboard.type('会员');
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: '开始' }).click();
  const job = page
    .getByRole('dialog', { name: '任务' })
    .getByRole('region', { name: '移动到“会员”（原“老顾客”）' });
  await expect(job.getByText('进行中')).toBeVisible();

  // The network goes away.
  await env.emulator.close();
  await expect(job.getByText('已暂停', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(job).toContainText('连不上微信，已暂停；恢复网络后会自动继续。');
  await page.keyboard.press('Escape');
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/现在连不上微信（自 .+ 起）/);
  await expect(banner).toContainText('同步于');
  await expect(page.getByTestId('net-status')).toContainText(/离线（自 .+ 起）/);

  // The saved lists still work: groups, counts, search.
  await sidebar(page)
    .getByRole('button', { name: /^北京 / })
    .click();
  await expect(followerRows(page).first()).toContainText('北京');
  await page.getByRole('searchbox', { name: '搜索粉丝' }).fill('VIP');
  await expect(followerRows(page).first()).toContainText('VIP');

  // Actions that need WeChat are disabled and say why.
  await expect(page.getByRole('banner').getByRole('button', { name: '立即同步' })).toBeDisabled();
  const create = sidebar(page).getByRole('button', { name: '新建标签' });
  await expect(create).toBeDisabled();
  await create.hover({ force: true });
  await expect(page.getByRole('tooltip')).toContainText('现在连不上微信，这个操作需要联网');
  await snap(page, 'offline-zh');

  // A local note needs no WeChat: it saves offline. The remark (on WeChat) says why it waits.
  await followerRows(page).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('textbox', { name: '备注（微信）' })).toBeDisabled();
  await expect(drawer).toContainText('现在连不上微信，这个操作需要联网');
  await drawer.getByRole('textbox', { name: '本地笔记' }).fill('常来买鸡蛋');
  await drawer.getByRole('button', { name: '保存笔记' }).click();
  await expect(page.getByText('笔记已保存')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(followerRows(page).first()).toContainText('常来买鸡蛋');

  // WeChat is back: the job carries on by itself and finishes; the offline line goes away.
  env.emulator = await startTestEmulator({ port });
  await page.getByRole('button', { name: '任务' }).click();
  await expect(job.getByText('已完成', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(job.getByText(`已完成 ${total} / ${total}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('net-status')).toHaveText('已连接微信');
});
