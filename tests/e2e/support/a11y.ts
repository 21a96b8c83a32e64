import { expect, type Page } from '@playwright/test';

const controls = [
  'button',
  'checkbox',
  'combobox',
  'link',
  'menuitem',
  'radio',
  'searchbox',
  'slider',
  'switch',
  'textbox',
];

/**
 * Every control on screen has an accessible name: reads the page's accessibility tree (what a
 * screen reader gets) and lists the controls that have none.
 */
export async function expectControlsNamed(page: Page): Promise<void> {
  const tree = await page.locator('body').ariaSnapshot();
  const unnamed = tree
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => {
      const match = /^- (\w+)(.*)$/.exec(line);
      if (!match || !controls.includes(match[1] ?? '')) return false;
      // A name is a quoted string or a /regex/ right after the role.
      return !/^\s*("|\/)/.test(match[2] ?? '');
    });
  expect(unnamed, `controls without a name:\n${tree}`).toEqual([]);
}
