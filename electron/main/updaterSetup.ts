// The Electron side of self-update: decides whether updates can run in this build, wires
// electron-updater's autoUpdater into the update controller, and answers the menu's 检查更新.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import type { Logger, UpdatePort } from '../core/ports';
import { updatesOff } from '../core/updatesOff';
import type { MenuLanguage } from './menu';
import { createUpdateController, updatesOffReason } from './updater';

export function setUpUpdates(log: Logger): UpdatePort {
  const reason = updatesOffReason({
    isPackaged: app.isPackaged,
    platform: process.platform,
    hasFeed: app.isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml')),
    macSigned: readMacSigned(),
  });
  if (reason) {
    log.info('Updates are off', { reason });
    return updatesOff(reason);
  }
  const updater = electronUpdater.autoUpdater;
  updater.logger = {
    info: (message?: unknown) => log.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => log.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => log.error(`updater: ${String(message)}`),
  };
  return createUpdateController({ updater, log });
}

/** electron-builder.ts writes `macSigned` into the packaged package.json. */
function readMacSigned(): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as {
      macSigned?: unknown;
    };
    return manifest.macSigned === true;
  } catch {
    return false;
  }
}

const words = {
  zh: {
    title: '检查更新',
    upToDate: (v: string) => `已是最新版本（${v}）。`,
    serverOlder: (v: string) => `更新服务器上的版本（${v}）比这台电脑上的旧，不需要更新。`,
    downloading: (v: string) =>
      `发现新版本 ${v}，正在后台下载。下载完成后，可在“设置 → 关于”里选择安装时机。`,
    ready: (v: string) => `新版本 ${v} 已下载好。可在“设置 → 关于”里选择退出时安装或立即重启更新。`,
    error: '暂时无法检查更新。请检查网络后再试；应用可以照常使用。',
    off: {
      dev: '这是开发版本，不检查更新。',
      noFeed: '这个版本没有设置更新地址，请到官网下载新版本。',
      unsignedMac: '这个 macOS 版本没有签名，macOS 不允许它自动更新，请到官网下载新版本。',
    },
    ok: '好',
  },
  en: {
    title: 'Check for Updates',
    upToDate: (v: string) => `You have the latest version (${v}).`,
    serverOlder: (v: string) =>
      `The update server offers an older version (${v}) than this one; nothing to update.`,
    downloading: (v: string) =>
      `Version ${v} is available and downloading in the background. When it is ready, choose when to install it in Settings → About.`,
    ready: (v: string) =>
      `Version ${v} is downloaded. Install it on quit or restart now from Settings → About.`,
    error: 'Could not check for updates right now. Check the network and try again; the app keeps working.',
    off: {
      dev: 'This is a development build; it does not check for updates.',
      noFeed: 'This build has no update address. Download new versions from the website.',
      unsignedMac:
        'This macOS build is not signed, so macOS does not let it update itself. Download new versions from the website.',
    },
    ok: 'OK',
  },
};

/** The menu's 检查更新…: checks now and answers in a dialog. */
export async function checkFromMenu(
  updates: UpdatePort,
  language: MenuLanguage,
  win?: BrowserWindow,
): Promise<void> {
  const t = words[language];
  const state = await updates.check();
  const message =
    state.status === 'off'
      ? t.off[state.reason]
      : state.status === 'upToDate'
        ? state.serverOlder
          ? t.serverOlder(state.latest)
          : t.upToDate(app.getVersion())
        : state.status === 'downloading'
          ? t.downloading(state.version)
          : state.status === 'ready'
            ? t.ready(state.version)
            : t.error;
  const options = { type: 'info' as const, title: t.title, message, buttons: [t.ok] };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
