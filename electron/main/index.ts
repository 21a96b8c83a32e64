// Composition root of the Electron shell: builds the real ports, the core services, the IPC
// registry and the window. No business logic here; each concern lives in its own file.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, safeStorage, session, shell } from 'electron';
import type { StartupNotice } from '#contract/channels';
import { createServices } from '../core/services';
import { appSchemePrivileges, handleAppProtocol } from './appProtocol';
import { appNameFor } from './buildIdentity';
import { resolveDataDir } from './dataDir';
import { demoEmulator } from '../hostShared/demoEmulator';
import { createFileLogger } from '../hostShared/fileLogger';
import { hardenAllWebContents, hardenSession, openExternalIfAllowed } from './hardening';
import { forwardEvents, registerIpc } from './ipc';
import { holdQuitUntilClosed, WindowKeeper } from './lifecycle';
import { menuTemplate } from './menu';
import { watchPageHealth } from './pageHealth';
import { systemProxyResolver } from './proxy';
import { resolveRendererLocation } from './rendererLocation';
import { SafeStorageSecretStore } from './secretStore';
import { createSettingsStore } from './settings';
import { shellLanguage } from './shellText';
import { reportStartupFailure } from './startupFailure';
import { showDevIcon } from './devIcon';
import { checkFromMenu, setUpUpdates } from './updaterSetup';
import { createMainWindow } from './window';

const rendererDir = join(import.meta.dirname, '../renderer');
const location = resolveRendererLocation({
  isPackaged: app.isPackaged,
  devUrl: process.env['ELECTRON_RENDERER_URL'],
  rendererDir,
});
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

// Before 'ready': the app's name (a dev run gets its own data folder and keychain entry), the data
// folder (Chromium's profile goes there too), the log, the app:// scheme and the sandbox everywhere.
app.setName(appNameFor(app.getName(), app.isPackaged));
const dataDir = resolveDataDir(process.env, join(app.getPath('appData'), app.getName()));
app.setPath('userData', dataDir);
app.setAppLogsPath(join(dataDir, 'logs'));
const logDir = app.getPath('logs');
const log = createFileLogger(logDir, 'main', { console: !app.isPackaged });
// A support person finds these in the log instead of the owner seeing a stack trace.
process.on('uncaughtException', (error) => log.error('Uncaught exception in the main process', { error }));
process.on('unhandledRejection', (reason) =>
  log.error('Unhandled rejection in the main process', { error: reason }),
);
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

/** The owner's language for the shell's dialogs: their setting once it can be read, else the system's. */
let readLanguageSetting: () => unknown = () => undefined;
const language = () => shellLanguage(readLanguageSetting(), app.getLocale());

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the data folder; it gets focused through 'second-instance'.
  app.quit();
} else {
  hardenAllWebContents(location);
  // Registered before the services are built: a second launch during start-up is not lost, and
  // none during shutdown opens a window onto closed services.
  const keeper = new WindowKeeper<BrowserWindow>(() => openWindow());
  app.on('second-instance', () => keeper.secondInstance());
  app.on('activate', () => keeper.activate());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let openWindow: () => BrowserWindow = () => {
    throw new Error('The window opens once the services are ready');
  };
  void start(keeper, (open) => (openWindow = open)).catch(async (error: unknown) => {
    log.error('Startup failed', { error });
    await app.whenReady();
    await reportStartupFailure(
      {
        showMessageBox: (options) => dialog.showMessageBox(options),
        openPath: (path) => shell.openPath(path),
        exit: (code) => app.exit(code),
      },
      language(),
      error,
      { dataDir, logDir },
    );
  });
}

async function start(
  keeper: WindowKeeper<BrowserWindow>,
  setOpenWindow: (open: () => BrowserWindow) => void,
): Promise<void> {
  await app.whenReady();
  handleAppProtocol(session.defaultSession.protocol, rendererDir);
  hardenSession(session.defaultSession, location);
  const settings = createSettingsStore(dataDir);
  readLanguageSetting = () => (settings.get('settings') as { language?: unknown } | undefined)?.language;
  const updates = setUpUpdates(log);
  const notices: StartupNotice[] = [];
  if (settings.recovery) {
    log.warn('settings.json could not be read: moved aside, defaults in use', { ...settings.recovery });
    notices.push({ kind: 'settingsReset', ...settings.recovery });
  }
  const services = await createServices({
    dataDir,
    secrets: new SafeStorageSecretStore(join(dataDir, 'secrets'), safeStorage),
    settings,
    log,
    resolveSystemProxy: systemProxyResolver(session.defaultSession),
    app: { name: app.getName(), version: app.getVersion(), logDir, notices },
    openFolder: async (path) => (await shell.openPath(path)) === '',
    updates,
    demo: demoEmulator(),
  });
  registerIpc(services.handlers, location, log);
  forwardEvents(services.events, location);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        language: language(),
        appName: app.getName(),
        platform: process.platform,
        dev: location.kind === 'dev',
        openExternal: openExternalIfAllowed,
        checkForUpdates: () => void checkFromMenu(updates, language(), keeper.current() ?? undefined),
      }),
    ),
  );

  setOpenWindow(() => {
    const win = showDevIcon(createMainWindow({ location, preloadPath, settings, title: app.getName() }));
    watchPageHealth(win, {
      showMessageBox: (options) => dialog.showMessageBox(win, options),
      log,
      language,
      quit: () => app.quit(),
    });
    return win;
  });
  holdQuitUntilClosed(app, keeper, services.close, (outcome, error) => {
    if (outcome === 'closed') log.info('services closed');
    else log.warn('quit without waiting any longer for the services', { outcome, error });
  });
  keeper.ready();
  // At start, in the background: off builds (development, no feed, unsigned macOS) stay off.
  if (updates.state().status === 'idle') void updates.check();
}
