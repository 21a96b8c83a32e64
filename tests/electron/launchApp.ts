import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { dataDirEnv } from '../../electron/main/dataDir';

export const projectDir = resolve(import.meta.dirname, '../..');

/**
 * Starts the real app the way `npm start` and an installed build do: Electron on the project
 * folder ('.'), so package.json gives it its own name (粉丝分组助手) and entry; the data folder is a
 * fresh temporary one through the app's own override. run.ts passes the binary it fetched.
 */
export async function launchApp(
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<{ app: ElectronApplication; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fg-electron-'));
  const executablePath = process.env['FG_ELECTRON_BINARY'];
  // Chromium refuses to start as root without this (CI containers run as root).
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    args: ['.', ...rootArgs, ...(options.args ?? [])],
    cwd: projectDir,
    ...(executablePath ? { executablePath } : {}),
    env: { ...process.env, ...options.env, [dataDirEnv]: dataDir } as Record<string, string>,
  });
  return { app, dataDir };
}
