import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { accountName } from '../../../renderer/src/features/accounts/accountName';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } } });
  return i18n.t;
}

describe("an unnamed account's name follows the window's language", () => {
  it('reads the Chinese default name in English, and the English one in Chinese', async () => {
    const toEnglish = await translator('en');
    const toChinese = await translator('zh-CN');
    const made = (name: string) => ({ name, isDemo: false });
    expect(accountName(made('我的公众号（AppID 尾号 7a8b）'), toEnglish)).toBe(
      'My official account (AppID ending 7a8b)',
    );
    expect(accountName(made('My official account (AppID ending 7a8b)'), toChinese)).toBe(
      '我的公众号（AppID 尾号 7a8b）',
    );
  });

  it('leaves a name the owner chose alone', async () => {
    const toEnglish = await translator('en');
    expect(accountName({ name: '小店公众号', isDemo: false }, toEnglish)).toBe('小店公众号');
  });
});
