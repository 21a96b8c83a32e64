import type { Settings } from '#contract/settings';

export type Language = 'zh-CN' | 'en';

/** Simplified Chinese when the system speaks any Chinese, English otherwise. */
export function pickLanguage(systemLanguages: readonly string[]): Language {
  const first = systemLanguages.find((l) => l.trim() !== '') ?? '';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language the app shows for a setting: 'system' asks the browser (Electron: the OS). */
export function resolveLanguage(setting: Settings['language']): Language {
  if (setting !== 'system') return setting;
  if (typeof navigator === 'undefined') return 'en';
  return pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}
