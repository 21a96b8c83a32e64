import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp, projectDir } from './launchApp';

test('the real app opens its window with the product name', async () => {
  const { app, dataDir } = await launchApp();
  // Started on '.', Electron runs the app under its own name and data folder, not as "Electron";
  // unpackaged, that name is the development one (its own data folder and keychain entry).
  const identity = await app.evaluate(({ app: electronApp }) => ({
    name: electronApp.getName(),
    userData: electronApp.getPath('userData'),
    appPath: electronApp.getAppPath(),
  }));
  expect(identity).toEqual({ name: '粉丝分组助手 Dev', userData: dataDir, appPath: projectDir });
  const page = await app.firstWindow();
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/粉丝分组助手|Follower Groups/);

  // Served from app://renderer with the strict CSP as a header: its connect-src 'none' refuses
  // even the page's own files (the page's <meta> policy alone would allow 'self'), and no local
  // file can be read.
  expect(page.url()).toBe('app://renderer/index.html');
  const reads = await page.evaluate(async () => {
    const attempt = (url: string) =>
      fetch(url).then(
        () => 'read',
        () => 'refused',
      );
    return { own: await attempt('app://renderer/index.html'), file: await attempt('file:///etc/hosts') };
  });
  expect(reads).toEqual({ own: 'refused', file: 'refused' });

  // The preload exposes the contract and nothing of Node or Electron.
  const exposed = await page.evaluate(() => ({
    methods: Object.keys(window.wxg).sort(),
    node: typeof (globalThis as { process?: unknown }).process,
    require: typeof (globalThis as { require?: unknown }).require,
  }));
  expect(exposed.methods).toContain('appInfo');
  expect(exposed.methods).not.toContain('invoke');
  expect(exposed.node).toBe('undefined');
  expect(exposed.require).toBe('undefined');

  const info = await page.evaluate(() => window.wxg.appInfo());
  expect(info).toMatchObject({
    ok: true,
    data: { name: expect.any(String), dataDir: expect.stringContaining('fg-electron-') },
  });
  const bad = await page.evaluate(() => window.wxg.accountsRemove({ id: 5 } as never));
  expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

  // The same flow as the browser e2e: list accounts, open the demo.
  expect(await page.evaluate(() => window.wxg.accountsList())).toMatchObject({ ok: true });
  expect(await page.evaluate(() => window.wxg.demoOpen())).toMatchObject({
    ok: true,
    data: { isDemo: true },
  });

  // No window.open, no navigation away.
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(app.windows()).toHaveLength(1);

  // node:sqlite exists in Electron's Node (the cache needs it).
  const sqlite = await app.evaluate(async () => {
    const { DatabaseSync } = await import('node:sqlite');
    return new DatabaseSync(':memory:').prepare('select sqlite_version() as v').get();
  });
  expect(sqlite).toHaveProperty('v');

  // Not an installed build: updates are off, and the renderer is told why.
  expect(await page.evaluate(() => window.wxg.updatesStatus())).toEqual({
    ok: true,
    data: { status: 'off', reason: 'dev' },
  });
  await app.close();
  // Quitting waited for the core, and the log file says so.
  expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain('services closed');
});
