import { expect, test, type Page } from '@playwright/test';
import type { Sandbox } from '../../electron/sandbox';
import { connectAccount } from './support/accounts';
import { followerRows } from './support/app';
import { SERVICE, startWeChat } from './support/sandbox';
import { snap } from './support/screenshots';
import { startHost, type RunningHost } from './support/webhost';

let wechat: Sandbox;
let host: RunningHost;
test.beforeAll(async () => {
  wechat = await startWeChat();
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
  await wechat.close();
});

test.use({ locale: 'zh-CN' });

const sidebar = (page: Page) => page.getByRole('navigation', { name: '标签和分组' });

test('WeChat unreachable: one line says since when, the saved lists stay browsable, actions say why they wait', async ({
  page,
}) => {
  // The client retries for a while before it calls WeChat unreachable.
  test.setTimeout(90_000);
  await connectAccount(page, host.url, { ...SERVICE, baseUrl: wechat.url, name: '小店公众号' });
  const port = wechat.port;
  const total = await page.getByTestId('follower-count').textContent();

  // The emulator stops (the network is gone); the next thing that needs WeChat finds out.
  await wechat.close();
  await page.getByRole('button', { name: '立即同步' }).click();
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible({ timeout: 45_000 });
  await expect(banner).toContainText(/现在连不上微信（自 .+ 起）/);
  await expect(banner).toContainText('同步于');
  await expect(page.getByTestId('net-status')).toContainText(/离线（自 .+ 起）/);

  // The saved lists still work: groups, counts, search.
  const tag = sidebar(page).locator('button[aria-current]').first();
  await expect(tag).toBeVisible();
  const regulars = sidebar(page).getByRole('button', { name: /^老顾客 / });
  await regulars.click();
  await expect(page.getByTestId('follower-count')).not.toHaveText(total ?? '');
  await expect(followerRows(page).first()).toContainText('老顾客');

  // Actions that need WeChat are disabled and say why.
  await expect(page.getByRole('button', { name: '立即同步' })).toBeDisabled();
  const create = sidebar(page).getByRole('button', { name: '新建标签' });
  await expect(create).toBeDisabled();
  await create.hover({ force: true });
  await expect(page.getByRole('tooltip')).toContainText('现在连不上微信，这个操作需要联网');
  await snap(page, 'offline-zh');

  // WeChat is back: "reconnect" syncs, and the line goes away.
  wechat = await startWeChat({ port });
  await banner.getByRole('button', { name: '重新连接' }).click();
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('net-status')).toHaveText('已连接微信');
});
