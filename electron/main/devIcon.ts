import { join } from 'node:path';
import { app, type BrowserWindow } from 'electron';

/**
 * In development the window (Windows, Linux) and the Dock (macOS) show the app's icon; installed
 * builds carry it in the executable and the app bundle (resources/build).
 */
export function showDevIcon(win: BrowserWindow): BrowserWindow {
  if (app.isPackaged) return win;
  const icon = join(app.getAppPath(), 'resources', 'icon.png');
  if (process.platform === 'darwin') app.dock?.setIcon(icon);
  else win.setIcon(icon);
  return win;
}
