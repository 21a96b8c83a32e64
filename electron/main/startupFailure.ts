import type { MessageBoxOptions } from 'electron';
import type { MenuLanguage } from './menu';
import { fill, shellText } from './shellText';

const dataFolderCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EBUSY', 'ENOTDIR', 'EEXIST']);

/** The dialog for a start-up that failed: what failed, where the log is, a button to open it. */
export function startupFailureDialog(
  language: MenuLanguage,
  error: unknown,
  paths: { dataDir: string; logDir: string },
): MessageBoxOptions {
  const t = shellText(language);
  const code = (error as { code?: unknown } | null)?.code;
  const what =
    typeof code === 'string' && dataFolderCodes.has(code)
      ? fill(t.startupDetail.dataFolder, { dataDir: paths.dataDir })
      : // Anything else is a fault of the app: its technical text goes to the log, not to the owner.
        t.startupDetail.other;
  return {
    type: 'error',
    title: t.startupTitle,
    message: t.startupMessage,
    detail: `${what}\n\n${fill(t.startupLog, { logDir: paths.logDir })}`,
    buttons: [t.openLogFolder, t.quit],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** The Electron parts the start-up failure report uses (passed in, so tests use plain objects). */
export interface StartupFailurePorts {
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  openPath(path: string): Promise<string>;
  exit(code: number): void;
}

/** Shows the dialog (opening the log folder if asked) and exits with code 1. */
export async function reportStartupFailure(
  ports: StartupFailurePorts,
  language: MenuLanguage,
  error: unknown,
  paths: { dataDir: string; logDir: string },
): Promise<void> {
  try {
    const { response } = await ports.showMessageBox(startupFailureDialog(language, error, paths));
    if (response === 0) await ports.openPath(paths.logDir);
  } finally {
    ports.exit(1);
  }
}
