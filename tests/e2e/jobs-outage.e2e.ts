import { expect, test } from '@playwright/test';
import { accountIdOf, connectAccount } from './support/accounts';
import { openApp } from './support/app';
import { SERVICE } from './support/emulator';
import { snap } from './support/screenshots';
import { useEmulatorAndHost } from './support/emulatorAndHost';

const env = useEmulatorAndHost();
const TAGGING = '/cgi-bin/tags/members/batchtagging';

test.use({ locale: 'zh-CN' });

test('重试失败的 sends the job, not a list: the two followers WeChat skipped are added', async ({ page }) => {
  await connectAccount(page, env.host.url, { ...SERVICE, baseUrl: env.emulator.url, name: '小店' });
  const accountId = await accountIdOf(page, '小店');
  const state = env.emulator.control.state(SERVICE.appid);
  const six = state.openids().slice(0, 6);
  const [first, second] = six as [string, string];
  env.emulator.control.addFault({ kind: 'partialFail', openids: [first, second], count: 2 });
  const tagId = await page.evaluate(
    async ({ accountId, openids }) => {
      const tag = await window.wxg.groupsCreate({ accountId, name: '重试组' });
      if (!tag.ok) throw new Error(tag.error.code);
      await window.wxg.jobsStart({ accountId, kind: 'add', selection: { openids }, to: tag.data.id });
      return tag.data.id;
    },
    { accountId, openids: six },
  );
  await page.getByRole('banner').getByRole('button', { name: '任务' }).click();
  const jobs = page.getByRole('dialog', { name: '任务' });
  const job = jobs.getByRole('region', { name: '加入“重试组”' }).last();
  await expect(job).toContainText('成功 4，失败 2', { timeout: 20_000 });
  await job.getByRole('button', { name: '重试失败的' }).click();
  await expect(jobs.getByRole('region', { name: '加入“重试组”' }).first()).toContainText('成功 2，失败 0', {
    timeout: 20_000,
  });
  expect(state.tagMembers(tagId).sort()).toEqual([...six].sort());
});

test('a run of server errors: the job says it is paused and will carry on, then finishes by itself', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openApp(page, env.host.url);
  const accountId = await accountIdOf(page, '小店');
  const state = env.emulator.control.state(SERVICE.appid);
  const some = state.openids().slice(10, 40);
  const fault = env.emulator.control.addFault({ kind: 'http502', path: TAGGING });
  await page.evaluate(
    async ({ accountId, openids }) => {
      const tag = await window.wxg.groupsCreate({ accountId, name: '故障组' });
      if (!tag.ok) throw new Error(tag.error.code);
      await window.wxg.jobsStart({ accountId, kind: 'add', selection: { openids }, to: tag.data.id });
    },
    { accountId, openids: some },
  );
  await page.getByRole('banner').getByRole('button', { name: '任务' }).click();
  const jobs = page.getByRole('dialog', { name: '任务' });
  const paused = '微信服务器暂时出错，已暂停；会定时自动重试，恢复后接着做。';
  await expect(jobs.getByText(paused)).toBeVisible({ timeout: 90_000 });
  await snap(page, 'job-server-pause-zh-1280');
  // Reopened at the new width (a drawer open while the window is resized keeps its old place).
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.getByRole('banner').getByRole('button', { name: '任务' }).click();
  await expect(jobs.getByText(paused)).toBeVisible();
  await snap(page, 'job-server-pause-zh-1024');

  // The same in English.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByRole('dialog', { name: '设置' }).getByRole('radio', { name: 'English' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('banner').getByRole('button', { name: 'Jobs' }).click();
  const english = page.getByRole('dialog', { name: 'Jobs' });
  const pausedEn = "Paused: WeChat's servers are having trouble.";
  await expect(english.getByText(pausedEn, { exact: false })).toBeVisible();
  await snap(page, 'job-server-pause-en-1024');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('banner').getByRole('button', { name: 'Jobs' }).click();
  await expect(english.getByText(pausedEn, { exact: false })).toBeVisible();
  await snap(page, 'job-server-pause-en-1280');

  env.emulator.control.removeFault(fault);
  await expect(english.getByText(pausedEn, { exact: false })).toBeHidden({ timeout: 60_000 });
  await expect(english.getByRole('region', { name: 'Add to “故障组”' })).toContainText(
    '30 succeeded, 0 failed',
    {
      timeout: 30_000,
    },
  );
});
