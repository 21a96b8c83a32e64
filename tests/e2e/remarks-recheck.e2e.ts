import { expect, test } from '@playwright/test';
import { connectAccount } from './support/accounts';
import { followerRows } from './support/app';
import { SERVICE } from './support/emulator';
import { eachLanguageAndWidth } from './support/languagesAndWidths';
import { snap } from './support/screenshots';
import { startHost } from './support/webhost';
import { useEmulatorAndHost } from './support/emulatorAndHost';

const env = useEmulatorAndHost();

const words = {
  zh: {
    remark: '备注（微信）',
    save: '保存备注',
    refused: '微信说这个公众号现在不能设置备注',
    lately: '微信回答这个公众号没有备注权限',
    again: '再试一次',
    saved: '备注已保存到微信',
  },
  en: {
    remark: 'Remark (on WeChat)',
    save: 'Save remark',
    refused: 'WeChat says this account cannot set them now',
    lately: 'WeChat answered that this account may not set remarks',
    again: 'Try again',
    saved: 'Remark saved on WeChat',
  },
};

eachLanguageAndWidth((lang, width) => {
  test('a 48001 on a remark is said in words, and the owner can try again once verified', async ({
    page,
  }) => {
    const w = words[lang];
    // A host of its own per run: each starts with remarks never refused.
    const host = await startHost();
    try {
      await connectAccount(page, host.url, { ...SERVICE, baseUrl: env.emulator.url, name: '小店' });
      env.emulator.control.addFault({
        kind: 'errcode',
        errcode: 48001,
        count: 1,
        path: '/cgi-bin/user/info/updateremark',
      });
      await followerRows(page).first().click();
      const drawer = page.getByRole('dialog');
      const remark = drawer.getByRole('textbox', { name: w.remark });
      await remark.fill(`王阿姨${lang}${width}`);
      await drawer.getByRole('button', { name: w.save }).click();
      await expect(drawer.getByRole('alert')).toContainText(w.refused);
      await expect(drawer).toContainText(w.lately);
      await expect(remark).toBeDisabled();
      await page.mouse.move(1, 1);
      await expect(page.getByRole('tooltip')).toBeHidden();
      await snap(page, `remark-refused-${lang}-${width}`);

      // Verified since: the owner asks again, WeChat is asked, and the remark is saved.
      await drawer.getByRole('button', { name: w.again }).click();
      await expect(remark).toBeEnabled();
      await remark.fill(`王阿姨${lang}${width}`);
      await drawer.getByRole('button', { name: w.save }).click();
      await expect(page.getByText(w.saved)).toBeVisible();
      await expect(drawer).not.toContainText(w.lately);
    } finally {
      await host.stop();
    }
  });
});
