import Store from 'electron-store';
import type { KeyValueStore } from '../core/ports';
import { openSettingsWithRecovery, type SettingsRecovery } from '../hostShared/settingsRecovery';

/**
 * The core's settings port: electron-store's JSON file in the data folder (never a secret). An
 * unreadable file is moved aside and the app starts from defaults (see settingsRecovery).
 */
export function createSettingsStore(dataDir: string): KeyValueStore & {
  store: Store;
  recovery: SettingsRecovery | null;
} {
  const { store, recovery } = openSettingsWithRecovery(
    dataDir,
    () => new Store({ cwd: dataDir, name: 'settings' }),
  );
  return {
    store,
    recovery,
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
