import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The browser host as a user starts it (`npm run web`, minus the build the e2e script already
// did): a child process on a free port with a fresh data folder. Its `ready <url>` line is the
// only handshake; the URL carries the per-run token in its fragment.
let child: ChildProcess;
let url: string;

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fg-webhost-e2e-'));
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/webhost/cli.ts', '--port', '0', '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^ready (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`webhost exited early (${code}): ${out}`)));
  });
});

test.afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

test.use({ locale: 'zh-CN' });

test('the page loads with its product name and window.wxg answers over the socket', async ({ page }) => {
  expect(url).toMatch(/#token=[0-9a-f]{64}$/);
  // A CSP violation or a failed bridge shows up as a console error.
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('粉丝分组助手');
  // The bridge took the token out of the address bar before the app started.
  expect(new URL(page.url()).hash).toBe('');

  const info = await page.evaluate(() => window.wxg.appInfo());
  expect(info).toMatchObject({ ok: true, data: { name: '粉丝分组助手', version: expect.any(String) } });

  const methods = await page.evaluate(() => Object.keys(window.wxg).sort());
  expect(methods).toContain('accountsList');
  expect(methods).not.toContain('invoke');

  const bad = await page.evaluate(() => window.wxg.accountsRemove({ id: 5 } as never));
  expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

  // A reload in the same tab keeps working (the token is kept for this tab only).
  await page.reload();
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
  expect(await page.evaluate(() => window.wxg.settingsGet())).toMatchObject({ ok: true });
  expect(errors).toEqual([]);
});

test('a page opened without the token cannot use the contract', async ({ page }) => {
  await page.goto(new URL(url).origin + '/');
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
  const result = await page.evaluate(() => window.wxg.appInfo());
  expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
});

test('the page lists accounts and opens the demo account over the socket', async ({ page }) => {
  await page.goto(url);
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached();
  const before = await page.evaluate(() => window.wxg.accountsList());
  expect(before).toMatchObject({ ok: true, data: { accounts: expect.any(Array) } });

  // The change event arrives through window.wxg.on as well.
  const changed = page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const off = window.wxg.on('accounts:changed', () => {
          off();
          resolve(true);
        });
      }),
  );
  const demo = await page.evaluate(() => window.wxg.demoOpen());
  expect(demo).toMatchObject({ ok: true, data: { isDemo: true } });
  const after = await page.evaluate(() => window.wxg.accountsList());
  expect(after.ok && after.data.accounts.some((a) => a.isDemo)).toBe(true);
  expect(await changed).toBe(true);
});
