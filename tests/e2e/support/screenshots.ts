import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const folder = join(process.cwd(), 'tests', 'e2e', 'screenshots');

/** Saves what the user sees as tests/e2e/screenshots/<name>.png (git-ignored; the best are copied to resources/). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  // No blinking caret: the picture shows the resting state (openApp turns animations off).
  await page.screenshot({ path: join(folder, `${name}.png`), caret: 'hide' });
}
