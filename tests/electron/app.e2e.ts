import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

test('the real app opens its window with the product name', async () => {
  const app = await electron.launch({
    args: ['out/main/index.js'],
    env: { ...process.env, FOLLOWER_GROUPS_DATA_DIR: mkdtempSync(join(tmpdir(), 'fg-electron-')) },
  });
  const page = await app.firstWindow();
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/粉丝分组助手|Follower Groups/);
  await app.close();
});
