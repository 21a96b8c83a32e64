import { expect, test, type Page } from '@playwright/test';
import { connectAccount } from './support/accounts';
import { SERVICE, startTestEmulator } from './support/emulator';
import { useEmulatorAndHost } from './support/emulatorAndHost';

const env = useEmulatorAndHost();

test.use({ locale: 'zh-CN' });

/**
 * Creates a tag through the window's API and lists, in the order the page saw them, the account's
 * `net:status` events and the call's answer.
 */
function createTagAndWatch(page: Page, accountId: string, name: string): Promise<string[]> {
  return page.evaluate(
    async ({ accountId, name }) => {
      const seen: string[] = [];
      const off = window.wxg.on('net:status', (status) => {
        if (status.accountId === accountId)
          seen.push(status.online ? 'net:status online' : 'net:status offline');
      });
      const answer = await window.wxg.groupsCreate({ accountId, name });
      seen.push(answer.ok ? 'answer ok' : `answer ${answer.error.code}`);
      off();
      return seen;
    },
    { accountId, name },
  );
}

// The window takes its online state only from the core's net:status: that is right only if the
// event reaches the page before the answer of the call that found WeChat gone, or back.
test('net:status reaches the window before the answer of the call that found WeChat gone, and back', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const accountId = await connectAccount(page, env.host.url, {
    ...SERVICE,
    baseUrl: env.emulator.url,
    name: '小店公众号',
  });
  const port = env.emulator.port;

  await env.emulator.close();
  expect(await createTagAndWatch(page, accountId, '新标签一')).toEqual([
    'net:status offline',
    'answer NETWORK',
  ]);

  env.emulator = await startTestEmulator({ port });
  expect(await createTagAndWatch(page, accountId, '新标签二')).toEqual(['net:status online', 'answer ok']);
});
