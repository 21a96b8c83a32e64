import { describe, expect, it } from 'vitest';
import { errorCodes } from '#contract/errors';
import { en } from '../../renderer/src/i18n/en';
import { pickLanguage } from '../../renderer/src/i18n/language';
import { zhCN } from '../../renderer/src/i18n/zh-CN';
import { secretStorageProblems } from '../../electron/main/secretStore';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('language choice', () => {
  it('uses Simplified Chinese for any Chinese system language', () => {
    expect(pickLanguage(['zh-CN'])).toBe('zh-CN');
    expect(pickLanguage(['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage(['ZH'])).toBe('zh-CN');
  });
  it('uses English otherwise, and when nothing is known', () => {
    expect(pickLanguage(['en-US', 'zh-CN'])).toBe('en');
    expect(pickLanguage(['de-DE'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});

describe('translations', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    for (const table of [en, zhCN]) {
      for (const k of keys(table)) {
        const value = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], table);
        expect(String(value).trim(), k).not.toBe('');
      }
    }
  });
});

describe('error wording', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  it('exists for every error code in both languages, with the same placeholders', () => {
    for (const code of errorCodes) {
      expect(zhCN.errors[code], code).toBeTruthy();
      expect(en.errors[code], code).toBeTruthy();
      expect(placeholders(en.errors[code]), code).toEqual(placeholders(zhCN.errors[code]));
    }
  });
});

describe('keychain problems', () => {
  it('each have their own words (what to do differs), except plain unavailability', () => {
    // 'decrypt' reaches the window as SECRET_UNREADABLE (clientPool), with its own words.
    for (const table of [zhCN, en])
      for (const problem of secretStorageProblems.filter((p) => p !== 'unavailable' && p !== 'decrypt'))
        expect(table.secretStorage[problem], problem).toBeTruthy();
    expect(zhCN.secretStorage['keychain-busy']).toContain('不需要重新填写');
    expect(en.secretStorage['keychain-busy']).toContain('no need to enter the AppSecret again');
  });
});
