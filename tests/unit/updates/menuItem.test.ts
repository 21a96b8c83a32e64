// 检查更新… sits where people look for it: the app menu on macOS, Help elsewhere.

import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../electron/main/menu';

type MenuItemConstructorOptions = ReturnType<typeof menuTemplate>[number];

const labels = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => ({
    menu: item.label,
    items: (item.submenu as MenuItemConstructorOptions[]).map((i) => i.label),
  }));

describe('the Check for Updates menu item', () => {
  const base = { appName: '粉丝分组助手', dev: false, openExternal: () => undefined };

  it('is in the Help menu on Windows, and its click checks for updates', () => {
    let checked = 0;
    const template = menuTemplate({
      ...base,
      language: 'zh',
      platform: 'win32',
      checkForUpdates: () => checked++,
    });
    const help = labels(template).find((m) => m.menu === '帮助');
    expect(help?.items).toContain('检查更新…');
    const item = (template.at(-1)!.submenu as MenuItemConstructorOptions[]).find(
      (i) => i.label === '检查更新…',
    );
    (item!.click as () => void)();
    expect(checked).toBe(1);
  });

  it('is in the app menu on macOS, in English too', () => {
    const template = menuTemplate({
      ...base,
      language: 'en',
      platform: 'darwin',
      checkForUpdates: () => undefined,
    });
    expect(labels(template)[0]).toMatchObject({ menu: '粉丝分组助手' });
    expect(labels(template)[0]!.items).toContain('Check for Updates…');
  });

  it('is absent when the host has no updater', () => {
    const template = menuTemplate({ ...base, language: 'zh', platform: 'win32' });
    expect(labels(template).flatMap((m) => m.items)).not.toContain('检查更新…');
  });
});
