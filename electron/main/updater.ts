// The app's self-update as the owner sees it: one state, moved by electron-updater's events.
// Found updates download in the background; they are installed only when the owner agrees
// (on quit, or by restarting now). Only types come from electron-updater here, so tests drive
// this with a real updater pointed at a local server, outside Electron.
import type { UpdateState } from '#contract/updates';
import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { Logger, UpdatePort } from '../core/ports';
import { updateErrorReason } from './updateErrors';

export function createUpdateController(options: {
  updater: AppUpdater;
  log: Logger;
  now?: () => number;
}): UpdatePort {
  const { updater, log } = options;
  const now = options.now ?? Date.now;
  const listeners = new Set<(state: UpdateState) => void>();
  let state: UpdateState = { status: 'idle' };
  let checking: Promise<UpdateState> | null = null;

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;

  const set = (next: UpdateState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  const fail = (error: unknown) => {
    const reason = updateErrorReason(error, state.status === 'downloading' ? 'download' : 'check');
    log.warn('Update failed', {
      reason,
      error: error instanceof Error ? error.message.slice(0, 300) : String(error),
    });
    set({ status: 'error', reason, at: now() });
  };

  updater.on('checking-for-update', () => set({ status: 'checking' }));
  updater.on('update-not-available', (info: UpdateInfo) =>
    set({
      status: 'upToDate',
      latest: info.version,
      serverOlder: updater.currentVersion.compare(info.version) > 0,
      checkedAt: now(),
    }),
  );
  updater.on('update-available', (info: UpdateInfo) =>
    set({ status: 'downloading', version: info.version, percent: 0, transferred: 0, total: 0 }),
  );
  updater.on('download-progress', (progress: ProgressInfo) => {
    if (state.status !== 'downloading') return;
    // Whole percents: the window hears of each step, not of every network chunk.
    const percent = Math.floor(progress.percent);
    if (percent === state.percent && state.total === progress.total) return;
    set({
      ...state,
      percent,
      transferred: progress.transferred,
      total: progress.total,
    });
  });
  updater.on('update-downloaded', (info: UpdateInfo) =>
    set({ status: 'ready', version: info.version, installOnQuit: false }),
  );
  updater.on('error', fail);

  return {
    state: () => state,
    check() {
      // A found update is downloading or waiting for consent: asking again changes nothing.
      if (state.status === 'downloading' || state.status === 'ready') return Promise.resolve(state);
      checking ??= updater
        .checkForUpdates()
        .then((result) => {
          // The download reports through events; its rejection is the 'error' event already.
          result?.downloadPromise?.catch(() => undefined);
          return state;
        })
        .catch((error: unknown) => {
          if (state.status !== 'error') fail(error);
          return state;
        })
        .finally(() => (checking = null));
      return checking;
    },
    setInstallOnQuit(enabled) {
      if (state.status !== 'ready') return state;
      updater.autoInstallOnAppQuit = enabled;
      set({ ...state, installOnQuit: enabled });
      return state;
    },
    async restart() {
      if (state.status !== 'ready') return state;
      // Silent on Windows (the owner already agreed here), and the app starts again afterwards.
      updater.quitAndInstall(true, true);
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type OffReason = Extract<UpdateState, { status: 'off' }>['reason'];

/** Why this build cannot update itself, or null when it can. */
export function updatesOffReason(build: {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** electron-builder wrote app-update.yml (the build had an update address). */
  hasFeed: boolean;
  /** The macOS build was signed (Squirrel.Mac refuses unsigned updates). */
  macSigned: boolean;
}): OffReason | null {
  if (!build.isPackaged) return 'dev';
  if (!build.hasFeed) return 'noFeed';
  if (build.platform === 'darwin' && !build.macSigned) return 'unsignedMac';
  return null;
}
