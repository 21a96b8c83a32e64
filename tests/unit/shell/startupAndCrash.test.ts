import { describe, expect, it } from 'vitest';
import {
  watchPageHealth,
  type DialogOptions as MessageBoxOptions,
  type PageGoneDetails as RenderProcessGoneDetails,
  type WatchedWindow,
} from '../../../electron/main/pageHealth';
import { shellLanguage } from '../../../electron/main/shellText';
import { reportStartupFailure, startupFailureDialog } from '../../../electron/main/startupFailure';
import { capturingLog } from '../../support/emulatorClient';

const paths = { dataDir: '/home/me/.config/粉丝分组助手', logDir: '/home/me/.config/粉丝分组助手/logs' };

describe('a start-up that fails', () => {
  it("says what failed and where the log is, in the owner's language, with a button to open it", () => {
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/x'"), { code: 'EACCES' });
    const zh = startupFailureDialog('zh', denied, paths);
    expect(zh.title).toBe('粉丝分组助手无法启动');
    expect(zh.detail).toContain('无法读写数据文件夹（/home/me/.config/粉丝分组助手）');
    expect(zh.detail).toContain(paths.logDir);
    expect(zh.detail).not.toContain('EACCES');
    expect(zh.buttons).toEqual(['打开日志文件夹', '退出']);
    const en = startupFailureDialog('en', new Error('ERR_SQLITE boom at access_token=abc'), paths);
    expect(en.message).toMatch(/could not|cannot/);
    expect(en.detail).toContain('open it again');
    expect(en.detail).toContain(paths.logDir);
    expect(en.detail).not.toMatch(/ERR_SQLITE|abc/);
    expect(en.buttons).toEqual(['Open Log Folder', 'Quit']);
  });

  it('opens the log folder when asked, and exits with 1 whatever happens', async () => {
    for (const [response, opened] of [
      [0, [paths.logDir]],
      [1, []],
    ] as const) {
      const done: { opened: string[]; exit: number[] } = { opened: [], exit: [] };
      await reportStartupFailure(
        {
          showMessageBox: async () => ({ response }),
          openPath: async (path) => (done.opened.push(path), ''),
          exit: (code) => void done.exit.push(code),
        },
        'zh',
        new Error('x'),
        paths,
      );
      expect(done).toEqual({ opened, exit: [1] });
    }
    const exits: number[] = [];
    await reportStartupFailure(
      {
        showMessageBox: () => Promise.reject(new Error('no display')),
        openPath: async () => '',
        exit: (code) => void exits.push(code),
      },
      'en',
      new Error('x'),
      paths,
    ).catch(() => undefined);
    expect(exits).toEqual([1]);
  });

  it("speaks the owner's chosen language, else the system's", () => {
    expect(shellLanguage('en', 'zh-CN')).toBe('en');
    expect(shellLanguage('zh-CN', 'en-US')).toBe('zh');
    expect(shellLanguage('system', 'zh-TW')).toBe('zh');
    expect(shellLanguage(undefined, 'de-DE')).toBe('en');
  });
});

/** A window whose page events the test fires, and a dialog the test answers. */
function watched(answer: (options: MessageBoxOptions) => Promise<{ response: number }>) {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const calls: string[] = [];
  const dialogs: MessageBoxOptions[] = [];
  const win: WatchedWindow = {
    isDestroyed: () => false,
    webContents: {
      on: ((event: string, listener: (...args: unknown[]) => void) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return win.webContents;
      }) as WatchedWindow['webContents']['on'],
      reload: () => void calls.push('reload'),
    },
  };
  const log = capturingLog();
  watchPageHealth(win, {
    showMessageBox: (options) => (dialogs.push(options), answer(options)),
    log,
    language: () => 'zh',
    quit: () => void calls.push('quit'),
  });
  const emit = (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => l(...args));
  return { emit, calls, dialogs, log };
}

const gone = (reason: RenderProcessGoneDetails['reason']): RenderProcessGoneDetails => ({
  reason,
  exitCode: 139,
});
const settle = () => new Promise((r) => setImmediate(r));

describe('a crashed or hung page', () => {
  it('a crash is logged with its reason and offers 重新加载 (which reloads) or 退出', async () => {
    const page = watched(async () => ({ response: 0 }));
    page.emit('render-process-gone', {}, gone('oom'));
    await settle();
    expect(page.dialogs[0]).toMatchObject({ title: '窗口内容意外停止了', buttons: ['重新加载', '退出'] });
    expect(page.dialogs[0]!.message).toContain('内存不足');
    expect(page.calls).toEqual(['reload']);
    expect(page.log.lines.join('\n')).toMatch(/window page gone.*"reason":"oom"/);

    const quitting = watched(async () => ({ response: 1 }));
    quitting.emit('render-process-gone', {}, gone('crashed'));
    await settle();
    expect(quitting.calls).toEqual(['quit']);
  });

  it('a page closing normally is not a crash', async () => {
    const page = watched(async () => ({ response: 0 }));
    page.emit('render-process-gone', {}, gone('clean-exit'));
    await settle();
    expect(page.dialogs).toEqual([]);
    expect(page.calls).toEqual([]);
  });

  it('a hang offers 继续等待 or 重新加载; the dialog goes away if the page recovers', async () => {
    let signal: AbortSignal | undefined;
    const page = watched(
      (options) =>
        new Promise((resolve) => {
          signal = options.signal;
          options.signal?.addEventListener('abort', () => resolve({ response: 0 }));
        }),
    );
    page.emit('unresponsive');
    page.emit('unresponsive'); // One dialog at a time.
    expect(page.dialogs).toHaveLength(1);
    expect(page.dialogs[0]).toMatchObject({ title: '窗口没有响应', buttons: ['继续等待', '重新加载'] });
    page.emit('responsive');
    await settle();
    expect(signal?.aborted).toBe(true);
    expect(page.calls).toEqual([]);

    const reloading = watched(async () => ({ response: 1 }));
    reloading.emit('unresponsive');
    await settle();
    expect(reloading.calls).toEqual(['reload']);
  });
});
