import { test } from '@playwright/test';
import { openApp } from './support/app';
import { groupsFlow } from './flows/groupsFlow';
import { snap } from './support/screenshots';
import { startHost, type RunningHost } from './support/webhost';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

test.use({ locale: 'zh-CN' });

test('create, rename and delete a tag, with the validation a user meets on the way', async ({ page }) => {
  await openApp(page, host.url);
  await groupsFlow(page, (name) => snap(page, name));
});
