import { expect, type Page } from '@playwright/test';

/** Opens the app and waits for its readiness marker (the first data on screen). */
export async function openApp(page: Page, url: string): Promise<void> {
  // Like a user who turned animations off: antd then draws dialogs at once (steady screenshots).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await expect(page.locator('body[data-app-state="ready"]')).toBeAttached({ timeout: 20_000 });
}

/** The followers table (virtualized: only rows on screen exist). */
export function followersTable(page: Page) {
  return page.getByRole('table', { name: /粉丝列表|Followers/ });
}

/** Data rows of the followers table (the header row excluded). */
export function followerRows(page: Page) {
  return followersTable(page).locator('[role="row"][data-openid]');
}
