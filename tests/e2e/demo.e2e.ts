import { test } from '@playwright/test';
import { openApp } from './support/app';
import { demoFlow } from './flows/demoFlow';
import { snap } from './support/screenshots';
import { startHost, type RunningHost } from './support/webhost';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => host.stop());

test.use({ locale: 'zh-CN' });

test('a new user tries the demo: welcome → demo → followers listed with their groups', async ({ page }) => {
  await openApp(page, host.url);
  await demoFlow(page, (name) => snap(page, name));
});
