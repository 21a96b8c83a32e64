import { expect, type Page } from '@playwright/test';
import { openApp } from './app';

/**
 * Adds a real (emulated) account through the API the window uses and opens it after its first
 * sync — for tests about something else than the connect wizard (which has its own tests).
 */
export async function connectAccount(
  page: Page,
  url: string,
  account: { appid: string; secret: string; baseUrl: string; name: string; groupApi?: 'tags' | 'groups' },
): Promise<string> {
  await openApp(page, url);
  const id = await page.evaluate(async (a) => {
    const added = await window.wxg.accountsAdd({
      name: a.name,
      appId: a.appid,
      appSecret: a.secret,
      network: { mode: 'custom-base', baseUrl: a.baseUrl },
      ...(a.groupApi ? { groupApi: a.groupApi } : {}),
    });
    if (!added.ok) throw new Error(added.error.code);
    await window.wxg.accountsSetDefault({ id: added.data.id });
    await window.wxg.syncStart({ accountId: added.data.id });
    return added.data.id;
  }, account);
  await openApp(page, url);
  await expect(page.getByTestId('last-synced')).toContainText(/上次同步|Last synced/, { timeout: 20_000 });
  return id;
}

/** The id of the account with this name (for tests that call the contract directly). */
export async function accountIdOf(page: Page, name: string): Promise<string> {
  return page.evaluate(async (n) => {
    const list = await window.wxg.accountsList();
    if (!list.ok) throw new Error(list.error.code);
    const found = list.data.accounts.find((a) => a.name === n);
    if (!found) throw new Error(`no account named ${n}`);
    return found.id;
  }, name);
}
