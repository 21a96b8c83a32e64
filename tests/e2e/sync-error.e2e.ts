import { expect, test } from '@playwright/test';
import { accountIdOf, connectAccount } from './support/accounts';
import { SEEN_IP, SERVICE } from './support/emulator';
import { snap } from './support/screenshots';
import { startHost } from './support/webhost';
import { useEmulatorAndHost } from './support/emulatorAndHost';

const env = useEmulatorAndHost();

test.use({ locale: 'zh-CN' });

test('when the IP changes after connecting, a failed sync shows the IP and the whitelist steps, and recovers', async ({
  page,
}) => {
  await connectAccount(page, env.host.url, { ...SERVICE, baseUrl: env.emulator.url, name: '小店' });
  await expect(page.getByTestId('net-status')).toHaveText('已连接微信');

  // The office's IP changed: WeChat now refuses every call from it.
  const whitelist = { enabled: true, seenIp: SEEN_IP, scope: 'all' as const, variant: 'ipv6' as const };
  env.emulator.control.configure({ ipWhitelist: { ...whitelist, allowed: [] } });
  await page.getByRole('banner').getByRole('button', { name: '立即同步' }).click();
  const banner = page.getByTestId('sync-error');
  await expect(banner.getByText('需要把这台电脑的 IP 加入白名单')).toBeVisible({ timeout: 20_000 });
  await expect(banner.getByTestId('seen-ip')).toHaveText(SEEN_IP);
  await snap(page, 'sync-ip-zh');

  // The owner adds it in the console and tests again from the banner.
  env.emulator.control.configure({ ipWhitelist: { ...whitelist, allowed: [SEEN_IP] } });
  await banner.getByRole('button', { name: '重新检测' }).click();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('last-synced')).toContainText('上次同步');
});

test('a job WeChat applies only in part: tagged 部分失败, each failure with a reason in words', async ({
  page,
}) => {
  // A host of its own: the account above is already connected on the shared one.
  const own = await startHost();
  try {
    await connectAccount(page, own.url, { ...SERVICE, baseUrl: env.emulator.url, name: '部分失败' });
    // Two followers that WeChat will not tag, twice (45171 each time), and names no reason for.
    const state = env.emulator.control.state(SERVICE.appid);
    const [first, second] = state.openids().slice(0, 2) as [string, string];
    env.emulator.control.configure({
      ipWhitelist: { enabled: false, seenIp: SEEN_IP, scope: 'all', variant: 'ipv6', allowed: [] },
    });
    env.emulator.control.addFault({ kind: 'partialFail', openids: [first, second], count: 2 });
    await page.evaluate(
      async ({ accountId, openids }) => {
        // A new tag: nobody is in it yet, so all six are sent.
        const tag = await window.wxg.groupsCreate({ accountId, name: '试一试' });
        if (!tag.ok) throw new Error(tag.error.code);
        await window.wxg.jobsStart({ accountId, kind: 'add', selection: { openids }, to: tag.data.id });
      },
      { accountId: await accountIdOf(page, '部分失败'), openids: state.openids().slice(0, 6) },
    );
    await page.getByRole('banner').getByRole('button', { name: '任务' }).click();
    const jobs = page.getByRole('dialog', { name: '任务' });
    const job = jobs.getByRole('region', { name: '加入“试一试”' });
    await expect(job.getByText('部分失败')).toBeVisible({ timeout: 20_000 });
    await expect(job).toContainText('成功 4，失败 2');
    await job.getByRole('button', { name: '查看原因' }).click();
    const reasons = job.getByRole('table', { name: '没有成功的粉丝' });
    await expect(
      reasons.getByText('微信两次都没有处理这位粉丝，也没有说明原因。可以点“重试失败的”再试一次。'),
    ).toHaveCount(2);
    await snap(page, 'jobs-partial-zh');
  } finally {
    await own.stop();
  }
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
