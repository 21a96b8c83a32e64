import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirEnv, resolveDataDir } from '../../../electron/main/dataDir';
import { menuLanguage, menuTemplate } from '../../../electron/main/menu';
import { defaultSize, initialBounds, minimumSize } from '../../../electron/main/windowState';

describe('data folder', () => {
  it('is userData unless the environment variable names another (made absolute)', () => {
    expect(resolveDataDir({}, '/home/u/.config/app')).toBe('/home/u/.config/app');
    expect(resolveDataDir({ [dataDirEnv]: '  ' }, '/d')).toBe('/d');
    expect(resolveDataDir({ [dataDirEnv]: '/tmp/fg-1' }, '/d')).toBe('/tmp/fg-1');
    expect(resolveDataDir({ [dataDirEnv]: 'rel/dir' }, '/d')).toBe(resolve('rel/dir'));
  });
});

describe('window bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('restores saved bounds that are on a display', () => {
    expect(initialBounds({ x: 100, y: 50, width: 1000, height: 700, maximized: true }, screen)).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });
  it('drops the position when that display is gone, and enforces the minimum size', () => {
    expect(initialBounds({ x: 3000, y: 0, width: 200, height: 100 }, screen)).toEqual({
      width: minimumSize.width,
      height: minimumSize.height,
      maximized: false,
    });
  });
  it('falls back to the default for missing or corrupt state', () => {
    for (const saved of [undefined, null, 'x', { x: 'a' }, { x: 1, y: 1, width: -5, height: 10 }])
      expect(initialBounds(saved, screen)).toEqual({ ...defaultSize, maximized: false });
  });
});

describe('menu', () => {
  it('is Chinese for zh locales and English otherwise', () => {
    expect(menuLanguage('zh-CN')).toBe('zh');
    expect(menuLanguage('zh-TW')).toBe('zh');
    expect(menuLanguage('en-US')).toBe('en');
    expect(menuLanguage('de')).toBe('en');
    const labels = (language: 'zh' | 'en') =>
      menuTemplate({ language, appName: 'X', platform: 'linux', dev: false, openExternal: () => {} }).map(
        (m) => m.label,
      );
    expect(labels('zh')).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels('en')).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('opens only allowlisted pages from Help, and hides dev tools outside development', () => {
    const opened: string[] = [];
    const template = menuTemplate({
      language: 'en',
      appName: 'X',
      platform: 'darwin',
      dev: false,
      openExternal: (url) => opened.push(url),
    });
    const help = template.find((m) => m.role === 'help');
    const items = Array.isArray(help?.submenu) ? help.submenu : [];
    for (const item of items) item.click?.({} as never, undefined, {} as never);
    expect(
      opened.every(
        (u) => u.startsWith('https://mp.weixin.qq.com/') || u.startsWith('https://developers.weixin.qq.com/'),
      ),
    ).toBe(true);
    expect(opened).toHaveLength(2);
    expect(JSON.stringify(template)).not.toContain('toggleDevTools');
    expect(template[0]?.label).toBe('X');
  });
});
