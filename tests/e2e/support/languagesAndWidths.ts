import { test } from '@playwright/test';

export type Language = 'zh' | 'en';

/**
 * Declares the same tests once per language and window width (Chinese and English, 1 280 and
 * 1 024 px wide), each in a describe of its own, so every screen is checked and shot in all four.
 */
export function eachLanguageAndWidth(tests: (lang: Language, width: number) => void): void {
  for (const lang of ['zh', 'en'] as const) {
    for (const width of [1280, 1024]) {
      test.describe(`${lang} at ${width}px`, () => {
        test.use({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport: { width, height: 800 } });
        tests(lang, width);
      });
    }
  }
}
