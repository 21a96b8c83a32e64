import { statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { connectAccount } from './support/accounts';
import { followerRows, openApp } from './support/app';
import { SERVICE } from './support/emulator';
import { eachLanguageAndWidth } from './support/languagesAndWidths';
import { snap } from './support/screenshots';
import { startHost } from './support/webhost';
import { useEmulatorAndLaterHost } from './support/emulatorAndHost';

const words = {
  zh: {
    title: '本机保存的粉丝数据已重新建立',
    kept: '找回了 1 条本地笔记',
    incomplete: '损坏的文件有一部分读不出来',
    dismiss: '知道了',
    search: '搜索粉丝',
  },
  en: {
    title: 'The follower data on this computer was rebuilt',
    kept: 'Recovered 1 local note and 0 job records.',
    incomplete: "Part of the damaged file couldn't be read",
    dismiss: 'Got it',
    search: 'Search followers',
  },
};

eachLanguageAndWidth((lang, width) => {
  const env = useEmulatorAndLaterHost();

  test('a damaged cache: the window says what came back, and the local note is still there', async ({
    page,
  }) => {
    const w = words[lang];
    const first = await startHost();
    const id = await connectAccount(page, first.url, { ...SERVICE, baseUrl: env.emulator.url, name: '小店' });
    const openid = await page.evaluate(async (accountId) => {
      const page = await window.wxg.followersQuery({ accountId, query: { limit: 1 } });
      if (!page.ok) throw new Error(page.error.code);
      const openid = page.data.rows[0]?.openid ?? '';
      await window.wxg.followersSetNote({ accountId, openid, note: '每周三来店，喜欢拿铁' });
      return openid;
    }, id);
    await first.stop();
    // A power cut took half the file.
    const file = join(first.dataDir, 'accounts', id, 'cache.sqlite');
    truncateSync(file, Math.floor(statSync(file).size / 2));

    env.host = await startHost({ dataDir: first.dataDir });
    await openApp(page, env.host.url);
    const notice = page.getByTestId('recovery-notice');
    await expect(notice).toContainText(w.title);
    await expect(notice).toContainText(w.kept);
    await expect(notice).toContainText(w.incomplete);
    await snap(page, `recovery-${lang}-${width}`);

    await page.getByRole('searchbox', { name: w.search }).fill('拿铁');
    await expect(followerRows(page)).toHaveCount(1);
    await expect(followerRows(page).first()).toHaveAttribute('data-openid', openid);
    await notice.getByRole('button', { name: w.dismiss }).click();
    await expect(notice).toBeHidden();
  });
});
