import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '#contract/settings';
import type { KeyValueStore } from './ports';

const KEY = 'settings';

/** App-wide preferences; anything stored that no longer fits the schema falls back to defaults. */
export class SettingsService {
  constructor(private readonly store: KeyValueStore) {}

  get(): Settings {
    const stored = settingsSchema.partial().safeParse(this.store.get(KEY));
    return { ...defaultSettings, ...(stored.success ? stored.data : {}) };
  }

  set(patch: SettingsPatch): Settings {
    const next = { ...this.get(), ...patch };
    this.store.set(KEY, next);
    return next;
  }
}
