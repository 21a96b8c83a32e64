import { expect, test } from '@playwright/test';
import { followerRows, openApp } from './support/app';
import { SEEN_IP, SERVICE, UNVERIFIED } from './support/emulator';
import { expectControlsNamed } from './support/a11y';
import { snap } from './support/screenshots';
import { fillWizard } from './support/wizard';
import { useEmulatorAndHost } from './support/emulatorAndHost';

// The browser host has no switch to send WeChat's own hosts to an emulator, so these tests do what
// a user behind a relay would: choose "自定义接口地址" in the wizard and enter the emulator's address.
const env = useEmulatorAndHost();

test.use({ locale: 'zh-CN' });

test('an unverified account (48001) is explained plainly, with what to do', async ({ page }) => {
  await openApp(page, env.host.url);
  await page.getByRole('button', { name: '连接我的公众号' }).click();
  await expect(page.getByRole('heading', { name: '连接我的公众号', level: 1 })).toBeVisible();
  // Where the credentials are, and the warning about resetting the secret.
  await expect(page.getByText(/我的业务 → 公众号\/服务号 → 基础信息 → 开发密钥/)).toBeVisible();
  await expect(page.getByText('重置 AppSecret 之前请先确认')).toBeVisible();
  await snap(page, 'connect-zh');

  // A wrong AppID format marks the AppID field itself.
  await fillWizard(page, { appId: 'wx123', appSecret: UNVERIFIED.secret, baseUrl: env.emulator.url });
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(page.getByText(/AppID 格式不对/)).toBeVisible();
  // The rule itself, in words the owner can check the pasted AppID against (#15 item 8).
  await expect(page.getByText(/应以 wx 开头，后面是 16 位数字或字母 a–f（共 18 位）/)).toBeVisible();
  await expect(page.getByLabel('开发者ID (AppID)')).toHaveAttribute('aria-invalid', 'true');
  // The step bar stays on step 1 (credentials) and shows the problem there.
  await page.getByRole('heading', { name: '连接我的公众号', level: 1 }).scrollIntoViewIfNeeded();
  await snap(page, 'connect-field-error-zh');

  await page.getByLabel('开发者ID (AppID)').fill(UNVERIFIED.appid);
  await page.getByRole('button', { name: '测试连接' }).click();
  const help = page.getByRole('alert').filter({ hasText: '这个公众号暂时不能使用粉丝管理' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('已认证');
  await expect(help).toContainText('48001');
  await expect(help.getByRole('button', { name: '再次测试' })).toBeVisible();
  await expect(help.getByRole('button', { name: '试用演示账号' })).toBeVisible();
  await snap(page, 'connect-unverified-zh');

  // 89503: a new IP must be approved by the administrator on their phone.
  env.emulator.control.configure({ ipConfirm: '89503' });
  await page.getByLabel('开发者ID (AppID)').fill(SERVICE.appid);
  await page.getByLabel('开发者密码 (AppSecret)').fill(SERVICE.secret);
  await page.getByRole('button', { name: '测试连接' }).click();
  const phone = page.getByRole('alert').filter({ hasText: '请管理员在手机上确认' });
  await expect(phone).toContainText('公众平台安全助手');
  await expect(phone.getByRole('button', { name: '再次测试' })).toBeVisible();
  env.emulator.control.configure({ ipConfirm: 'off' });
});

test('40164: the IP WeChat saw, how to whitelist it, then success after it is allowed', async ({ page }) => {
  env.emulator.control.configure({
    ipWhitelist: { enabled: true, seenIp: SEEN_IP, scope: 'token', variant: 'ipv6', allowed: [] },
  });
  await openApp(page, env.host.url);
  await page.getByRole('button', { name: '连接我的公众号' }).click();
  await fillWizard(page, {
    appId: SERVICE.appid,
    appSecret: SERVICE.secret,
    baseUrl: env.emulator.url,
    name: '小店公众号',
  });
  await page.keyboard.press('Enter');

  const help = page.getByRole('alert').filter({ hasText: '需要把这台电脑的 IP 加入白名单' });
  await expect(help).toBeVisible();
  await expect(help.getByTestId('seen-ip')).toHaveText(SEEN_IP);
  await expect(help.getByRole('button', { name: '复制 IP' })).toBeVisible();
  await expect(help).toContainText('IP白名单');
  await snap(page, 'connect-ip-zh');
  await expectControlsNamed(page);

  // The owner adds the IP in the console, then tests again.
  env.emulator.control.configure({ ipWhitelist: { allowed: [SEEN_IP] } });
  // 300 followers sync in a blink here; slow WeChat down so the progress step is really seen.
  const slow = env.emulator.control.addFault({
    path: '/cgi-bin/user/info/batchget',
    kind: 'latency',
    ms: 400,
  });
  await help.getByRole('button', { name: '再次测试' }).click();
  await expect(page.getByRole('heading', { name: '正在同步粉丝' })).toBeVisible();
  env.emulator.control.removeFault(slow);
  const followers = env.emulator.control.state(SERVICE.appid).followerCount();
  await expect(page.getByText(`同步完成，共 ${followers} 位粉丝。`)).toBeVisible({ timeout: 20_000 });
  await snap(page, 'connect-synced-zh');

  await page.getByRole('button', { name: '进入主界面' }).click();
  await expect(page.getByRole('combobox', { name: '当前公众号' })).toBeVisible();
  await expect(page.getByText('小店公众号')).toBeVisible();
  await expect(followerRows(page).first()).toBeVisible();
  await expect(page.getByTestId('follower-count')).toHaveText(`共 ${followers} 位粉丝`);

  // Connected without trying the demo first: the account switcher still offers it.
  await page.getByRole('combobox', { name: '当前公众号' }).click();
  // The visible entry (the listbox's own options are hidden, for screen readers only).
  await page.locator('.ant-select-item-option[title="试用演示账号"]').click();
  await expect(page.getByText('演示', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('net-status')).toHaveText('演示数据（内置模拟器，未连接微信）', {
    timeout: 20_000,
  });
});
