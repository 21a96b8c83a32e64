import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { InsecureFileSecretStore } from '../core/accounts/insecureFileSecretStore';
import type { CorePorts, KeyValueStore, Logger } from '../core/ports';

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
  return {
    dataDir: options.dataDir,
    secrets: new InsecureFileSecretStore(join(options.dataDir, 'insecure-secrets')),
    settings: await electronStoreAt(options.dataDir),
    log: options.log,
    app: { ...appIdentity(), ...(options.logDir ? { logDir: options.logDir } : {}) },
    ...(options.wechat ? { wechat: options.wechat } : {}),
  };
}

async function electronStoreAt(cwd: string): Promise<KeyValueStore> {
  // electron-store imports 'electron', which outside Electron would try to download a binary
  // unless this is set — so set it first, then import.
  process.env['ELECTRON_OVERRIDE_DIST_PATH'] ??= '/nonexistent';
  const { default: Store } = await import('electron-store');
  const store = new Store<Record<string, unknown>>({ cwd, name: 'settings' });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
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
