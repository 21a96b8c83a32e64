import type { UpdateState } from '#contract/updates';
import { expect, test, type Page, type WebSocketRoute } from '@playwright/test';
import { openApp } from './support/app';
import { snap } from './support/screenshots';
import { startHost, type RunningHost } from './support/webhost';

// Settings → About → 更新. The browser host has no self-update, so the real answer is 'off'. The
// other states an installed app goes through are shown by answering the update channels (and
// pushing updates:state events) on the page's socket, in front of the real host.

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

/** Forwards the page's socket to the host, except the update channels when a state is set. */
async function updateStates(page: Page) {
  let state: UpdateState | null = null;
  let socket: WebSocketRoute | null = null;
  await page.routeWebSocket(/\/wxg$/, (ws) => {
    socket = ws;
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as {
        id: number;
        channel: string;
        payload: { enabled?: boolean };
      };
      if (state && frame.channel.startsWith('updates:')) {
        if (frame.channel === 'updates:installOnQuit' && state.status === 'ready')
          state = { ...state, installOnQuit: frame.payload.enabled === true };
        ws.send(JSON.stringify({ type: 'result', id: frame.id, result: { ok: true, data: state } }));
        return;
      }
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  return {
    push(next: UpdateState) {
      state = next;
      socket?.send(JSON.stringify({ type: 'event', name: 'updates:state', payload: next }));
    },
    use(next: UpdateState) {
      state = next;
    },
  };
}

/** About is the drawer's last section: scroll the drawer to its end, as the owner would. */
async function toBottom(page: Page) {
  await page.locator('.ant-drawer-body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
}

async function openAbout(page: Page, settingsName: string) {
  await page.getByRole('button', { name: settingsName }).click();
  const dialog = page.getByRole('dialog', { name: settingsName });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('About says why this build does not update itself, and shows each update state', async ({ page }) => {
    const updates = await updateStates(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, host.url);
    let about = await openAbout(page, '设置');
    // The real answer from the host: not an installed build.
    await expect(about.getByText('开发版本不检查更新；安装版会在启动时自动检查。')).toBeVisible();
    await toBottom(page);
    await snap(page, 'about-updates-off-zh-1280');

    updates.push({
      status: 'downloading',
      version: '0.2.0',
      percent: 42,
      transferred: 36_000_000,
      total: 84_700_000,
    });
    await expect(about.getByText('发现新版本 0.2.0，正在后台下载，不影响使用。')).toBeVisible();
    await expect(about.getByText('已下载 34.3 / 80.8 MB')).toBeVisible();
    await toBottom(page);
    await snap(page, 'about-updates-downloading-zh-1280');

    updates.push({ status: 'ready', version: '0.2.0', installOnQuit: false });
    const consent = about.getByRole('checkbox', { name: '退出应用时自动安装' });
    await expect(consent).not.toBeChecked();
    // The box shows the main process's answer, which arrives a moment after the click (check()
    // would insist on an immediate change).
    await consent.click();
    await expect(consent).toBeChecked();
    await expect(about.getByRole('button', { name: '立即重启并更新' })).toBeVisible();
    await toBottom(page);
    await snap(page, 'about-updates-ready-zh-1280');

    await page.setViewportSize({ width: 1024, height: 768 });
    updates.push({ status: 'error', reason: 'unreachable', at: Date.now() });
    await expect(about.getByText('连不上更新服务器。')).toBeVisible();
    await expect(about.getByText('应用可以照常使用。', { exact: false })).toBeVisible();
    await toBottom(page);
    await snap(page, 'about-updates-error-zh-1024');

    updates.use({ status: 'upToDate', latest: '0.0.9', serverOlder: true, checkedAt: Date.now() });
    await about.getByRole('button', { name: '重试' }).click();
    await expect(about.getByText('更新服务器上的版本（0.0.9）比这台电脑上的旧，不需要更新。')).toBeVisible();
    await toBottom(page);
    await snap(page, 'about-updates-older-zh-1024');
    about = page.getByRole('dialog', { name: '设置' });
    await expect(about).toBeVisible();
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('the same states read in English', async ({ page }) => {
    const updates = await updateStates(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, host.url);
    await page.evaluate(() => window.wxg.settingsSet({ language: 'en' }));
    await page.reload();
    await expect(page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 20_000 });
    const about = await openAbout(page, 'Settings');
    await expect(
      about.getByText('Development builds do not check for updates', { exact: false }),
    ).toBeVisible();
    await toBottom(page);
    await snap(page, 'about-updates-off-en-1280');

    updates.push({ status: 'ready', version: '0.2.0', installOnQuit: false });
    await expect(about.getByRole('checkbox', { name: 'Install when I quit the app' })).toBeVisible();
    await toBottom(page);
    await snap(page, 'about-updates-ready-en-1280');

    await page.setViewportSize({ width: 1024, height: 768 });
    updates.push({ status: 'error', reason: 'badFeed', at: Date.now() });
    await expect(
      about.getByText('The update server answered with something that is not update information.'),
    ).toBeVisible();
    await toBottom(page);
    await snap(page, 'about-updates-error-en-1024');
    await page.evaluate(() => window.wxg.settingsSet({ language: 'system' }));
  });
});
