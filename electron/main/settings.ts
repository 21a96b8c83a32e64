import Store from 'electron-store';
import type { KeyValueStore } from '../core/ports';

/** The core's settings port: electron-store's JSON file in the data folder (never a secret). */
export function createSettingsStore(dataDir: string): KeyValueStore & { store: Store } {
  const store = new Store({ cwd: dataDir, name: 'settings' });
  return {
    store,
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
