import { expect, type Page } from '@playwright/test';

/** Fills the connect wizard as a user would, pointing it at `baseUrl` through the advanced options. */
export async function fillWizard(
  page: Page,
  values: { appId: string; appSecret: string; baseUrl: string; name?: string },
): Promise<void> {
  if (values.name) await page.getByLabel('名称（可选）').fill(values.name);
  await page.getByLabel('开发者ID (AppID)').fill(values.appId);
  await page.getByLabel('开发者密码 (AppSecret)').fill(values.appSecret);
  const custom = page.getByRole('radio', { name: /自定义接口地址/ });
  if (!(await custom.isVisible())) await page.getByRole('button', { name: /网络连接方式/ }).click();
  await custom.check();
  await page.getByRole('textbox', { name: '接口地址', exact: true }).fill(values.baseUrl);
  await expect(page.getByRole('textbox', { name: '接口地址', exact: true })).toHaveValue(values.baseUrl);
}
