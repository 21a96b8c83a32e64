import type { MessageBoxOptions, RenderProcessGoneDetails } from 'electron';
import type { Logger } from '../core/ports';
import type { MenuLanguage } from './menu';
import { fill, shellText } from './shellText';

/** The parts of a window and its page this watcher uses (plain objects in tests). */
export interface WatchedWindow {
  isDestroyed(): boolean;
  webContents: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: RenderProcessGoneDetails) => void,
    ): unknown;
    on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
    reload(): void;
  };
}

export type PageGoneDetails = RenderProcessGoneDetails;
export type DialogOptions = MessageBoxOptions;
export type ShowMessageBox = (options: MessageBoxOptions) => Promise<{ response: number }>;

/**
 * A crashed or hung page is not left blank or frozen: the reason is logged and the owner gets a
 * dialog offering 重新加载 (a crash also offers 退出; a hang offers 继续等待, and the dialog goes
 * away by itself if the page recovers). One dialog at a time.
 */
export function watchPageHealth(
  win: WatchedWindow,
  options: { showMessageBox: ShowMessageBox; log: Logger; language: () => MenuLanguage; quit: () => void },
): void {
  let open: { kind: 'crash' | 'hang'; controller: AbortController } | null = null;
  const ask = async (
    kind: 'crash' | 'hang',
    dialog: MessageBoxOptions,
    onResponse: (response: number) => void,
  ) => {
    if (open) return;
    const controller = new AbortController();
    open = { kind, controller };
    try {
      const { response } = await options.showMessageBox({ ...dialog, signal: controller.signal });
      if (!controller.signal.aborted && !win.isDestroyed()) onResponse(response);
    } finally {
      if (open?.controller === controller) open = null;
    }
  };

  win.webContents.on('render-process-gone', (_event, details) => {
    // 'clean-exit' is the page closing normally (the window is going away).
    if (details.reason === 'clean-exit') return;
    options.log.error('window page gone', { reason: details.reason, exitCode: details.exitCode });
    if (open?.kind === 'hang') {
      open.controller.abort(); // Moot now: the page is gone.
      open = null;
    }
    const t = shellText(options.language());
    const reason = t.reasons[details.reason as keyof typeof t.reasons] ?? t.reasons.other;
    void ask(
      'crash',
      {
        type: 'error',
        title: t.crashedTitle,
        message: fill(t.crashedMessage, { reason }),
        detail: t.crashedDetail,
        buttons: [t.reload, t.quit],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      },
      (response) => (response === 0 ? win.webContents.reload() : options.quit()),
    );
  });

  win.webContents.on('unresponsive', () => {
    options.log.warn('window page not responding');
    const t = shellText(options.language());
    void ask(
      'hang',
      {
        type: 'warning',
        title: t.hungTitle,
        message: t.hungMessage,
        detail: t.hungDetail,
        buttons: [t.wait, t.reload],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      },
      (response) => {
        if (response === 1) win.webContents.reload();
      },
    );
  });

  win.webContents.on('responsive', () => {
    options.log.info('window page responding again');
    if (open?.kind === 'hang') open.controller.abort();
  });
}
