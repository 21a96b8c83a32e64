import { BrowserWindow, screen } from 'electron';
import type { KeyValueStore } from '../core/ports';
import { entryUrl, type RendererLocation } from './rendererLocation';
import { initialBounds, loadWindowState, minimumSize, saveWindowState } from './windowState';

/** The one app window: hardened web preferences, remembered bounds, shown once painted. */
export function createMainWindow(options: {
  location: RendererLocation;
  preloadPath: string;
  settings: KeyValueStore;
  title: string;
}): BrowserWindow {
  const bounds = initialBounds(
    loadWindowState(options.settings),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    title: options.title,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    if (bounds.maximized) win.maximize();
    win.show();
  });
  // Save the normal (not maximized) bounds, so un-maximizing next time restores a sensible size.
  win.on('close', () => saveWindowState(options.settings, win.getNormalBounds(), win.isMaximized()));
  void win.loadURL(entryUrl(options.location));
  return win;
}
