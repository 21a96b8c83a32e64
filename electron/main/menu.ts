import type { MenuItemConstructorOptions } from 'electron';
import { consoleUrl, docsUrl } from './externalLinks';

const labels = {
  zh: {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullscreen: '全屏',
    window: '窗口',
    minimize: '最小化',
    close: '关闭窗口',
    help: '帮助',
    console: '打开微信公众平台',
    docs: '公众号开发文档',
    checkUpdates: '检查更新…',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullscreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
    help: 'Help',
    console: 'Open the Official Account Platform',
    docs: 'Official Account Developer Docs',
    checkUpdates: 'Check for Updates…',
  },
};
export type MenuLanguage = keyof typeof labels;

/** Chinese for any zh-* system locale, English otherwise (matches the renderer's default). */
export function menuLanguage(locale: string): MenuLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * The application menu. Roles keep the native behaviour (and the edit shortcuts that text fields
 * need); labels are ours so both languages read the same on every platform.
 */
export function menuTemplate(options: {
  language: MenuLanguage;
  appName: string;
  platform: NodeJS.Platform;
  dev: boolean;
  openExternal: (url: string) => void;
  checkForUpdates?: () => void;
}): MenuItemConstructorOptions[] {
  const t = labels[options.language];
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  const checkUpdates: MenuItemConstructorOptions[] = options.checkForUpdates
    ? [{ label: t.checkUpdates, click: options.checkForUpdates }]
    : [];
  if (mac)
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        ...checkUpdates,
        { type: 'separator' },
        { role: 'hide' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  else template.push({ label: t.file, submenu: [{ role: 'quit', label: t.quit }] });
  template.push(
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...(options.dev
          ? ([
              { role: 'reload', label: t.reload },
              { role: 'toggleDevTools', label: t.devTools },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: t.resetZoom },
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullscreen },
      ],
    },
    {
      label: t.window,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    },
    {
      role: 'help',
      label: t.help,
      submenu: [
        { label: t.console, click: () => options.openExternal(consoleUrl) },
        { label: t.docs, click: () => options.openExternal(docsUrl) },
        ...(mac ? [] : [{ type: 'separator' } as const, ...checkUpdates]),
      ],
    },
  );
  return template;
}
