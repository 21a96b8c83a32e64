// Composition root of the Electron shell: builds the real ports, the core services, the IPC
// registry and the window. No business logic here; each concern lives in its own file.
import { join } from 'node:path';
import { app, BrowserWindow, Menu, safeStorage, session } from 'electron';
import { createServices, type Services } from '../core/services';
import { resolveDataDir } from './dataDir';
import { hardenAllWebContents, hardenSession, openExternalIfAllowed } from './hardening';
import { forwardEvents, registerIpc } from './ipc';
import { createConsoleLogger } from './logger';
import { menuLanguage, menuTemplate } from './menu';
import { systemProxyResolver } from './proxy';
import { resolveRendererLocation } from './rendererLocation';
import { SafeStorageSecretStore } from './secretStore';
import { createSettingsStore } from './settings';
import { showDevIcon } from './devIcon';
import { checkFromMenu, setUpUpdates } from './updaterSetup';
import { createMainWindow } from './window';

const log = createConsoleLogger('main');
const location = resolveRendererLocation({
  isPackaged: app.isPackaged,
  devUrl: process.env['ELECTRON_RENDERER_URL'],
  rendererDir: join(import.meta.dirname, '../renderer'),
});
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

// Before 'ready': the data folder (Chromium's profile goes there too) and the sandbox everywhere.
const dataDir = resolveDataDir(process.env, app.getPath('userData'));
app.setPath('userData', dataDir);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the data folder; it gets focused through 'second-instance'.
  app.quit();
} else {
  hardenAllWebContents(location);
  void start().catch((error: unknown) => {
    log.error('Startup failed', { error: String(error) });
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, location);
  const settings = createSettingsStore(dataDir);
  const updates = setUpUpdates(log);
  const services: Services = await createServices({
    dataDir,
    secrets: new SafeStorageSecretStore(join(dataDir, 'secrets'), safeStorage),
    settings,
    log,
    resolveSystemProxy: systemProxyResolver(session.defaultSession),
    app: { name: app.getName(), version: app.getVersion() },
    updates,
  });
  registerIpc(services.handlers, location, log);
  forwardEvents(services.events, location);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        language: menuLanguage(app.getLocale()),
        appName: app.getName(),
        platform: process.platform,
        dev: location.kind === 'dev',
        openExternal: openExternalIfAllowed,
        checkForUpdates: () =>
          void checkFromMenu(
            updates,
            menuLanguage(app.getLocale()),
            BrowserWindow.getFocusedWindow() ?? undefined,
          ),
      }),
    ),
  );

  const openWindow = () =>
    showDevIcon(createMainWindow({ location, preloadPath, settings, title: app.getName() }));
  let win = openWindow();
  // At start, in the background: off builds (development, no feed, unsigned macOS) stay off.
  if (updates.state().status === 'idle') void updates.check();
  app.on('second-instance', () => {
    if (win.isDestroyed()) win = openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  closeServicesBeforeQuit(services);
}

/** Let the core finish (close databases, stop jobs cleanly) before the process exits. */
function closeServicesBeforeQuit(services: Services): void {
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    void services
      .close()
      .catch((error: unknown) => log.error('Closing services failed', { error: String(error) }))
      .finally(() => app.quit());
  });
}
