export type Language = 'zh-CN' | 'en';

/** Simplified Chinese when the system speaks any Chinese, English otherwise. */
export function pickLanguage(systemLanguages: readonly string[]): Language {
  const first = systemLanguages.find((l) => l.trim() !== '') ?? '';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
