import { expect, test } from '@playwright/test';
import type { Sandbox } from '../../electron/sandbox';
import { connectAccount } from './support/accounts';
import { SEEN_IP, SERVICE, startWeChat } from './support/sandbox';
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

test('when the IP changes after connecting, a failed sync shows the IP and the whitelist steps, and recovers', async ({
  page,
}) => {
  await connectAccount(page, host.url, { ...SERVICE, baseUrl: wechat.url, name: '小店' });
  await expect(page.getByTestId('net-status')).toHaveText('已连接微信');

  // The office's IP changed: WeChat now refuses every call from it.
  const whitelist = { enabled: true, seenIp: SEEN_IP, scope: 'all' as const, variant: 'ipv6' as const };
  wechat.control.configure({ ipWhitelist: { ...whitelist, allowed: [] } });
  await page.getByRole('banner').getByRole('button', { name: '立即同步' }).click();
  const banner = page.getByTestId('sync-error');
  await expect(banner.getByText('需要把这台电脑的 IP 加入白名单')).toBeVisible({ timeout: 20_000 });
  await expect(banner.getByTestId('seen-ip')).toHaveText(SEEN_IP);
  await snap(page, 'sync-ip-zh');

  // The owner adds it in the console and tests again from the banner.
  wechat.control.configure({ ipWhitelist: { ...whitelist, allowed: [SEEN_IP] } });
  await banner.getByRole('button', { name: '再次测试' }).click();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('last-synced')).toContainText('上次同步');
});

test('the demo account does not claim to be connected to WeChat', async ({ page }) => {
  const demoHost = await startHost({ demo: true });
  try {
    await page.goto(demoHost.url);
    await expect(page.getByTestId('net-status')).toHaveText('演示数据（内置模拟器，未连接微信）', {
      timeout: 20_000,
    });
  } finally {
    await demoHost.stop();
  }
});
