import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { bulkMoveFlow } from '../e2e/flows/bulkMoveFlow';
import { demoFlow } from '../e2e/flows/demoFlow';
import { groupsFlow } from '../e2e/flows/groupsFlow';
import { snap } from '../e2e/support/screenshots';
import { launchApp } from './launchApp';

// The browser-host suite's main flows, in the real Electron app (main process, preload, IPC).
// Each test starts the app on a fresh data folder, in Chinese.

let app: ElectronApplication | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});

async function launch(): Promise<Page> {
  ({ app } = await launchApp({ args: ['--lang=zh-CN'], env: { LANG: 'zh_CN.UTF-8' } }));
  const page = await app.firstWindow();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 20_000 });
  return page;
}

const shot = (page: Page) => (name: string) => snap(page, `electron-${name}`);

/** From the welcome screen into the demo account, as a new user would. */
async function openDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: '试用演示账号' }).click();
  await expect(page.getByTestId('last-synced')).toContainText('上次同步', { timeout: 20_000 });
}

test('a new user tries the demo (Electron)', async () => {
  const page = await launch();
  await demoFlow(page, shot(page));
});

test('create, rename and delete a tag (Electron)', async () => {
  const page = await launch();
  await openDemo(page);
  await groupsFlow(page, shot(page));
});

test('move 120 followers with progress and undo it (Electron)', async () => {
  const page = await launch();
  await openDemo(page);
  await bulkMoveFlow(page, shot(page));
});
