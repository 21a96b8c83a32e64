import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { InsecureFileSecretStore } from '../core/accounts/insecureFileSecretStore';
import type { CorePorts, KeyValueStore, Logger } from '../core/ports';
import { demoEmulator } from '../hostShared/demoEmulator';
import { openSettingsWithRecovery } from '../hostShared/settingsRecovery';

/**
 * The core's ports for the browser host, in plain Node: electron-store (with the absolute cwd it
 * needs outside Electron) and the INSECURE plain-text secret store — acceptable for a development
 * host on a throwaway data folder, never used by the Electron app.
 */
export async function createNodePorts(options: {
  dataDir: string;
  log: Logger;
  /** Where the host's log file is (shown in About; this host cannot open folders). */
  logDir?: string;
  wechat?: CorePorts['wechat'];
}): Promise<CorePorts> {
  if (!isAbsolute(options.dataDir)) throw new Error(`The data folder must be absolute: ${options.dataDir}`);
  const { settings, recovery } = await electronStoreAt(options.dataDir);
  if (recovery)
    options.log.warn('settings.json could not be read: moved aside, defaults in use', { ...recovery });
  return {
    dataDir: options.dataDir,
    secrets: new InsecureFileSecretStore(join(options.dataDir, 'insecure-secrets')),
    settings,
    log: options.log,
    app: {
      ...appIdentity(),
      ...(options.logDir ? { logDir: options.logDir } : {}),
      notices: recovery ? [{ kind: 'settingsReset', ...recovery }] : [],
    },
    ...(options.wechat ? { wechat: options.wechat } : {}),
    demo: demoEmulator(),
  };
}

/** electron-store as the app opens it: an unreadable file is moved aside (see settingsRecovery). */
async function electronStoreAt(
  cwd: string,
): Promise<{ settings: KeyValueStore; recovery: ReturnType<typeof openSettingsWithRecovery>['recovery'] }> {
  // electron-store imports 'electron', which outside Electron would try to download a binary
  // unless this is set — so set it first, then import.
  process.env['ELECTRON_OVERRIDE_DIST_PATH'] ??= '/nonexistent';
  const { default: Store } = await import('electron-store');
  const { store, recovery } = openSettingsWithRecovery(
    cwd,
    () => new Store<Record<string, unknown>>({ cwd, name: 'settings' }),
  );
  return {
    settings: {
      get: (key) => store.get(key),
      set: (key, value) => store.set(key, value),
      delete: (key) => store.delete(key),
    },
    recovery,
  };
}

function appIdentity(): { name: string; version: string } {
  const file = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
    productName?: string;
    name: string;
    version: string;
  };
  return { name: pkg.productName ?? pkg.name, version: pkg.version };
}
